// Complement naive Bayes (Rennie et al., 2003) over stems and stem pairs. Naive Bayes rather than
// logistic regression because it trains in one counting pass, learns from a single correction by
// adding counts (no re-optimisation), and its whole state is a table of counts that serialises plainly
// for the database. The complement form estimates each category's word weights from all the *other*
// categories' reports, which are many times more numerous; with a few dozen reports per category it
// scored about 0.02–0.05 macro-F1 above the plain multinomial form on our evaluation set.
import { CATEGORY_CODES, isCategoryCode, type CategoryCode, type LabelledReport } from './categories.ts';
import { features, isBigram } from './normalise.ts';
import { fnv1a } from './split.ts';

export interface Prediction {
  code: CategoryCode;
  /** Probability of the category, between 0 and 1; the scores of one prediction sum to 1. */
  score: number;
}

export interface ClassifierOptions {
  /** Additive (Lidstone) smoothing of feature counts. */
  alpha?: number;
}

export const MODEL_FORMAT = 'dezvolt.reports.naive-bayes';
export const MODEL_VERSION = 1;

/** The persisted model: plain JSON, keys sorted so the same model always serialises to the same text. */
export interface ClassifierJSON {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  alpha: number;
  temperature: number;
  categories: CategoryCode[];
  /**
   * Training weight seen per category (reports, plus corrections times their weight). Kept for the
   * record, not for scoring: complement naive Bayes uses no category prior, so a month with many
   * pothole reports does not push the next report towards potholes.
   */
  documents: Record<string, number>;
  /** feature → counts per category, in the order of `categories`. */
  features: Record<string, number[]>;
}

const K = CATEGORY_CODES.length;
const DEFAULT_ALPHA = 2;
const CALIBRATION_FOLDS = 5;
// Word pairs ("loc de joacă", "trecere de pietoni") separate categories when a phrase recurs, but
// with few reports per category most pairs are seen once and are noise. So a pair counts a quarter
// of a word, and only once at least two reports used it. Full weight cost about 0.03 macro-F1.
const BIGRAM_WEIGHT = 0.25;
const BIGRAM_MIN_REPORTS = 2;

export class ReportClassifier {
  readonly alpha: number;
  /** Divides the log-scores before the softmax; fitted on held-out folds so scores are calibrated-ish. */
  temperature = 1;
  private readonly counts = new Map<string, Float64Array>();
  private readonly totals = new Float64Array(K);
  private readonly documents = new Float64Array(K);

  constructor(options: ClassifierOptions = {}) {
    this.alpha = options.alpha ?? DEFAULT_ALPHA;
    if (!(this.alpha > 0)) throw new RangeError(`alpha must be positive, got ${this.alpha}`);
  }

  /**
   * Replaces whatever the model knew with these examples and refits the temperature by
   * cross-validation on them (five folds chosen by a hash of the text, so the result is deterministic).
   */
  train(examples: readonly LabelledReport[]): void {
    this.reset();
    for (const e of examples) this.add(features(e.text), CATEGORY_CODES.indexOf(e.code), 1);
    this.temperature = fitTemperature(examples, this.alpha);
  }

  /** Learns from one report an official filed under `correctCode`; the temperature is kept. */
  learn(text: string, correctCode: CategoryCode, weight = 1): void {
    if (!(weight > 0)) throw new RangeError(`weight must be positive, got ${weight}`);
    this.add(features(text), CATEGORY_CODES.indexOf(correctCode), weight);
  }

  /** Every category with its probability, most likely first (ties keep the category order). */
  predict(text: string): Prediction[] {
    const probabilities = softmax(this.logScores(features(text)), this.temperature);
    return CATEGORY_CODES.map((code, i) => ({ code, score: probabilities[i]! })).sort(
      (a, b) => b.score - a.score || CATEGORY_CODES.indexOf(a.code) - CATEGORY_CODES.indexOf(b.code),
    );
  }

  /**
   * Log-scores per category (higher is likelier): −Σ weight · log P(feature | every other category),
   * the complement naive Bayes decision function. Not normalised; `predict` turns them into probabilities.
   */
  logScores(docFeatures: readonly string[]): Float64Array {
    const vocabulary = this.counts.size;
    let grandTotal = 0;
    for (let c = 0; c < K; c++) grandTotal += this.totals[c]!;
    const out = new Float64Array(K);
    for (const f of docFeatures) {
      const row = this.counts.get(f);
      if (!row) continue; // a word no training report used says nothing about any category
      let rowTotal = 0;
      for (let c = 0; c < K; c++) rowTotal += row[c]!;
      const weight = isBigram(f) ? BIGRAM_WEIGHT : 1;
      if (weight < 1 && rowTotal < BIGRAM_MIN_REPORTS * weight) continue;
      for (let c = 0; c < K; c++) {
        const complement = (rowTotal - row[c]! + this.alpha) / (grandTotal - this.totals[c]! + this.alpha * vocabulary);
        out[c]! -= weight * Math.log(complement);
      }
    }
    return out;
  }

