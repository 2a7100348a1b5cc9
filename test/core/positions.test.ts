import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { lint, terms } from '../helpers/analyse';

describe('positions stay exact', () => {
  test('LF, CRLF and lone CR line breaks', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `Section 1${eol}${eol}(1) A person who possesses child pornography commits an offence.`;
      const a = lint(text);
      const p = a.source.originalLines.positionAt(terms(a)[0].range.start);
      assert.deepEqual(p, { line: 2, character: 27 }, JSON.stringify(eol));
    }
  });

  test('code-point columns count astral characters once and tabs as one', () => {
    const text = '𝔸𝔹\tchild pornography';
    const a = lint(text);
    const lines = a.source.originalLines;
    assert.deepEqual(lines.positionAt(terms(a)[0].range.start), { line: 0, character: 5 });
    assert.deepEqual(lines.codePointPosition(terms(a)[0].range.start), { line: 1, column: 4 });
  });

  test('combining marks are characters of their own in both counts', () => {
    const text = 'Pe\u0301nal code: child pornography';
    const a = lint(text);
    assert.equal(a.source.originalLines.codePointPosition(terms(a)[0].range.start).column, 14);
  });

  test('offsetAt and positionAt are inverse, clamped at line ends', () => {
    const idx = new LineIndex('ab\r\ncd\ref\ngh');
    assert.deepEqual(idx.lineStarts, [0, 4, 7, 10]);
    for (let o = 0; o <= 12; o++) {
      const p = idx.positionAt(o);
      if (o !== 3) assert.equal(idx.offsetAt(p), o, `offset ${o}`);
    }
    assert.equal(idx.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(idx.lineText(1), 'cd');
  });
});
