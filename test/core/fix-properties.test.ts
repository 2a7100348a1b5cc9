import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyEdits, safeEdits } from '../../server/src/core/fixes';
import { lint } from '../helpers/analyse';

// Drafts assembled from realistic pieces: provisions, deprecated terms in every spelling,
// quotations, amendments and hostile characters.
const term = fc.constantFrom(
  'child pornography', 'Child Pornography', 'CHILD PORNOGRAPHY', 'child-pornography', 'child\npornography', 'kiddy porn',
  'child prostitute', 'child prostitutes', 'child prostitution', 'child sex tourism', 'sextortion', 'child pornographic images',
  'pédopornographie', 'la pédopornographie', 'de la pornographie infantile', 'Kinderpornografie', 'pornografía infantil',
);
const filler = fc.constantFrom(
  'Section 160A ', '(1) A person who possesses ', ' commits an offence. ', 'Article 227-23 ', ' est puni de cinq ans. ',
  '\n', '\r\n', '\n\n', ' ', '𝔸', 'e\u0301', '\u00a0', '\u200b', '\t', '§ 207a ', ' shall be punished. ', ', ', '; ',
);
const quoted = fc.tuple(fc.constantFrom('"', '“', '«\u00a0', '‘'), term).map(([q, t]) => {
  const close = { '"': '"', '“': '”', '«\u00a0': '\u00a0»', '‘': '’' }[q]!;
  return `for ${q}${t}${close} substitute "child sexual abuse material"`;
});
const draft = fc.array(fc.oneof({ weight: 3, arbitrary: filler }, { weight: 2, arbitrary: term }, { weight: 1, arbitrary: quoted }), { maxLength: 40 }).map((parts) => parts.join(''));

test('fixing changes only the flagged spans, never a quotation, and leaves nothing more to fix', () => {
  fc.assert(
    fc.property(draft, (text) => {
      const a = lint(text);
      const edits = safeEdits(a.findings);
      const { output, applied } = applyEdits(text, edits);
      // Outside the applied edits the text is untouched.
      let pos = 0;
      let outPos = 0;
      for (const e of applied) {
        assert.equal(output.slice(outPos, outPos + (e.range.start - pos)), text.slice(pos, e.range.start));
        outPos += e.range.start - pos + e.newText.length;
        pos = e.range.end;
      }
      assert.equal(output.slice(outPos), text.slice(pos));
      // No edit touches a quoted finding.
      for (const f of a.findings.filter((x) => x.quoted)) {
        assert.ok(!applied.some((e) => e.range.start < f.range.end && f.range.start < e.range.end), 'a quotation was edited');
      }
      // Every edited span was a finding's span (or its article).
      for (const e of applied) assert.ok(a.findings.some((f) => f.fix === e));
      // A second round finds nothing more to fix.
      assert.deepEqual(safeEdits(lint(output).findings).map((e) => output.slice(e.range.start, e.range.end)), []);
    }),
    { seed: 20261128, numRuns: 300 },
  );
});

test('every range lies inside the text', () => {
  fc.assert(
    fc.property(draft, (text) => {
      for (const f of lint(text).findings) {
        assert.ok(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= text.length);
      }
    }),
    { seed: 7, numRuns: 300 },
  );
});
