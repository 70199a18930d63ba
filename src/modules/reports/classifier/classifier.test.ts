import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CATEGORY_CODES, type CategoryCode } from './categories.ts';
import { REPORTS_RO } from './fixtures/reports-ro.ts';
import { ReportClassifier } from './naive-bayes.ts';
import { heldOutSplit } from './split.ts';

const { train, test: heldOut } = heldOutSplit(REPORTS_RO);
const trained = () => {
  const m = new ReportClassifier();
  m.train(train);
  return m;
};
const model = trained();
const top = (m: ReportClassifier, text: string) => m.predict(text)[0]!.code;

function heldOutText(start: string): string {
  const found = heldOut.find((e) => e.text.startsWith(start));
  assert.ok(found, `"${start}…" must be in the held-out split`);
  assert.ok(!train.some((e) => e.text === found.text));
  return found.text;
}

describe('ReportClassifier.predict', () => {
  test('clear held-out reports get their category', () => {
    const cases: [string, CategoryCode][] = [
      ['Gaura in asfalt la trecerea de cale ferata', 'roads.pothole'],
      ['Ghena blocului este plina', 'waste.uncollected'],
      ['Televizoare vechi si electrocasnice aruncate', 'waste.illegal_dumping'],
      ['Stâlp de iluminat ruginit și găurit', 'lighting.streetlight'],
      ['Carusel blocat la locul de joaca', 'green.playground'],
      ['Banca din statia de tramvai', 'transit.stop'],
      ['Masina abandonata de ani de zile in parcarea din Gheorgheni', 'police.abandoned_vehicle'],
      ['Zgomot de la santierul de pe Str. Fabricii', 'police.noise'],
    ];
    for (const [start, code] of cases) assert.equal(top(model, heldOutText(start)), code, start);
  });

  test('new phrasings, with and without diacritics', () => {
    assert.equal(top(model, 'Este o groapă uriașă în asfalt chiar în fața casei mele'), 'roads.pothole');
    assert.equal(top(model, 'nu s-a mai ridicat gunoiul de doua saptamani'), 'waste.uncollected');
    assert.equal(top(model, 'Becul de pe stâlp e ars'), 'lighting.streetlight');
    assert.equal(top(model, 'Muzică tare de la bar toată noaptea'), 'police.noise');
  });

  test('returns every category once, most likely first, with probabilities summing to 1', () => {
    const ranked = model.predict('Copac căzut peste mașini după furtună');
    assert.equal(ranked[0]!.code, 'green.trees');
    assert.deepEqual(ranked.map((p) => p.code).sort(), [...CATEGORY_CODES].sort());
    for (let i = 1; i < ranked.length; i++) assert.ok(ranked[i - 1]!.score >= ranked[i]!.score);
    assert.ok(Math.abs(ranked.reduce((s, p) => s + p.score, 0) - 1) < 1e-9);
    assert.ok(ranked.every((p) => p.score > 0 && p.score < 1));
  });

  test('a report that names two problems splits its probability between them', () => {
    const [first, second] = model.predict('Coș de gunoi plin în stație');
    assert.ok(first!.score < 0.9, `top score ${first!.score}`);
    assert.deepEqual([first!.code, second!.code].sort(), ['transit.stop', 'waste.uncollected']);
  });

  test('scores are calibrated-ish: on held-out reports the mean top score is close to the accuracy', () => {
    let confidence = 0;
    let correct = 0;
    for (const { text, code } of heldOut) {
      const best = model.predict(text)[0]!;
      confidence += best.score;
      if (best.code === code) correct++;
    }
    const gap = Math.abs(confidence - correct) / heldOut.length;
    assert.ok(gap < 0.1, `mean top score ${confidence / heldOut.length} vs accuracy ${correct / heldOut.length}`);
  });

  test('a text with no known word falls back to an even spread', () => {
    const ranked = model.predict('Xyzzy qwerty!');
    assert.ok(ranked.every((p) => Math.abs(p.score - 1 / CATEGORY_CODES.length) < 1e-9));
  });

  test('training twice on the same reports gives the identical model', () => {
    assert.deepEqual(trained().toJSON(), model.toJSON());
  });
});

describe('ReportClassifier.learn', () => {
  test('an official correction changes the prediction for that report', () => {
    const m = trained();
    const text = heldOutText('Ca de obicei, trotuarul de pe Calea Florești de la Polus');
    assert.notEqual(top(m, text), 'police.illegal_parking');
    const temperature = m.temperature;
    m.learn(text, 'police.illegal_parking');
    assert.equal(top(m, text), 'police.illegal_parking');
    assert.equal(m.temperature, temperature);
  });

  test('a correction also moves similar reports, and leaves the original model untouched', () => {
    const m = trained();
    const similar = 'Trotuarul de pe Calea Turzii e transformat în parcare.';
    const before = m.predict(similar).find((p) => p.code === 'police.illegal_parking')!.score;
    m.learn('Trotuarul din fața blocului e transformat în parcare de vecini.', 'police.illegal_parking', 2);
    const after = m.predict(similar).find((p) => p.code === 'police.illegal_parking')!.score;
    assert.ok(after > before, `${before} → ${after}`);
    assert.deepEqual(trained().toJSON(), model.toJSON());
  });

  test('rejects a weight that is not positive', () => {
    assert.throws(() => trained().learn('gunoi', 'waste.uncollected', 0), RangeError);
  });
});

describe('ReportClassifier JSON', () => {
  test('round trip through JSON text predicts the same and serialises the same', () => {
    const text = JSON.stringify(model);
    const restored = ReportClassifier.fromJSON(JSON.parse(text));
    assert.equal(JSON.stringify(restored), text);
    for (const { text: report } of heldOut.slice(0, 40)) assert.deepEqual(restored.predict(report), model.predict(report));
  });

  test('a restored model keeps learning', () => {
    const restored = ReportClassifier.fromJSON(JSON.parse(JSON.stringify(model)));
    const text = heldOutText('Ca de obicei, trotuarul de pe Calea Florești de la Polus');
    restored.learn(text, 'police.illegal_parking');
    assert.equal(top(restored, text), 'police.illegal_parking');
  });

  test('rejects what is not a saved model', () => {
    const good = model.toJSON();
    const bad: unknown[] = [
      null,
      'model',
      { ...good, format: 'other' },
      { ...good, version: 2 },
      { ...good, temperature: 0 },
      { ...good, categories: ['roads.pothole', 'roads.unknown'] },
      { ...good, features: { groap: [1, 2] } },
      { ...good, features: { groap: Array(CATEGORY_CODES.length).fill(-1) } },
    ];
    for (const b of bad) assert.throws(() => ReportClassifier.fromJSON(b), TypeError, JSON.stringify(b)?.slice(0, 60));
  });
});
