// The NGSI-LD query language subset (ETSI GS CIM 009, clause 4.9) translated to SQL over the
// normalized attributes: `;` and, `|` or, parentheses, ==, !=, >, >=, <, <=, ~= (regex), !~=,
// ranges (a..b), value lists (a,b), compound members (attr[key]) and bare attribute existence.
import { NgsiError } from './problem.ts';

export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

const OPS = ['==', '!=', '>=', '<=', '!~=', '~=', '>', '<'] as const;
type Op = (typeof OPS)[number];

class Parser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly params: Params,
    private readonly column: string,
  ) {}

  parse(): string {
    const sql = this.expr();
    if (this.i < this.s.length) this.fail(`unexpected "${this.s.slice(this.i, this.i + 10)}"`);
    return sql;
  }

  private fail(msg: string): never {
    throw new NgsiError('BadRequestData', `q: ${msg}`);
  }

  // or has the lowest precedence, then and (clause 4.9: ";" binds tighter than "|").
  private expr(): string {
    const parts = [this.conj()];
    while (this.s[this.i] === '|') {
      this.i++;
      parts.push(this.conj());
    }
    return parts.length === 1 ? parts[0]! : `(${parts.join(' or ')})`;
  }

  private conj(): string {
    const parts = [this.term()];
    while (this.s[this.i] === ';') {
      this.i++;
      parts.push(this.term());
    }
    return parts.length === 1 ? parts[0]! : `(${parts.join(' and ')})`;
  }

  private term(): string {
    if (this.s[this.i] === '(') {
      this.i++;
      const inner = this.expr();
      if (this.s[this.i] !== ')') this.fail('missing ")"');
      this.i++;
      return inner;
    }
    const m = /^([A-Za-z_@][A-Za-z0-9_:@\-]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?((?:\[[A-Za-z0-9_.\-]+\])*)/.exec(this.s.slice(this.i));
    if (!m || !m[1]) this.fail(`expected an attribute name at position ${this.i}`);
    this.i += m[0].length;
    const attr = m[1];
    const sub = m[2];
    const members = m[3] ? m[3].slice(1, -1).split('][').flatMap((x) => x.split('.')) : [];
    const op = OPS.find((o) => this.s.startsWith(o, this.i));
    const a = this.params.add(attr);
    if (!op) return `(${this.column} ? ${a})`;
    this.i += op.length;
    const raw = this.value();
    let target = sub
      ? `(${this.column}->${a}->${this.params.add(sub)}->'value')`
      : `coalesce(${this.column}->${a}->'value', ${this.column}->${a}->'object')`;
    for (const k of members) target = `(${target}->${this.params.add(k)})`;
    return this.compare(target, op, raw);
  }

  /** Reads the raw value text up to the next ; | ) outside quotes. */
  private value(): string {
    const start = this.i;
    let quoted = false;
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === '"') quoted = !quoted;
      else if (!quoted && (c === ';' || c === '|' || c === ')')) break;
      this.i++;
    }
    if (quoted) this.fail('unterminated string');
    const v = this.s.slice(start, this.i);
    if (!v) this.fail('missing value');
    return v;
  }

  private literal(v: string): string {
    let parsed: unknown;
    if (/^".*"$/s.test(v)) parsed = v.slice(1, -1);
    else if (v === 'true' || v === 'false') parsed = v === 'true';
    else if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v)) parsed = Number(v);
    else if (!Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}/.test(v)) parsed = v;
    else this.fail(`"${v}" is not a number, quoted string, boolean or date-time`);
    return `${this.params.add(JSON.stringify(parsed))}::jsonb`;
  }

  private compare(target: string, op: Op, raw: string): string {
    if (op === '~=' || op === '!~=') {
      const re = /^".*"$/s.test(raw) ? raw.slice(1, -1) : raw;
      try {
        new RegExp(re);
      } catch {
        this.fail(`"${re}" is not a valid pattern`);
      }
      const cond = `coalesce((${target} #>> '{}') ~ ${this.params.add(re)}, false)`;
      return op === '~=' ? cond : `not ${cond}`;
    }
    const range = /^(.+?)\.\.(.+)$/.exec(raw);
    if (range && (op === '==' || op === '!=')) {
      const lo = this.literal(range[1]!);
      const hi = this.literal(range[2]!);
      const cond = `(jsonb_typeof(${target}) = jsonb_typeof(${lo}) and ${target} >= ${lo} and ${target} <= ${hi})`;
      return op === '==' ? cond : `not coalesce(${cond}, false)`;
    }
    const list = splitList(raw);
    if (list.length > 1) {
      if (op !== '==' && op !== '!=') this.fail('a list of values needs == or !=');
      const any = `(${list.map((v) => this.eq(target, this.literal(v))).join(' or ')})`;
      return op === '==' ? any : `not coalesce(${any}, false)`;
    }
    const lit = this.literal(raw);
    if (op === '==') return this.eq(target, lit);
    if (op === '!=') return `not coalesce(${this.eq(target, lit)}, false)`;
    return `(jsonb_typeof(${target}) = jsonb_typeof(${lit}) and ${target} ${op} ${lit})`;
  }

  /** Equality also matches one element of an array value (e.g. ParkingSpot category). */
  private eq(target: string, lit: string): string {
    return `coalesce(${target} = ${lit} or (jsonb_typeof(${target}) = 'array' and ${target} @> jsonb_build_array(${lit})), false)`;
  }
}

function splitList(raw: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const c of raw) {
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** SQL condition for `q` over the jsonb column `column` (normalized attributes). */
export function qToSql(q: string, params: Params, column = 'e.attrs'): string {
  if (q.length > 2000) throw new NgsiError('TooComplexQuery', 'q is longer than 2000 characters');
  return new Parser(q.trim(), params, column).parse();
}
