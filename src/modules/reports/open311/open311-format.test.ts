// The small pieces the GeoReport answers stand on: the XML writer and W3C dates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeXml, xmlDocument } from './xml.ts';
import { parseW3cDate, resolveWindow } from './dates.ts';
import { parseXml } from './testing/validators.ts';

test('the XML writer escapes markup, drops characters XML cannot carry, and nests lists under singular names', () => {
  assert.equal(escapeXml(`<a href="x">Tom & Jerry's</a>`), '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
  assert.equal(escapeXml('bell\u0007 tab\t nl\n lone\uD800 pair😀'), 'bell tab\t nl\n lone pair😀');
  const doc = xmlDocument('service_requests', [{ service_request_id: '7', status_notes: null, lat: 46.5, flag: true, note: 'a\u0000b <c>' }]);
  assert.equal(
    doc,
    '<?xml version="1.0" encoding="utf-8"?>\n<service_requests>\n  <request>\n    <service_request_id>7</service_request_id>\n    <status_notes/>\n    <lat>46.5</lat>\n    <flag>true</flag>\n    <note>ab &lt;c&gt;</note>\n  </request>\n</service_requests>\n',
  );
  assert.deepEqual(parseXml(doc), { '?xml': '', service_requests: { request: [{ service_request_id: '7', status_notes: '', lat: '46.5', flag: 'true', note: 'ab <c>' }] } });
  assert.equal(xmlDocument('errors', []), '<?xml version="1.0" encoding="utf-8"?>\n<errors/>\n');
  assert.throws(() => xmlDocument('things', [1]), /no singular element name/);
});

test('W3C dates: full dates and zoned date-times only, real calendar days, a space for an unencoded plus', () => {
  assert.equal(parseW3cDate('2026-11-23T10:00:00+02:00')?.toISOString(), '2026-11-23T08:00:00.000Z');
  assert.equal(parseW3cDate('2026-11-23T10:00:00 02:00')?.toISOString(), '2026-11-23T08:00:00.000Z');
  assert.equal(parseW3cDate('2026-11-23T08:15Z')?.toISOString(), '2026-11-23T08:15:00.000Z');
  assert.equal(parseW3cDate('2026-11-23T08:15:30.250Z')?.toISOString(), '2026-11-23T08:15:30.250Z');
  assert.equal(parseW3cDate('2024-02-29')?.toISOString(), '2024-02-29T00:00:00.000Z');
  for (const bad of ['2025-02-29', '2026-13-01', '2026-11-23T24:00:00Z', '2026-11-23T10:00:00', '23.11.2026', '2026-11-23T10:00:00+2', 'now', '']) {
    assert.equal(parseW3cDate(bad), undefined, bad);
  }
});

test('the date window: 90 days back by default, filled from one end, refused when reversed or longer', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const w = resolveWindow(undefined, undefined, now);
  assert.ok(w.kind === 'ok');
  assert.equal(w.start.toISOString(), '2026-08-25T12:00:00.000Z');
  assert.equal(w.end.toISOString(), now.toISOString());
  const fromStart = resolveWindow('2026-01-01T00:00:00Z', undefined, now);
  assert.ok(fromStart.kind === 'ok' && fromStart.end.toISOString() === '2026-04-01T00:00:00.000Z');
  const fromEnd = resolveWindow(undefined, '2026-04-01T00:00:00Z', now);
  assert.ok(fromEnd.kind === 'ok' && fromEnd.start.toISOString() === '2026-01-01T00:00:00.000Z');
  assert.equal(resolveWindow('2026-01-01', '2026-04-02', now).kind, 'too_long');
  assert.equal(resolveWindow('2026-04-02', '2026-01-01', now).kind, 'reversed');
  assert.deepEqual(resolveWindow('soon', undefined, now), { kind: 'invalid', field: 'start_date' });
  assert.deepEqual(resolveWindow(undefined, '2026-02-30', now), { kind: 'invalid', field: 'end_date' });
});
