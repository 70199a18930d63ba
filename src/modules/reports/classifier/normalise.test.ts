import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { features, foldDiacritics, isBigram, stemRo, stems, tokenise } from './normalise.ts';

describe('foldDiacritics', () => {
  test('lowercases and strips ă â î ș ț', () => {
    assert.equal(foldDiacritics('Ăsta ÎNCĂ Își Șterge Țeava, bătrânește'), 'asta inca isi sterge teava, batraneste');
  });

  test('the cedilla forms ş ţ Ş Ţ fold like the comma-below ones', () => {
    assert.equal(foldDiacritics('Şoseaua Ţării, staţia, maşina'), 'soseaua tarii, statia, masina');
    assert.equal(foldDiacritics('ş ţ'), foldDiacritics('ș ț'));
  });
});

describe('tokenise', () => {
  test('drops stop words, numbers, short scraps and street names', () => {
    assert.deepEqual(tokenise('Groapă mare pe Str. Moților nr. 12, și s-a lărgit!'), ['groapa', 'mare', 'largit']);
  });

  test('a street abbreviation drops the next word even in lower case', () => {
    assert.deepEqual(tokenise('groapa str horea langa gara'), ['groapa', 'gara']);
  });

  test('after a full street word only capitalised words are names', () => {
    assert.deepEqual(tokenise('Calea Dorobanților 12: aleea pietonală e ruptă'), ['aleea', 'pietonala', 'rupta']);
    assert.deepEqual(tokenise('Pe Bd. 21 Decembrie 1989 nr. 77 trotuarul a cedat'), ['trotuarul', 'cedat']);
  });

  test('diacritics, cedillas and none give the same tokens', () => {
    const a = tokenise('Mașina abandonată în stație');
    assert.deepEqual(tokenise('Maşina abandonată în staţie'), a);
    assert.deepEqual(tokenise('Masina abandonata in statie'), a);
  });
});

describe('stemming', () => {
  const sameStem = (words: string[]) => {
    const s = new Set(words.map((w) => stemRo(foldDiacritics(w))));
    assert.equal(s.size, 1, `${words.join(', ')} → ${[...s].join(', ')}`);
  };

  test('groapă, gropi, gropile share a stem, with or without diacritics', () => {
    sameStem(['groapă', 'groapa', 'gropi', 'gropile', 'gropilor', 'gropii']);
  });

  test('other inflections of report words share a stem', () => {
    sameStem(['mașină', 'mașini', 'mașinile', 'masinilor']);
    sameStem(['copac', 'copacul', 'copacii', 'copaci']);
    sameStem(['stâlp', 'stalpul', 'stâlpii']);
    sameStem(['abandonată', 'abandonat', 'abandonate']);
    sameStem(['leagăn', 'leagănul', 'leagăne']);
  });

  test('different words keep different stems', () => {
    assert.notEqual(stemRo('groapa'), stemRo('gunoi'));
    assert.notEqual(stemRo('trotuar'), stemRo('tobogan'));
  });

  test('stems() keeps the order of the content words', () => {
    assert.deepEqual(stems('Copacul a căzut peste mașini'), ['copac', 'cazut', 'masin']);
  });
});

describe('features', () => {
  test('stems once each, then pairs of neighbouring stems across dropped stop words', () => {
    const f = features('Leagăn rupt la locul de joacă, leagăn rupt!');
    assert.deepEqual(f.filter((x) => !isBigram(x)), ['legan', 'rupt', 'loc', 'joc']);
    assert.ok(f.includes('loc_joc'));
    assert.ok(f.includes('legan_rupt'));
    assert.equal(new Set(f).size, f.length);
  });

  test('a text with no content words has no features', () => {
    assert.deepEqual(features('Vă rog, la nr. 5!'), []);
  });
});
