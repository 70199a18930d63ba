// The iCalendar writer against RFC 5545's rules, checked by a strict reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldLine, icsCalendar, icsText, icsUtc, type IcsEvent } from './ics.ts';
import { parseIcs, prop, unescapeText } from './testing/ics-validator.ts';
import { localToUtc, utcToLocal } from './format.ts';

const event: IcsEvent = {
  uid: 'meeting-1b2c@dezvolt.test',
  title: 'Workshop 3 // Efecte ale asumării; sau lipsei, de asumare',
  description: 'Rând unu\nRând doi cu \\ backslash, virgulă; punct și virgulă.\n' + 'ăîâșț'.repeat(40),
  startsAt: new Date('2023-07-20T14:00:00Z'),
  endsAt: new Date('2023-07-20T16:00:00Z'),
  createdAt: new Date('2023-07-01T08:00:00Z'),
  updatedAt: new Date('2023-07-02T09:30:00Z'),
  sequence: 2,
  cancelled: false,
  location: 'Turnul Croitorilor, Str. Baba Novac nr. 2, Cluj-Napoca',
  geo: { lat: 46.767, lng: 23.5867 },
  url: 'http://dezvolt.test/meetings/1',
};

test('TEXT values escape backslash, semicolon, comma and newlines', () => {
  assert.equal(icsText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
  assert.equal(unescapeText(icsText(event.description)), event.description);
});

test('times are UTC with a Z', () => {
  assert.equal(icsUtc(new Date('2023-07-06T14:00:00.000Z')), '20230706T140000Z');
});

test('folding keeps every line within 75 octets and never splits a character', () => {
  const line = 'DESCRIPTION:' + 'ș'.repeat(100) + '😀'.repeat(20);
  const folded = foldLine(line);
  for (const l of folded.split('\r\n')) assert.ok(Buffer.byteLength(l) <= 75, l);
  assert.equal(folded.replace(/\r\n /g, ''), line);
  assert.equal(foldLine('SHORT:x'), 'SHORT:x');
});

test('a calendar with events reads back with every property intact', () => {
  const text = icsCalendar({ name: 'Spațiul Cluj, întâlniri', events: [event, { ...event, uid: 'x@y', cancelled: true, geo: null }], now: new Date('2024-01-01T00:00:00Z') });
  const cal = parseIcs(text);
  assert.equal(prop(cal, 'VERSION'), '2.0');
  assert.equal(unescapeText(prop(cal, 'X-WR-CALNAME')!), 'Spațiul Cluj, întâlniri');
  const [first, second] = cal.children;
  assert.equal(unescapeText(prop(first!, 'SUMMARY')!), event.title);
  assert.equal(unescapeText(prop(first!, 'DESCRIPTION')!), event.description);
  assert.equal(unescapeText(prop(first!, 'LOCATION')!), event.location);
  assert.equal(prop(first!, 'DTSTART'), '20230720T140000Z');
  assert.equal(prop(first!, 'DTEND'), '20230720T160000Z');
  assert.equal(prop(first!, 'DTSTAMP'), '20240101T000000Z');
  assert.equal(prop(first!, 'GEO'), '46.767000;23.586700');
  assert.equal(prop(first!, 'SEQUENCE'), '2');
  assert.equal(prop(first!, 'STATUS'), 'CONFIRMED');
  assert.equal(prop(second!, 'STATUS'), 'CANCELLED');
  assert.equal(prop(second!, 'GEO'), undefined);
});

test('the validator itself rejects what RFC 5545 forbids', () => {
  assert.throws(() => parseIcs('BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n'), /CRLF/);
  assert.throws(() => parseIcs(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-LONG:${'a'.repeat(80)}\r\nEND:VCALENDAR\r\n`), /octets/);
  assert.throws(() => parseIcs('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:20240101T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'), /UTC/);
  assert.throws(() => parseIcs('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:20240101T100000Z\r\nSUMMARY:a, b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'), /unescaped/);
});

test('city-local form times become UTC across summer and winter time', () => {
  assert.equal(localToUtc('2023-07-06', '17:00')!.toISOString(), '2023-07-06T14:00:00.000Z', 'EEST is UTC+3');
  assert.equal(localToUtc('2024-01-15', '17:00')!.toISOString(), '2024-01-15T15:00:00.000Z', 'EET is UTC+2');
  assert.deepEqual(utcToLocal('2023-07-06T14:00:00Z'), { date: '2023-07-06', time: '17:00' });
  assert.equal(localToUtc('2023-02-30', '10:00'), null);
  assert.equal(localToUtc('2023-07-06', '25:00'), null);
});
