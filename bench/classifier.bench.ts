// Report-category classifier: quality on the held-out quarter of the hand-written Romanian reports,
// and how many predictions per second one core makes.
// Run: node --import tsx bench/classifier.bench.ts
// Writes bench/results/classifier.json; exits 1 if the held-out macro-F1 is below 0.75.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORY_CODES } from '../src/modules/reports/classifier/categories.ts';
import { evaluate } from '../src/modules/reports/classifier/evaluate.ts';
import { REPORTS_RO } from '../src/modules/reports/classifier/fixtures/reports-ro.ts';
import { ReportClassifier } from '../src/modules/reports/classifier/naive-bayes.ts';
import { heldOutSplit } from '../src/modules/reports/classifier/split.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MACRO_F1_TARGET = 0.75;
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const loadBefore = os.loadavg();
const { train, test } = heldOutSplit(REPORTS_RO);

const trainTimes: number[] = [];
let model = new ReportClassifier();
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  model = new ReportClassifier();
  model.train(train); // includes the five-fold temperature fit
  trainTimes.push(performance.now() - t0);
}

const quality = evaluate((text) => model.predict(text), test);

// Every held-out text, many times over: the stem cache is warm after the first pass, as it is in a
// server that has seen a few reports.
const PASSES = 100;
for (const { text } of test) model.predict(text);
const rates: number[] = [];
for (let run = 0; run < 5; run++) {
  const t0 = performance.now();
  for (let p = 0; p < PASSES; p++) for (const { text } of test) model.predict(text);
  rates.push((PASSES * test.length) / ((performance.now() - t0) / 1000));
}
const predictionsPerSecond = Math.round(median(rates));
const loadAfter = os.loadavg();

const perClass = Object.fromEntries(
  CATEGORY_CODES.map((code) => {
    const c = quality.perClass[code];
    return [code, { precision: round(c.precision), recall: round(c.recall), f1: round(c.f1), support: c.support }];
  }),
);

const result = {
  name: 'classifier',
  about: 'Report-category classifier (complement naive Bayes on Snowball stems and word pairs), trained on three quarters of the hand-written Romanian reports and scored on the held-out quarter.',
  date: new Date().toISOString(),
  node: process.version,
  machine: {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadavg: { before: loadBefore.map((x) => round(x, 2)), after: loadAfter.map((x) => round(x, 2)) },
  },
  input: { reports: REPORTS_RO.length, train: train.length, 'held out': test.length },
  trainSize: train.length,
  testSize: test.length,
  accuracy: round(quality.accuracy),
  macroF1: round(quality.macroF1),
  top2Accuracy: round(quality.top2Accuracy),
  logLoss: round(quality.logLoss),
  temperature: round(model.temperature),
  perClass,
  predictionsPerSecond,
  trainMedianMs: round(median(trainTimes), 1),
  // The rows BENCHMARKS.md shows (bench/report.ts renders `figures` as a table).
  figures: {
    accuracy: { value: round(quality.accuracy) },
    [`macro-F1 (target ≥ ${MACRO_F1_TARGET})`]: { value: round(quality.macroF1) },
    'top-2 accuracy': { value: round(quality.top2Accuracy) },
    'log-loss (uniform guess 2.485)': { value: round(quality.logLoss) },
    'predictions per second': { value: predictionsPerSecond },
    'training time, median of 5 (ms)': { value: round(median(trainTimes), 1) },
    ...perClass,
  },
};

const outDir = path.join(repoRoot, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'classifier.json'), JSON.stringify(result, null, 2) + '\n');

console.log(`classifier bench: trained on ${train.length} reports, held out ${test.length}, ${result.machine.cpus} CPUs`);
console.log(`loadavg before ${result.machine.loadavg.before.join(' ')}, after ${result.machine.loadavg.after.join(' ')}`);
console.log(`accuracy ${result.accuracy}  macro-F1 ${result.macroF1}  top-2 ${result.top2Accuracy}  log-loss ${result.logLoss}`);
console.log(`${predictionsPerSecond} predictions/s, training ${result.trainMedianMs} ms`);
for (const [code, c] of Object.entries(perClass)) {
  console.log(`${code.padEnd(26)} P ${c.precision.toFixed(3)}  R ${c.recall.toFixed(3)}  F1 ${c.f1.toFixed(3)}  n ${c.support}`);
}
if (quality.macroF1 < MACRO_F1_TARGET) {
  console.error(`macro-F1 ${result.macroF1} is below the target ${MACRO_F1_TARGET}`);
  process.exitCode = 1;
}
