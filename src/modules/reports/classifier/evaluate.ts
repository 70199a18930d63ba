// Scores a classifier on labelled reports: accuracy, per-category precision/recall/F1, macro-F1 (every
// category counts the same, so a rare category the model ignores shows up), and the log-loss of the
// probabilities, which says whether the scores can be trusted as confidence.
import { CATEGORY_CODES, type CategoryCode, type LabelledReport } from './categories.ts';
import type { Prediction } from './naive-bayes.ts';

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** Reports of this category in the evaluated set. */
  support: number;
}

export interface Evaluation {
  n: number;
  accuracy: number;
  /** Share of reports whose category is among the first two suggestions. */
  top2Accuracy: number;
  macroF1: number;
  /** Mean −log P(true category); lower is better, ln 12 ≈ 2.48 is a uniform guess. */
  logLoss: number;
  perClass: Record<CategoryCode, ClassMetrics>;
  /** confusion[truth][predicted] = count. */
  confusion: Record<CategoryCode, Record<CategoryCode, number>>;
}

const PROBABILITY_FLOOR = 1e-12;

export function evaluate(predict: (text: string) => readonly Prediction[], examples: readonly LabelledReport[]): Evaluation {
  const confusion = Object.fromEntries(
    CATEGORY_CODES.map((truth) => [truth, Object.fromEntries(CATEGORY_CODES.map((p) => [p, 0]))]),
  ) as Record<CategoryCode, Record<CategoryCode, number>>;
  let correct = 0;
  let top2 = 0;
  let logLoss = 0;
  for (const { text, code } of examples) {
    const ranked = predict(text);
    const best = ranked[0];
    if (!best) throw new Error('the classifier returned no prediction');
    confusion[code][best.code]++;
    if (best.code === code) correct++;
    if (ranked.slice(0, 2).some((p) => p.code === code)) top2++;
    logLoss -= Math.log(Math.max(ranked.find((p) => p.code === code)?.score ?? 0, PROBABILITY_FLOOR));
  }

  const perClass = {} as Record<CategoryCode, ClassMetrics>;
  for (const code of CATEGORY_CODES) {
    const tp = confusion[code][code];
    const support = CATEGORY_CODES.reduce((s, p) => s + confusion[code][p], 0);
    const predicted = CATEGORY_CODES.reduce((s, t) => s + confusion[t][code], 0);
    // A category never predicted (or absent) gets 0, not NaN, so it drags the macro average down.
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[code] = { precision, recall, f1, support };
  }
  const present = CATEGORY_CODES.filter((c) => perClass[c].support > 0);
  const n = examples.length;
  return {
    n,
    accuracy: n ? correct / n : 0,
    top2Accuracy: n ? top2 / n : 0,
    macroF1: present.length ? present.reduce((s, c) => s + perClass[c].f1, 0) / present.length : 0,
    logLoss: n ? logLoss / n : 0,
    perClass,
    confusion,
  };
}
