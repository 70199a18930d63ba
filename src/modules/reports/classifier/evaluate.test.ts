import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CATEGORY_CODES, type CategoryCode, type LabelledReport } from './categories.ts';
import { evaluate } from './evaluate.ts';
import { REPORTS_RO } from './fixtures/reports-ro.ts';
import { ReportClassifier, type Prediction } from './naive-bayes.ts';
import { heldOutSplit } from './split.ts';

/** A stand-in classifier whose answer is written in the text: "<predicted code> <second code>". */
function scripted(text: string): Prediction[] {
  const [first, second] = text.split(' ') as [CategoryCode, CategoryCode];
  const rest = CATEGORY_CODES.filter((c) => c !== first && c !== second);
  return [{ code: first, score: 0.5 }, { code: second, score: 0.3 }, ...rest.map((code) => ({ code, score: 0.2 / rest.length }))];
}

describe('evaluate', () => {
  test('accuracy, precision, recall, F1, macro-F1 and log-loss on a known confusion', () => {
    const examples: LabelledReport[] = [
      { code: 'roads.pothole', text: 'roads.pothole roads.sidewalk' },
      { code: 'roads.pothole', text: 'roads.pothole roads.sidewalk' },
      { code: 'roads.pothole', text: 'roads.sidewalk roads.pothole' },
      { code: 'roads.sidewalk', text: 'roads.sidewalk roads.pothole' },
      { code: 'police.noise', text: 'roads.pothole police.noise' },
      { code: 'police.noise', text: 'police.noise roads.pothole' },
    ];
    const e = evaluate(scripted, examples);
    assert.equal(e.n, 6);
    assert.equal(e.accuracy, 4 / 6);
    assert.equal(e.top2Accuracy, 1);
    // pothole: predicted 3 times, 2 right; 3 real potholes, 2 found.
    assert.deepEqual(e.perClass['roads.pothole'], { precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, support: 3 });
    // sidewalk: predicted twice, once right; the one real sidewalk found.
    assert.equal(e.perClass['roads.sidewalk'].precision, 1 / 2);
    assert.equal(e.perClass['roads.sidewalk'].recall, 1);
    assert.ok(Math.abs(e.perClass['roads.sidewalk'].f1 - 2 / 3) < 1e-12);
    // noise: predicted once, right; 2 real, 1 found.
    assert.ok(Math.abs(e.perClass['police.noise'].f1 - 2 / 3) < 1e-12);
    // Categories absent from the set count neither for nor against the macro average.
    assert.equal(e.perClass['transit.stop'].support, 0);
    assert.ok(Math.abs(e.macroF1 - 2 / 3) < 1e-12);
    assert.equal(e.confusion['roads.pothole']['roads.sidewalk'], 1);
    assert.equal(e.confusion['police.noise']['roads.pothole'], 1);
    assert.ok(Math.abs(e.logLoss - (-(4 * Math.log(0.5) + 2 * Math.log(0.3)) / 6)) < 1e-12);
  });

  test('a category that is never predicted scores 0, not NaN', () => {
    const e = evaluate(scripted, [{ code: 'green.trees', text: 'green.playground green.trees' }]);
    assert.deepEqual(e.perClass['green.trees'], { precision: 0, recall: 0, f1: 0, support: 1 });
    assert.equal(e.macroF1, 0);
  });
});

describe('the evaluation set', () => {
  test('has at least 420 distinct reports, at least 30 in every category, each of 5 to 80 words', () => {
    assert.ok(REPORTS_RO.length >= 420, `${REPORTS_RO.length} reports`);
    assert.equal(new Set(REPORTS_RO.map((r) => r.text)).size, REPORTS_RO.length);
    for (const code of CATEGORY_CODES) {
      const n = REPORTS_RO.filter((r) => r.code === code).length;
      assert.ok(n >= 30, `${code}: ${n}`);
    }
    for (const { text } of REPORTS_RO) {
      const words = text.split(/\s+/).length;
      assert.ok(words >= 5 && words <= 80, `${words} words: ${text}`);
    }
  });
});

describe('heldOutSplit', () => {
  const { train, test: heldOut } = heldOutSplit(REPORTS_RO);

  test('holds out a quarter of every category, disjoint from training', () => {
    assert.equal(train.length + heldOut.length, REPORTS_RO.length);
    const trainTexts = new Set(train.map((e) => e.text));
    assert.ok(heldOut.every((e) => !trainTexts.has(e.text)));
    for (const code of CATEGORY_CODES) {
      const all = REPORTS_RO.filter((e) => e.code === code).length;
      assert.equal(heldOut.filter((e) => e.code === code).length, Math.round(all * 0.25), code);
    }
  });

  test('does not depend on the order of the reports', () => {
    const again = heldOutSplit([...REPORTS_RO].reverse());
    assert.deepEqual(new Set(again.test.map((e) => e.text)), new Set(heldOut.map((e) => e.text)));
  });

  test('rejects a share outside (0, 1)', () => {
    assert.throws(() => heldOutSplit(REPORTS_RO, 1), RangeError);
    assert.throws(() => heldOutSplit(REPORTS_RO, 0), RangeError);
  });
});

describe('the classifier on the held-out split', () => {
  test('reaches a macro-F1 of at least 0.75', () => {
    const { train, test: heldOut } = heldOutSplit(REPORTS_RO);
    const model = new ReportClassifier();
    model.train(train);
    const e = evaluate((t) => model.predict(t), heldOut);
    console.log(`held-out: accuracy ${e.accuracy.toFixed(3)}, macro-F1 ${e.macroF1.toFixed(3)}, log-loss ${e.logLoss.toFixed(3)}`);
    assert.ok(e.macroF1 >= 0.75, `macro-F1 ${e.macroF1}`);
    assert.ok(e.accuracy >= 0.75, `accuracy ${e.accuracy}`);
  });
});
