// Fails on any message key used in code but missing from a catalog, on catalogs whose languages
// disagree, and on translations that drop a {placeholder}.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog } from '../create-context.ts';
import { IntlMessageFormat } from 'intl-messageformat';
import { Catalog } from './catalog.ts';
import { coreMessages } from './core-messages.ts';
import { allModules } from '../../modules/index.ts';
import { LOCALES } from '../config/config.ts';

const SRC = fileURLToPath(new URL('../..', import.meta.url));
const catalog = buildCatalog(allModules);
const sources = [...coreMessages, ...allModules.filter((m) => m.messages).map((m) => [`module ${m.name}`, m.messages!] as const)];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

test('every catalog has the same keys in ro, en and hu', () => {
  for (const [source, m] of sources) {
    const ro = Object.keys(m.ro).sort();
    for (const locale of ['en', 'hu'] as const) {
      assert.deepEqual(Object.keys(m[locale]).sort(), ro, `${source}: ${locale} keys differ from ro`);
    }
  }
});

/** The values a message asks for: `{name}`, and in ICU messages also `{name, plural, …}` / `{name, number}`. */
function placeholders(text: string): string[] {
  if (!text.includes(', plural,')) return (text.match(/\{\w+\}/g) ?? []).sort();
  return [...new Set([...text.matchAll(/\{(\w+)(?:\}|, (?:plural|number)\b)/g)].map((m) => `{${m[1]}}`))].sort();
}

test('translations keep every {placeholder} and are never empty', () => {
  for (const [source, m] of sources) {
    for (const [key, ro] of Object.entries(m.ro)) {
      const want = placeholders(ro);
      for (const locale of LOCALES) {
        const text = m[locale][key] ?? '';
        assert.ok(text.trim().length > 0, `${source}: ${locale}/${key} is empty`);
        assert.deepEqual(placeholders(text), want, `${source}: ${locale}/${key} placeholders differ from ro`);
        // A malformed plural message would only fail when a page first renders it.
        if (text.includes(', plural,')) assert.doesNotThrow(() => new IntlMessageFormat(text, Catalog.intlTag(locale)), `${source}: ${locale}/${key} is not a valid ICU message`);
      }
    }
  }
});

test('every message key used in the code exists in the catalogs', () => {
  const missing: string[] = [];
  // t('key'), req.t("key"), page.t('key', ...) and manifest/nav labels written as label: 'key'
  const patterns = [/\bt\(\s*['"]([a-z][\w-]*(?:\.[\w-]+)+)['"]/g, /\b(?:label|title|labelKey|messageKey):\s*['"]([a-z][\w-]*(?:\.[\w-]+)+)['"]/g];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const re of patterns) {
      for (const m of text.matchAll(re)) {
        const key = m[1]!;
        if (!catalog.has('ro', key)) missing.push(`${file.slice(SRC.length)}: ${key}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});

test('module manifests name catalog keys for their title and navigation', () => {
  for (const m of allModules) {
    assert.ok(catalog.has('ro', m.title), `module ${m.name}: title key ${m.title} missing`);
    for (const n of m.nav ?? []) assert.ok(catalog.has('ro', n.label), `module ${m.name}: nav label ${n.label} missing`);
  }
});

test('the translator interpolates and falls back to Romanian', () => {
  const en = catalog.translator('en');
  assert.equal(en('home.welcome', { city: 'Cluj' }), 'Welcome to the platform of Cluj');
  assert.equal(catalog.translator('hu')('layout.skip'), 'Ugrás a tartalomhoz');
});

test('counts agree with their noun in each language (ICU plural messages)', () => {
  const c = new Catalog();
  c.add('test', {
    ro: { n: '{count, plural, one {# comentariu} few {# comentarii} other {# de comentarii}} la „{q}”', plain: '{count} x {q}' },
    en: { n: '{count, plural, one {# comment} other {# comments}} on “{q}”', plain: '{count} x {q}' },
    hu: { n: '{count, plural, other {# hozzászólás}}: {q}', plain: '{count} x {q}' },
  });
  const ro = c.translator('ro');
  assert.deepEqual([1, 2, 19, 20, 101, 1000].map((count) => ro('n', { count, q: 'parc' })), [
    '1 comentariu la „parc”',
    '2 comentarii la „parc”',
    '19 comentarii la „parc”',
    '20 de comentarii la „parc”',
    '101 comentarii la „parc”',
    '1.000 de comentarii la „parc”',
  ]);
  assert.equal(c.translator('en')('n', { count: 1, q: 'it' }), '1 comment on “it”');
  assert.equal(c.translator('en')('n', { count: 1234, q: 'it' }), '1,234 comments on “it”');
  assert.equal(c.translator('hu')('n', { count: 3, q: 'park' }), '3 hozzászólás: park');
  assert.equal(ro('n', { count: '100+', q: 'x' }), '100+ de comentarii la „x”', 'a capped count reads as many');
  assert.equal(ro('plain', { count: 5, q: "{it's}" }), "5 x {it's}", 'messages without plurals substitute as before');
});

test('a count-only plural is formatted once per count and language, never mixed up', () => {
  const c = new Catalog();
  c.add('test', {
    ro: { s: '{count, plural, one {# susținere} few {# susțineri} other {# de susțineri}}' },
    en: { s: '{count, plural, one {# support} other {# supports}}' },
    hu: { s: '{count, plural, other {# támogatás}}' },
  });
  const ro = c.translator('ro');
  const en = c.translator('en');
  for (let round = 0; round < 2; round++) {
    assert.deepEqual([1, 3, 20, 1, 1500].map((count) => ro('s', { count })), ['1 susținere', '3 susțineri', '20 de susțineri', '1 susținere', '1.500 de susțineri']);
    assert.deepEqual([1, 3, 1500].map((count) => en('s', { count })), ['1 support', '3 supports', '1,500 supports']);
  }
  assert.equal(ro('s', { count: '100+' }), '100+ de susțineri');
  assert.equal(c.translator('ro'), ro, 'one translator per language');
});

test('a plural message missing its count shows its key instead of failing the page', () => {
  const c = new Catalog();
  c.add('test', { ro: { n: '{count, plural, one {# vot} other {# voturi}}' }, en: { n: '{count, plural, one {# vote} other {# votes}}' }, hu: { n: '{count, plural, other {# szavazat}}' } });
  assert.equal(c.translator('ro')('n', { other: 1 }), 'n');
});
