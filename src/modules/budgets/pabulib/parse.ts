// Parser for Pabulib `.pb` files: META, PROJECTS and VOTES sections (format: pabulib.org/format).
// Returns a Result; every failure names the physical line and the reason, never throws.
import { tokenize, type CsvRecord } from './csv.ts';
import type { ParseError, PbElection, PbProject, PbVote, Result, VoteType } from './types.ts';
import { VOTE_TYPES } from './types.ts';
import { parseNumber, parseOptionalNumber, splitList } from './values.ts';

type Section = 'meta' | 'projects' | 'votes';
const SECTION_ORDER: readonly Section[] = ['meta', 'projects', 'votes'];
/** Columns with a typed home on PbProject / PbVote; everything else goes to `fields`. */
const PROJECT_TYPED = new Set(['project_id', 'cost', 'votes', 'score', 'selected']);
const VOTE_TYPED = new Set(['voter_id', 'vote', 'points']);

class Failure {
  constructor(readonly error: ParseError) {}
}

function fail(line: number, message: string): never {
  // Internal control flow only: caught in parsePb and turned into a Result.
  throw new Failure({ line, message });
}

function sectionMarker(rec: CsvRecord): Section | null {
  if (rec.firstQuoted) return null;
  const first = rec.fields[0]?.toLowerCase();
  if (first !== 'meta' && first !== 'projects' && first !== 'votes') return null;
  return rec.fields.every((f, i) => i === 0 || f === '') ? first : null;
}

function readHeader(rec: CsvRecord | undefined, section: Section, markerLine: number): string[] {
  if (!rec || sectionMarker(rec)) fail(markerLine, `${section.toUpperCase()} section has no header row`);
  const seen = new Set<string>();
  for (const name of rec.fields) {
    const key = name.toLowerCase();
    if (name === '') fail(rec.line, `${section.toUpperCase()} header has an empty column name`);
    if (seen.has(key)) fail(rec.line, `${section.toUpperCase()} header repeats column ${JSON.stringify(name)}`);
    seen.add(key);
  }
  return rec.fields;
}

function checkWidth(rec: CsvRecord, header: string[], section: string): void {
  if (rec.fields.length > header.length) {
    fail(
      rec.line,
      `${section} row has ${rec.fields.length} fields but the header has ${header.length} (unquoted ';' in a value?)`,
    );
  }
}

interface MetaState {
  meta: Map<string, string>;
  lines: Map<string, number>;
  markerLine: number;
}

function metaNumber(state: MetaState, key: string): number | null {
  const raw = state.meta.get(key);
  if (raw === undefined) return null;
  const n = parseNumber(raw, `META ${key}`);
  if (!n.ok) fail(state.lines.get(key) ?? state.markerLine, n.reason);
  return n.value;
}

function finishMeta(state: MetaState) {
  const budget = metaNumber(state, 'budget');
  if (budget === null) fail(state.markerLine, 'META has no budget');
  if (budget < 0) fail(state.lines.get('budget') ?? state.markerLine, 'META budget is negative');
  const vt = state.meta.get('vote_type');
  if (vt === undefined) fail(state.markerLine, 'META has no vote_type');
  if (!(VOTE_TYPES as readonly string[]).includes(vt)) {
    fail(state.lines.get('vote_type') ?? state.markerLine, `unknown vote_type ${JSON.stringify(vt)} (expected one of ${VOTE_TYPES.join(', ')})`);
  }
  return {
    budget,
    voteType: vt as VoteType,
    rule: state.meta.get('rule') ?? null,
    threshold: metaNumber(state, 'min_project_score_threshold'),
  };
}

function readProject(rec: CsvRecord, header: string[], seen: Set<string>): PbProject {
  checkWidth(rec, header, 'PROJECTS');
  const project: PbProject = { id: '', cost: Number.NaN, votes: null, score: null, selected: null, fields: new Map() };
  header.forEach((name, col) => {
    const raw = rec.fields[col] ?? '';
    const key = name.toLowerCase();
    const check = <T>(p: { ok: true; value: T } | { ok: false; reason: string }): T => (p.ok ? p.value : fail(rec.line, p.reason));
    if (key === 'project_id') project.id = raw;
    else if (key === 'cost') {
      project.cost = check(parseNumber(raw, `cost of project ${JSON.stringify(project.id)}`));
    } else if (key === 'votes') project.votes = check(parseOptionalNumber(raw, 'votes'));
    else if (key === 'score') project.score = check(parseOptionalNumber(raw, 'score'));
    else if (key === 'selected') {
      const s = check(parseOptionalNumber(raw, 'selected'));
      if (s !== null && !(Number.isInteger(s) && s >= 0)) fail(rec.line, `selected ${JSON.stringify(raw)} is not 0, 1, 2 or 3`);
      project.selected = s;
    } else project.fields.set(name, raw);
  });
  if (project.id === '') fail(rec.line, 'project with an empty project_id');
  if (seen.has(project.id)) fail(rec.line, `duplicate project_id ${JSON.stringify(project.id)}`);
  if (project.cost < 0) fail(rec.line, `project ${JSON.stringify(project.id)} has a negative cost`);
  seen.add(project.id);
  return project;
}

interface VoteContext {
  header: string[];
  voteCol: number;
  pointsCol: number;
  projectIds: Set<string>;
  voterIds: Set<string>;
  voteType: VoteType;
}

