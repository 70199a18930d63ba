// Many voters voting at once, with the mess real networks add: a client that retries the same
// submission, and a person who sends two different ballots at the same moment (two tabs, a
// double click). Shared by the concurrency test and the ballot benchmark.

export interface Submission {
  voter: number;
  /** The hidden submission key of the form; a retry resends the same one. */
  key: string;
  projects: number[];
  kind: 'primary' | 'retry' | 'double';
}

export type Answer = 'cast' | 'repeated' | 'already' | 'error';

/** Deterministic PRNG (mulberry32) so a failing run can be replayed with the same seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random knapsack ballot: 1–4 distinct projects whose costs fit in the budget. */
function ballot(random: () => number, projects: { id: number; cost: number }[], budget: number): number[] {
  for (;;) {
    const size = 1 + Math.floor(random() * 4);
    const picked = new Set<number>();
    while (picked.size < size) picked.add(Math.floor(random() * projects.length));
    const ids = [...picked].map((i) => projects[i]!);
    if (ids.reduce((s, p) => s + p.cost, 0) <= budget) return ids.map((p) => p.id);
  }
}

export function planSubmissions(voters: number, projects: { id: number; cost: number }[], budget: number, opts: { seed: number; retryRate: number; doubleRate: number }): Submission[] {
  const random = rng(opts.seed);
  const out: Submission[] = [];
  for (let v = 0; v < voters; v++) {
    const primary: Submission = { voter: v, key: `v${v}-a`, projects: ballot(random, projects, budget), kind: 'primary' };
    out.push(primary);
    if (random() < opts.retryRate) out.push({ ...primary, kind: 'retry' });
    if (random() < opts.doubleRate) out.push({ voter: v, key: `v${v}-b`, projects: ballot(random, projects, budget), kind: 'double' });
  }
  // Shuffle so retries and doubles race their primary instead of following it.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Runs `fn` over `items` with `clients` workers, each taking the next item when done. */
export async function runConcurrently<T>(items: readonly T[], clients: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(clients, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** What the ballot page answered, read from the status and the page. */
export function classify(status: number, body: string): Answer {
  if (status === 200 && body.includes('class="pb-receipt-code"')) return 'cast';
  if (status === 200 && body.includes('id="repeat-heading"')) return 'repeated';
  if (status === 409 && body.includes('id="repeat-heading"')) return 'already';
  return 'error';
}

export function ballotForm(s: Submission, csrf: string): string {
  return new URLSearchParams([...s.projects.map((p) => ['project', String(p)]), ['submission', s.key], ['_csrf', csrf]]).toString();
}