  toJSON(): ClassifierJSON {
    const documents: Record<string, number> = {};
    CATEGORY_CODES.forEach((code, i) => (documents[code] = this.documents[i]!));
    const sorted = [...this.counts.keys()].sort();
    const feats: Record<string, number[]> = {};
    for (const f of sorted) feats[f] = Array.from(this.counts.get(f)!);
    return {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      alpha: this.alpha,
      temperature: this.temperature,
      categories: [...CATEGORY_CODES],
      documents,
      features: feats,
    };
  }

  /** Rebuilds a model from `toJSON()` output (or its JSON.parse). Throws on anything else. */
  static fromJSON(json: unknown): ReportClassifier {
    const data = json as Partial<ClassifierJSON> | null;
    const fail = (why: string): never => {
      throw new TypeError(`not a ${MODEL_FORMAT} v${MODEL_VERSION} model: ${why}`);
    };
    if (!data || typeof data !== 'object') fail('not an object');
    if (data!.format !== MODEL_FORMAT || data!.version !== MODEL_VERSION) fail('wrong format or version');
    const { alpha, temperature, categories, documents, features: feats } = data as ClassifierJSON;
    if (typeof alpha !== 'number' || !(alpha > 0) || typeof temperature !== 'number' || !(temperature > 0)) fail('bad alpha or temperature');
    if (!Array.isArray(categories) || !categories.every((c) => typeof c === 'string' && isCategoryCode(c))) fail('unknown categories');
    if (new Set(categories).size !== categories.length) fail('repeated categories');
    if (!documents || typeof documents !== 'object' || !feats || typeof feats !== 'object') fail('missing counts');
    // Categories are stored by name so a model saved before a category was added still loads.
    const slot = categories.map((c) => CATEGORY_CODES.indexOf(c));
    const model = new ReportClassifier({ alpha });
    model.temperature = temperature;
    for (const [i, code] of categories.entries()) model.documents[slot[i]!] = finite(documents[code] ?? 0, fail);
    for (const [f, stored] of Object.entries(feats)) {
      if (!Array.isArray(stored) || stored.length !== categories.length) fail(`bad counts for "${f}"`);
      const row = new Float64Array(K);
      stored.forEach((n, i) => (row[slot[i]!] = finite(n, fail)));
      model.counts.set(f, row);
      for (let c = 0; c < K; c++) model.totals[c]! += row[c]!;
    }
    return model;
  }

  private reset(): void {
    this.counts.clear();
    this.totals.fill(0);
    this.documents.fill(0);
  }

  private add(docFeatures: readonly string[], category: number, weight: number): void {
    this.documents[category]! += weight;
    for (const f of docFeatures) {
      let row = this.counts.get(f);
      if (!row) this.counts.set(f, (row = new Float64Array(K)));
      const w = weight * (isBigram(f) ? BIGRAM_WEIGHT : 1);
      row[category]! += w;
      this.totals[category]! += w;
    }
  }
}

function finite(n: unknown, fail: (why: string) => never): number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : fail('counts must be non-negative numbers');
}

function softmax(logits: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const l of logits) max = Math.max(max, l / temperature);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += out[i] = Math.exp(logits[i]! / temperature - max);
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

/**
 * Complement naive Bayes scores are not log-probabilities, and naive Bayes counts correlated words
 * as independent evidence, so a plain softmax of the scores says little (here it is far too flat).
 * Dividing the scores by a temperature fitted to minimise the log-loss on held-out folds turns them
 * into probabilities that roughly mean what they say: on the evaluation set the mean top probability
 * lands within a few points of the accuracy.
 */
function fitTemperature(examples: readonly LabelledReport[], alpha: number): number {
  if (examples.length < CALIBRATION_FOLDS * 2) return 1;
  const heldOut: { scores: Float64Array; truth: number }[] = [];
  const fold = examples.map((e) => fnv1a(e.text) % CALIBRATION_FOLDS);
  for (let k = 0; k < CALIBRATION_FOLDS; k++) {
    const model = new ReportClassifier({ alpha });
    examples.forEach((e, i) => {
      if (fold[i] !== k) model.learn(e.text, e.code);
    });
    examples.forEach((e, i) => {
      if (fold[i] === k) heldOut.push({ scores: model.logScores(features(e.text)), truth: CATEGORY_CODES.indexOf(e.code) });
    });
  }
  const logLoss = (t: number) => heldOut.reduce((s, h) => s - Math.log(Math.max(softmax(h.scores, t)[h.truth]!, 1e-12)), 0);
  // Golden-section search on log(T): the log-loss is unimodal in the temperature.
  let lo = Math.log(0.05);
  let hi = Math.log(50);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = hi - g * (hi - lo);
    const b = lo + g * (hi - lo);
    if (logLoss(Math.exp(a)) <= logLoss(Math.exp(b))) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}