function readVote(rec: CsvRecord, ctx: VoteContext): PbVote {
  checkWidth(rec, ctx.header, 'VOTES');
  const voterId = rec.fields[0] ?? '';
  if (voterId === '') fail(rec.line, 'vote with an empty voter_id');
  if (ctx.voterIds.has(voterId)) fail(rec.line, `duplicate voter_id ${JSON.stringify(voterId)}`);
  ctx.voterIds.add(voterId);
  const projects = splitList(rec.fields[ctx.voteCol] ?? '');
  const inBallot = new Set<string>();
  for (const id of projects) {
    if (id === '') fail(rec.line, `voter ${JSON.stringify(voterId)}: empty project id in vote`);
    if (!ctx.projectIds.has(id)) fail(rec.line, `voter ${JSON.stringify(voterId)} votes for unknown project ${JSON.stringify(id)}`);
    if (inBallot.has(id)) fail(rec.line, `voter ${JSON.stringify(voterId)} lists project ${JSON.stringify(id)} twice`);
    inBallot.add(id);
  }
  let points: number[] | null = null;
  const rawPoints = ctx.pointsCol >= 0 ? (rec.fields[ctx.pointsCol] ?? '') : '';
  if (rawPoints.trim() !== '') {
    points = splitList(rawPoints).map((p) => {
      const n = parseNumber(p, `voter ${JSON.stringify(voterId)}: points value`);
      return n.ok ? n.value : fail(rec.line, n.reason);
    });
    if (points.length !== projects.length) {
      fail(rec.line, `voter ${JSON.stringify(voterId)} has ${projects.length} projects but ${points.length} points`);
    }
    if (ctx.voteType === 'cumulative' && points.some((p) => p < 0)) {
      fail(rec.line, `voter ${JSON.stringify(voterId)} gives negative cumulative points`);
    }
  } else if ((ctx.voteType === 'cumulative' || ctx.voteType === 'scoring') && projects.length > 0) {
    fail(rec.line, `voter ${JSON.stringify(voterId)} has no points, required for ${ctx.voteType} ballots`);
  }
  const fields = new Map<string, string>();
  ctx.header.forEach((name, col) => {
    if (!VOTE_TYPED.has(name.toLowerCase())) fields.set(name, rec.fields[col] ?? '');
  });
  return { voterId, projects, points, fields };
}

function parseRecords(records: CsvRecord[]): PbElection {
  const metaState: MetaState = { meta: new Map(), lines: new Map(), markerLine: 0 };
  let typed: ReturnType<typeof finishMeta> | null = null;
  let projectColumns: string[] = [];
  let voteColumns: string[] = [];
  const projects: PbProject[] = [];
  const votes: PbVote[] = [];
  const projectIds = new Set<string>();
  let voteCtx: VoteContext | null = null;
  let section: Section | null = null;
  const seenSections: Section[] = [];

  for (let r = 0; r < records.length; r++) {
    const rec = records[r]!;
    const marker = sectionMarker(rec);
    if (marker) {
      const expected = SECTION_ORDER[seenSections.length];
      if (seenSections.includes(marker)) fail(rec.line, `${marker.toUpperCase()} section appears twice`);
      if (marker !== expected) {
        fail(rec.line, `${marker.toUpperCase()} section found where ${expected?.toUpperCase() ?? 'end of file'} was expected (order is META, PROJECTS, VOTES)`);
      }
      seenSections.push(marker);
      section = marker;
      const header = readHeader(records[r + 1], marker, rec.line);
      r++;
      if (marker === 'meta') {
        metaState.markerLine = rec.line;
        if (header.length !== 2 || header[0]!.toLowerCase() !== 'key' || header[1]!.toLowerCase() !== 'value') {
          fail(records[r]!.line, 'META header must be key;value');
        }
      } else if (marker === 'projects') {
        typed = finishMeta(metaState);
        if (header[0]!.toLowerCase() !== 'project_id') fail(records[r]!.line, 'PROJECTS header must start with project_id');
        if (!header.some((h) => h.toLowerCase() === 'cost')) fail(records[r]!.line, 'PROJECTS header has no cost column');
        projectColumns = header;
      } else {
        if (header[0]!.toLowerCase() !== 'voter_id') fail(records[r]!.line, 'VOTES header must start with voter_id');
        const lower = header.map((h) => h.toLowerCase());
        if (!lower.includes('vote')) fail(records[r]!.line, 'VOTES header has no vote column');
        voteColumns = header;
        voteCtx = {
          header,
          voteCol: lower.indexOf('vote'),
          pointsCol: lower.indexOf('points'),
          projectIds,
          voterIds: new Set(),
          voteType: typed!.voteType,
        };
      }
      continue;
    }
    if (section === null) fail(rec.line, 'expected META section first');
    if (section === 'meta') {
      if (rec.fields.length > 2) fail(rec.line, `META row has ${rec.fields.length} fields; quote values containing ';'`);
      const key = rec.fields[0] ?? '';
      if (key === '') fail(rec.line, 'META row with an empty key');
      if (metaState.meta.has(key)) fail(rec.line, `duplicate META key ${JSON.stringify(key)}`);
      metaState.meta.set(key, rec.fields[1] ?? '');
      metaState.lines.set(key, rec.line);
    } else if (section === 'projects') {
      projects.push(readProject(rec, projectColumns, projectIds));
    } else {
      votes.push(readVote(rec, voteCtx!));
    }
  }
  const missing = SECTION_ORDER.filter((s) => !seenSections.includes(s));
  if (missing.length > 0) fail(records.at(-1)?.line ?? 1, `missing section(s): ${missing.map((s) => s.toUpperCase()).join(', ')}`);
  return { meta: metaState.meta, ...typed!, projectColumns, projects, voteColumns, votes };
}

/** Parse the text of a `.pb` file. */
export function parsePb(text: string): Result<PbElection, ParseError> {
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  try {
    return { ok: true, value: parseRecords(tokens.value) };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.error };
    throw e;
  }
}
