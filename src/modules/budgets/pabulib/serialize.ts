// Writes a PbElection back to `.pb` text so that parsePb(serializePb(e)) reproduces `e`.
// Column order follows the election's headers; META is written from `meta` verbatim.
import { quoteField } from './csv.ts';
import type { PbElection, PbProject, PbVote } from './types.ts';

const MARKERS = new Set(['meta', 'projects', 'votes']);

function num(n: number | null): string {
  return n === null ? '' : String(n);
}

function row(cells: string[]): string {
  // A first cell that reads like a section marker must be quoted or it would start a section.
  return cells.map((c, i) => quoteField(c, i === 0 && MARKERS.has(c.trim().toLowerCase()))).join(';');
}

function projectCell(p: PbProject, column: string): string {
  switch (column.toLowerCase()) {
    case 'project_id':
      return p.id;
    case 'cost':
      return String(p.cost);
    case 'votes':
      return num(p.votes);
    case 'score':
      return num(p.score);
    case 'selected':
      return num(p.selected);
    default:
      return p.fields.get(column) ?? '';
  }
}

function voteCell(v: PbVote, column: string): string {
  switch (column.toLowerCase()) {
    case 'voter_id':
      return v.voterId;
    case 'vote':
      return v.projects.join(',');
    case 'points':
      return v.points === null ? '' : v.points.map(String).join(',');
    default:
      return v.fields.get(column) ?? '';
  }
}

/** Serialize with `\n` line ends (what pabulib.org publishes today) and a final newline. */
export function serializePb(e: PbElection): string {
  const lines: string[] = ['META', 'key;value'];
  for (const [key, value] of e.meta) lines.push(row([key, value]));
  lines.push('PROJECTS', row(e.projectColumns));
  for (const p of e.projects) lines.push(row(e.projectColumns.map((c) => projectCell(p, c))));
  lines.push('VOTES', row(e.voteColumns));
  for (const v of e.votes) lines.push(row(e.voteColumns.map((c) => voteCell(v, c))));
  return lines.join('\n') + '\n';
}
