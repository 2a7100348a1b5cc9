import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/core/text/lineIndex';

/** Columns in code points as they were counted before: walking the line up to the offset. */
function walked(index: LineIndex, offset: number): { line: number; column: number } {
  const { line, character } = index.positionAt(offset);
  const start = index.lineStarts[line];
  let column = 0;
  for (let i = start; i < start + character; i++) {
    const c = index.text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < start + character) {
      const d = index.text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    column++;
  }
  return { line: line + 1, column: column + 1 };
}

const piece = fc.constantFrom('a', ' ', 'é', '\n', '\r\n', '\r', '𝔸', '\ud835', '\udd38', 'e\u0301', '\t', '’');

describe('code-point columns (CLI and SARIF positions)', () => {
  test('are those of walking the line, for every offset, surrogate pairs whole, cut or lone', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }).map((xs) => xs.join('')), (text) => {
        const index = new LineIndex(text);
        for (let o = 0; o <= text.length; o++) assert.deepEqual(index.codePointPosition(o), walked(index, o), `offset ${o}`);
      }),
      { numRuns: 2000 },
    );
  });

  test('line starts are found the same with and without carriage returns', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\n', '\r', '\r\n', ' '), { maxLength: 60 }).map((xs) => xs.join('')), (text) => {
        const expected = [0];
        for (let i = 0; i < text.length; i++) {
          if (text[i] === '\r') {
            if (text[i + 1] === '\n') i++;
            expected.push(i + 1);
          } else if (text[i] === '\n') expected.push(i + 1);
        }
        assert.deepEqual(new LineIndex(text).lineStarts, expected);
      }),
    );
  });
});
