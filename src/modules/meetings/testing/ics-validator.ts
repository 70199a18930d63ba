// A strict reader for the iCalendar we write, used by tests: it fails on bare LF, lines over 75
// octets, a folded line that splits a UTF-8 character, unbalanced BEGIN/END, missing required
// properties, local (non-UTC) times and unescaped TEXT.
export interface IcsComponent {
  name: string;
  props: { name: string; params: string; value: string }[];
  children: IcsComponent[];
}

export function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export function parseIcs(text: string): IcsComponent {
  if (!text.endsWith('\r\n')) throw new Error('the file must end with CRLF');
  if (/(^|[^\r])\n/.test(text)) throw new Error('bare LF found: lines must end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const [i, line] of physical.entries()) {
    const bytes = Buffer.byteLength(line, 'utf8');
    if (bytes > 75) throw new Error(`line ${i + 1} has ${bytes} octets (max 75)`);
    if (line.includes('\uFFFD')) throw new Error(`line ${i + 1} holds a broken character`);
  }
  // Unfold on bytes, so a character split across lines would show up as invalid UTF-8.
  const raw = Buffer.from(text.slice(0, -2), 'utf8');
  const unfoldedBytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === 0x0d && raw[i + 1] === 0x0a && (raw[i + 2] === 0x20 || raw[i + 2] === 0x09)) {
      i += 2;
      continue;
    }
    unfoldedBytes.push(raw[i]!);
  }
  const unfolded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(unfoldedBytes));
  const root: IcsComponent = { name: '', props: [], children: [] };
  const stack: IcsComponent[] = [root];
  for (const line of unfolded.split('\r\n')) {
    const m = /^([A-Z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!m) throw new Error(`not a content line: ${line}`);
    const [, name, params, value] = m as unknown as [string, string, string, string];
    const top = stack[stack.length - 1]!;
    if (name === 'BEGIN') {
      const c: IcsComponent = { name: value, props: [], children: [] };
      top.children.push(c);
      stack.push(c);
    } else if (name === 'END') {
      if (top.name !== value) throw new Error(`END:${value} closes ${top.name}`);
      stack.pop();
    } else top.props.push({ name, params, value });
  }
  if (stack.length !== 1 || root.children.length !== 1 || root.children[0]!.name !== 'VCALENDAR') throw new Error('expected exactly one balanced VCALENDAR');
  const cal = root.children[0]!;
  const has = (c: IcsComponent, p: string) => c.props.some((x) => x.name === p);
  for (const p of ['VERSION', 'PRODID']) if (!has(cal, p)) throw new Error(`VCALENDAR lacks ${p}`);
  for (const ev of cal.children.filter((c) => c.name === 'VEVENT')) {
    for (const p of ['UID', 'DTSTAMP', 'DTSTART']) if (!has(ev, p)) throw new Error(`VEVENT lacks ${p}`);
    for (const p of ev.props.filter((x) => ['DTSTAMP', 'DTSTART', 'DTEND', 'CREATED', 'LAST-MODIFIED'].includes(x.name))) {
      if (!/^\d{8}T\d{6}Z$/.test(p.value)) throw new Error(`${p.name} is not a UTC date-time: ${p.value}`);
    }
    for (const p of ev.props.filter((x) => ['SUMMARY', 'DESCRIPTION', 'LOCATION'].includes(x.name))) {
      if (/(^|[^\\])[;,]/.test(p.value.replace(/\\\\/g, ''))) throw new Error(`${p.name} has an unescaped ; or ,`);
    }
  }
  return cal;
}

export const prop = (c: IcsComponent, name: string) => c.props.find((p) => p.name === name)?.value;
