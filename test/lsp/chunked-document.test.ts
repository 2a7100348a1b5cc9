// The server holds open documents in pieces (server/src/lsp/chunkedDocument.ts): its text,
// positions and line table must be those of vscode-languageserver-textdocument's TextDocument
// after any sequence of edits (line breaks of every kind, edits across pieces, whole-text changes).
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChunkedDocument } from '../../server/src/lsp/chunkedDocument';
import { LineIndex } from '../../server/src/core/text/lineIndex';

const piece = fc.constantFrom('Article 20(1)(a) – ', 'child pornography', '\n', '\r\n', '\r', '\n\n', ' ', 'é', '« ', '', 'x'.repeat(9000));
const textArb = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));
const pos = fc.record({ line: fc.integer({ min: -1, max: 60 }), character: fc.integer({ min: -1, max: 9100 }) });
const change = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: pos, end: pos }), text: textArb }) },
  { weight: 1, arbitrary: fc.record({ text: textArb }) },
);

test('a document in pieces reads, counts lines and positions exactly as TextDocument', () => {
  fc.assert(
    fc.property(textArb, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (initial, edits, probes) => {
      const reference = TextDocument.create('file:///d.txt', 'plaintext', 1, initial);
      const chunked = ChunkedDocument.create('file:///d.txt', 'plaintext', 1, initial);
      let version = 1;
      for (const changes of edits) {
        version++;
        // The server clamps each range to the text it applies to, as the reference needs.
        for (const c of changes) {
          const clamped = 'range' in c ? { range: { start: reference.positionAt(reference.offsetAt(c.range.start)), end: reference.positionAt(reference.offsetAt(c.range.end)) }, text: c.text } : c;
          TextDocument.update(reference, [clamped], version);
        }
        chunked.update(changes, version);
        const text = reference.getText();
        assert.equal(chunked.length, text.length);
        for (const p of probes) {
          const o = p % (text.length + 1);
          assert.equal(chunked.slice(o, o + 100), text.slice(o, o + 100));
          assert.deepEqual(chunked.positionAt(o), reference.positionAt(o));
          assert.deepEqual(chunked.analysedPositionAt(o), new LineIndex(text).positionAt(o));
          const position = { line: p % (reference.lineCount + 1), character: p % 50 };
          assert.equal(chunked.offsetAt(position), reference.offsetAt(position));
          assert.deepEqual(chunked.getLineRange(position.line), reference.getLineRange(position.line));
        }
        assert.equal(chunked.lineCount, reference.lineCount);
        assert.equal(chunked.version, version);
        // Reading the whole text joins the pieces: only now and then, so that edits of pieces follow edits of pieces.
        if (version % 3 === 0) assert.equal(chunked.getText(), text);
        else assert.equal(chunked.slice(0), text);
      }
    }),
    { numRuns: 300, seed: 1202 },
  );
});
