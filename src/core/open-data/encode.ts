// Builds open-data files as chunks, one page of rows at a time, so a city with a million reports
// streams its export instead of holding it in memory. CSV cells come from the shared RFC 4180
// helper (core/text/csv.ts), with its UTF-8 BOM once at the start.
import { csvCell } from '../text/csv.ts';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * Pages of a keyset-paginated query: `next(last)` returns the rows after `last` (undefined for the
 * first page); a page shorter than `pageSize` is the last.
 */
export async function* keysetPages<T>(pageSize: number, next: (last: T | undefined) => Promise<T[]>): AsyncGenerator<T[]> {
  let last: T | undefined;
  for (;;) {
    const rows = await next(last);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    last = rows.at(-1);
  }
}

export async function* mapPages<T, U>(pages: AsyncIterable<T[]>, fn: (row: T) => U): AsyncGenerator<U[]> {
  for await (const rows of pages) yield rows.map(fn);
}

export async function* csvChunks(header: string[], pages: AsyncIterable<CsvValue[][]>): AsyncGenerator<string> {
  yield '\uFEFF' + header.map(csvCell).join(',') + '\r\n';
  for await (const rows of pages) {
    if (rows.length > 0) yield rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('');
  }
}

/** A JSON array of the pages' items, optionally inside an object (`prefix`/`suffix` around the array). */
export async function* jsonArrayChunks(pages: AsyncIterable<unknown[]>, wrap: { prefix: string; suffix: string } = { prefix: '', suffix: '' }): AsyncGenerator<string> {
  yield `${wrap.prefix}[`;
  let first = true;
  for await (const items of pages) {
    if (items.length === 0) continue;
    yield (first ? '' : ',') + items.map((i) => JSON.stringify(i)).join(',');
    first = false;
  }
  yield `]${wrap.suffix}`;
}

export function featureCollectionChunks(pages: AsyncIterable<unknown[]>): AsyncGenerator<string> {
  return jsonArrayChunks(pages, { prefix: '{"type":"FeatureCollection","features":', suffix: '}' });
}

/** A list already in memory as one page, for the small datasets. */
export async function* onePage<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}
