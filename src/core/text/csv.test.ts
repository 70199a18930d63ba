import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, toCsv } from './csv.ts';

test('cells with commas, quotes and newlines are quoted; formulas are defused', () => {
  assert.equal(csvCell('Piața Unirii, nr. 1'), '"Piața Unirii, nr. 1"');
  assert.equal(csvCell('spune "da"'), '"spune ""da"""');
  assert.equal(csvCell('rând\nnou'), '"rând\nnou"');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell(-3), '-3', 'numbers are numbers, not formulas');
  assert.equal(csvCell(null), '');
});

test('a document starts with a BOM and ends every row with CRLF', () => {
  assert.equal(toCsv(['a', 'b'], [[1, 'x']]), '\uFEFFa,b\r\n1,x\r\n');
});
