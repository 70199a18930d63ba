// Turns a Romanian report into the features the classifier counts: folded, stemmed words plus the
// pairs of neighbouring words ("loc de joacă" → loc, joc, loc_joc).
//
// Stemming uses the Snowball Romanian algorithm from @orama/stemmers: it is the reference algorithm
// (the same output as the `snowball-stemmers` and `@nlpjs/lang-ro` ports, checked word by word), it is
// published and maintained with the Orama search engine, ships as an ES module with types, has no
// dependencies, and each language is a separate import so only the Romanian rules are loaded.
import { stemmer as snowballRomanian } from '@orama/stemmers/romanian';
import { STOP_WORDS } from './stop-words.ts';

const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Lowercases and strips diacritics: ă â î ș ț and the cedilla forms ş ţ (still common from old
 * keyboards) all fold to plain letters, so "Ştefan", "Ștefan" and "Stefan" read the same.
 */
export function foldDiacritics(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

const WORD = /[\p{L}\p{N}]+/gu;
const DIGITS_ONLY = /^[0-9]+$/;
const CAPITALISED_OR_NUMBER = /^[\p{Lu}\p{N}]/u;

// Street names say where, not what: "Str. Moților" appears under any category, and with a few dozen
// reports per category the classifier would otherwise learn that Moților means potholes. After an
// abbreviation the next word is always a name; after a full word ("strada", "calea") only capitalised
// words are dropped, because "aleea pietonală" or "spre stradă" carry meaning.
const ABBREVIATED_MARKERS: ReadonlySet<string> = new Set(['str', 'bd', 'bld', 'bdul', 'sos', 'pta', 'cal']);
const WORD_MARKERS: ReadonlySet<string> = new Set([
  'strada', 'strazii', 'calea', 'bulevardul', 'bulevardului', 'piata', 'pietei', 'aleea', 'splaiul',
  'soseaua', 'intrarea', 'cartierul', 'cartierului',
]);

/**
 * Folded words without stop words, numbers (house numbers, dates), one- or two-letter scraps and
 * street names.
 */
export function tokenise(text: string): string[] {
  const raw = [...text.normalize('NFC').matchAll(WORD)].map(([w]) => w);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const word = foldDiacritics(raw[i]!);
    const abbreviated = ABBREVIATED_MARKERS.has(word);
    if (abbreviated || WORD_MARKERS.has(word)) {
      let next = i + 1;
      if (abbreviated && next < raw.length) next++;
      while (next < raw.length && CAPITALISED_OR_NUMBER.test(raw[next]!)) next++;
      // "aleea pietonală" names no street: the word itself is then an ordinary word.
      if (next > i + 1) {
        i = next - 1;
        continue;
      }
    }
    if (word.length < 3 || DIGITS_ONLY.test(word) || STOP_WORDS.has(word)) continue;
    out.push(word);
  }
  return out;
}

// Snowball is applied to already folded words. Most citizens type without diacritics, and stemming the
// folded form is what makes "mașină" and "masina" land on the same stem every time.
// Snowball leaves Romanian stem alternations apart (groapă/gropi, poartă/porți, seară/seri); folding
// "oa" to "o" and "ea" to "e" inside the stem joins them. Unrelated words that collide this way are
// rare enough in report texts to cost nothing measurable.
function rawStem(word: string): string {
  return snowballRomanian(word).replaceAll('oa', 'o').replaceAll('ea', 'e');
}

const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

/** Stem of one folded word; memoised because report vocabularies are small and repetitive. */
export function stemRo(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const stem = rawStem(word);
  // A long-running server sees an open-ended vocabulary; dropping the cache keeps memory bounded.
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, stem);
  return stem;
}

/** Stems of the report's content words, in order. */
export function stems(text: string): string[] {
  return tokenise(text).map(stemRo);
}

export const BIGRAM_JOINER = '_';

/** Whether a feature is a pair of stems rather than a single stem. */
export function isBigram(feature: string): boolean {
  return feature.includes(BIGRAM_JOINER);
}

/**
 * The classifier's features: each distinct stem, then each distinct pair of neighbouring stems
 * (after stop words and street names are dropped). Repeats are counted once: in a short report a word
 * said three times in anger is no more evidence than the same word said once.
 */
export function features(text: string): string[] {
  const s = stems(text);
  const out = new Set<string>(s);
  for (let i = 1; i < s.length; i++) out.add(`${s[i - 1]}${BIGRAM_JOINER}${s[i]}`);
  return [...out];
}
