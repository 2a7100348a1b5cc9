import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PACKS, allForms } from '../../server/src/core/terminology/pack';
import { TermMatcher } from '../../server/src/core/terminology/matcher';
import { recommendation } from '../../server/src/core/recommendations';
import { fixed, lint } from '../helpers/analyse';

// Every entry of every pack carries its own positive and negative examples, in its language.
for (const pack of PACKS) {
  describe(`terminology pack ${pack.language}`, () => {
    for (const entry of pack.terms) {
      test(`${entry.id}: examples`, () => {
        assert.ok(entry.examples.positive.length > 0, `${entry.id} has positive examples`);
        assert.ok(entry.examples.negative.length > 0, `${entry.id} has negative examples`);
        for (const ex of entry.examples.positive) {
          const a = lint(ex.text, { settings: { documentLanguage: pack.language } });
          const own = a.findings.filter((f) => f.term?.id === entry.id);
          assert.equal(own.length, 1, `"${ex.text}" should flag ${entry.id} once, got ${JSON.stringify(a.findings.map((f) => f.term?.id))}`);
          assert.equal(own[0].check, entry.recommendation);
          if (ex.fixed !== undefined) {
            assert.equal(fixed(ex.text, { settings: { documentLanguage: pack.language } }), ex.fixed, `fix of "${ex.text}"`);
          } else if (!entry.autofix || !entry.replacement) {
            assert.equal(own[0].fix, undefined, `"${ex.text}" must not be rewritten automatically`);
            assert.ok(own[0].suggestions?.length, `"${ex.text}" still offers a suggestion`);
          }
        }
        for (const text of entry.examples.negative) {
          const a = lint(text, { settings: { documentLanguage: pack.language } });
          assert.deepEqual(a.findings.filter((f) => f.term?.id === entry.id).map((f) => f.message), [], `"${text}" should not flag ${entry.id}`);
        }
      });
    }

    test('entries cite existing recommendations and name their sources', () => {
      for (const entry of pack.terms) {
        assert.ok(recommendation(entry.recommendation), `${entry.id}: ${entry.recommendation}`);
        assert.ok(entry.sources.length > 0, `${entry.id} has sources`);
        assert.ok(allForms(entry).length > 0, `${entry.id} has forms`);
        assert.ok(entry.replacement || entry.suggestions?.length || allForms(entry).every((f) => f.replacement), `${entry.id} says what to write instead`);
      }
    });
  });
}

test('all packs compile together into one matcher (no conflicting spellings)', () => {
  assert.doesNotThrow(() => new TermMatcher(PACKS));
});

test('English, French and German packs cover the child pornography family', () => {
  const ids = (lang: string) => PACKS.find((p) => p.language === lang)!.terms.filter((t) => t.family === 'csam').flatMap(allForms).map((f) => f.form.toLowerCase());
  assert.ok(ids('en').includes('child pornography') && ids('en').includes('kiddy porn') && ids('en').includes('child-pornographic'));
  assert.ok(ids('fr').includes('pédopornographie') && ids('fr').includes('pornographie enfantine'));
  assert.ok(ids('de').includes('kinderpornografie') && ids('de').includes('kinderpornographie'));
});
