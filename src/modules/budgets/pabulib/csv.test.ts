import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { quoteField, tokenize } from './csv.ts';

function fields(text: string) {
  const r = tokenize(text);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  return r.value.map((rec) => [rec.line, ...rec.fields]);
}

describe('pb CSV tokenizer', () => {
  test('splits on ; and trims unquoted fields', () => {
    assert.deepEqual(fields('a;b\nkey; value\n'), [[1, 'a', 'b'], [2, 'key', 'value']]);
  });

  test('handles quotes, doubled quotes, embedded ; and newlines', () => {
    assert.deepEqual(fields('1;"x; y";"say ""hi"""\n2;"two\nlines";z\n3;w'), [
      [1, '1', 'x; y', 'say "hi"'],
      [2, '2', 'two\nlines', 'z'],
      [4, '3', 'w'],
    ]);
  });

  test('tolerates BOM, CRLF, lone CR and blank lines', () => {
    assert.deepEqual(fields('\uFEFFa;b\r\n\r\nc\rd'), [[1, 'a', 'b'], [3, 'c'], [4, 'd']]);
  });

  test('keeps quoted whitespace and quotes inside unquoted fields', () => {
    assert.deepEqual(fields('" padded ";it\'s "ok"'), [[1, ' padded ', 'it\'s "ok"']]);
  });

  test('reports unterminated quotes at the line where the record starts', () => {
    assert.deepEqual(tokenize('a\nb;"open\nstill open'), { ok: false, error: { line: 2, message: 'unterminated quoted field' } });
  });

  test('reports text after a closing quote', () => {
    const r = tokenize('a\n"x"y;z');
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.error.line, 2);
  });

  test('quoteField quotes only when needed', () => {
    assert.equal(quoteField('plain'), 'plain');
    assert.equal(quoteField('a;b'), '"a;b"');
    assert.equal(quoteField('say "hi"'), '"say ""hi"""');
    assert.equal(quoteField(' x'), '" x"');
    assert.equal(quoteField('VOTES', true), '"VOTES"');
  });
});
