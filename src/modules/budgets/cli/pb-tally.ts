// `dezvolt pb tally FILE.pb [--rule RULE] [--json]`: tally a Pabulib file and print the funded
// project ids (one per line, or one JSON object with --json). A human summary goes to stderr.
//
// Exit codes: 0 success; 1 usage error, unreadable file or a rule that cannot be run;
// 2 malformed `.pb` file (the message names the line).
import { parseArgs } from 'node:util';
import { readPbFile } from '../pabulib/read.ts';
import { RULES, tally, type TallyResult } from '../tally/tally.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
};

const USAGE = `Usage: dezvolt pb tally FILE.pb [--rule RULE] [--json]

Prints the ids of the funded projects, one per line, in the order the rule funded them.
  --rule RULE  one of: ${RULES.join(', ')}
               (default: the file's META rule)
  --json       print one JSON object: {"rule": ..., "selected": [...], "spent": N}
Exit codes: 0 ok, 1 usage / unreadable file / rule cannot be run, 2 malformed file.
`;

function summary(file: string, r: TallyResult, total: number): string {
  const lines = [`${file}: ${r.rule} funded ${r.selected.length} of ${total} projects, spent ${r.spent} of ${r.budget}`];
  if (r.scoreSource) lines.push(`  scores from: ${r.scoreSource}`);
  if (r.add1) lines.push(`  Add1: endowment ${r.add1.endowment} per voter after ${r.add1.runs} MES runs`);
  if (r.tieBrokenByOrder) lines.push('  note: a full tie was broken by PROJECTS order; officials may need to draw lots');
  return lines.join('\n') + '\n';
}

/**
 * Run the command. `argv` holds the arguments after `dezvolt pb tally`
 * (e.g. `['file.pb', '--rule', 'greedy']`). Returns the exit code; never calls process.exit.
 */
export async function pbTallyCommand(argv: string[], io: CliIo = processIo): Promise<number> {
  let values: { rule?: string | undefined; json?: boolean | undefined; help?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { rule: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const json = values.json === true;
  const failWith = (code: number, message: string, line?: number): number => {
    io.stderr(`error: ${message}\n`);
    if (json) io.stdout(JSON.stringify({ error: line === undefined ? { message } : { line, message } }) + '\n');
    return code;
  };
  if (positionals.length !== 1) {
    io.stderr(USAGE);
    return failWith(1, positionals.length === 0 ? 'missing FILE.pb' : `expected one file, got ${positionals.length}`);
  }
  const file = positionals[0]!;
  const read = await readPbFile(file);
  if (!read.ok) {
    const err = read.error;
    if (err.kind === 'io') return failWith(1, `cannot read ${file}: ${err.message}`);
    return failWith(2, `${file}:${err.line}: malformed .pb file: ${err.message}`, err.line);
  }
  const result = tally(read.value, values.rule ?? null);
  if (!result.ok) return failWith(1, result.error.message);
  const r = result.value;
  io.stderr(summary(file, r, read.value.projects.length));
  if (json) io.stdout(JSON.stringify({ rule: r.rule, selected: r.selected, spent: r.spent }) + '\n');
  else io.stdout(r.selected.map((id) => `${id}\n`).join(''));
  return 0;
}
