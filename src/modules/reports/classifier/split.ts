// A held-out split that never changes between runs or machines: each category's reports are ordered by
// a fixed hash of their text and the first quarter is held out. Adding a report moves at most the
// reports around it, so figures stay comparable as the evaluation set grows.
import { CATEGORY_CODES, type LabelledReport } from './categories.ts';

/** 32-bit FNV-1a over the UTF-16 code units; stable, fast and good enough to shuffle a few hundred texts. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface Split {
  train: LabelledReport[];
  test: LabelledReport[];
}

/** Stratified split: `testShare` of every category (rounded) goes to `test`, the rest to `train`. */
export function heldOutSplit(examples: readonly LabelledReport[], testShare = 0.25): Split {
  if (!(testShare > 0 && testShare < 1)) throw new RangeError(`testShare must be between 0 and 1, got ${testShare}`);
  const train: LabelledReport[] = [];
  const test: LabelledReport[] = [];
  for (const code of CATEGORY_CODES) {
    const ofCode = examples
      .filter((e) => e.code === code)
      .map((e) => ({ e, h: fnv1a(e.text) }))
      .sort((a, b) => a.h - b.h || (a.e.text < b.e.text ? -1 : a.e.text > b.e.text ? 1 : 0));
    const testCount = Math.round(ofCode.length * testShare);
    ofCode.forEach(({ e }, i) => (i < testCount ? test : train).push(e));
  }
  return { train, test };
}
