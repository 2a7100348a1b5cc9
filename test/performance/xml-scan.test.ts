import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { scanTokens, type XmlToken } from '../../server/src/core/formats/xml/tokens';

/**
 * The tolerant XML scanner tries its pattern only at a "<" from which a tag could close; its
 * tokens must be exactly those of searching the whole file with the pattern, as it did before
 * (the reference below is that earlier loop, attribute decoding left out).
 */
const MARKUP =
  /<!--([\s\S]*?)(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>?|<(\/?)([A-Za-z_:][^\s/>"'=]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

function reference(original: string): unknown[] {
  const tokens: unknown[] = [];
  let last = 0;
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(original); m; m = MARKUP.exec(original)) {
    if (m[0].length === 0) {
      MARKUP.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    if (start > last) tokens.push({ kind: 'text', start: last, end: start });
    last = end;
    if (m[1] !== undefined) tokens.push({ kind: 'comment', start: start + 4, end: start + 4 + m[1].length });
    else if (m[2] !== undefined) tokens.push({ kind: 'cdata', start: start + 9, end: start + 9 + m[2].length });
    else if (m[4] === undefined) tokens.push({ kind: 'other', start, end });
    else if (m[3]) tokens.push({ kind: 'close', name: m[4], start, end });
    else {
      const selfClosing = m[6] === '/';
      tokens.push({ kind: 'open', name: m[4], attributes: m[5], selfClosing, start, end });
      if (selfClosing) tokens.push({ kind: 'close', name: m[4], start: end, end });
    }
  }
  if (last < original.length) tokens.push({ kind: 'text', start: last, end: original.length });
  return tokens;
}

/** The scanner's tokens with each open tag's attribute text instead of its decoded attributes. */
function scanned(text: string): unknown[] {
  return scanTokens(text).map((t: XmlToken) => (t.kind === 'open' ? { ...t, attributes: text.slice(t.start + 1 + t.name.length, t.end - (t.selfClosing ? 2 : 1)) } : t));
}

const piece = fc.constantFrom('<', '>', '/', '"', "'", '=', ' ', '\n', 'a', 'b:c', '_x', '1', '!', '?', '-', '<!--', '-->', '<![CDATA[', ']]>', '<!DOCTYPE', '[', ']', '<?xml', '?>', '</', '/>', '&amp;', '«');

describe('the tolerant XML scanner', () => {
  test('gives exactly the tokens of the pattern searched over the whole file (random malformed XML)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }).map((xs) => xs.join('')), (text) => {
        assert.deepEqual(scanned(text), reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  test('"<a <a <a …" with no ">" anywhere after is all text, read once', () => {
    const text = `<b x="1">body</b>${'<a '.repeat(50_000)}`;
    assert.deepEqual(scanTokens(text).map((t) => [t.kind, t.start]), [['open', 0], ['text', 9], ['close', 13], ['text', 17]]);
  });
});
