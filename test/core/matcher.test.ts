import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PACKS } from '../../server/src/core/terminology/pack';
import { TermMatcher } from '../../server/src/core/terminology/matcher';
import { flagged, lint } from '../helpers/analyse';

const matcher = new TermMatcher(PACKS);
const found = (text: string) => matcher.scan(text).map((m) => text.slice(m.start, m.end));

describe('finding deprecated terms in every spelling', () => {
  test('any capitalisation', () => {
    assert.deepEqual(found('Child Pornography; CHILD PORNOGRAPHY; child pornography'), ['Child Pornography', 'CHILD PORNOGRAPHY', 'child pornography']);
  });

  test('hyphenated, non-breaking and multiple spaces', () => {
    assert.deepEqual(found('child-pornography, child\u00a0pornography, child   pornography, child\u2011porn'), [
      'child-pornography', 'child\u00a0pornography', 'child   pornography', 'child\u2011porn',
    ]);
  });

  test('split across a line break, in LF, CRLF and CR files', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      assert.deepEqual(found(`possession of child${eol}pornography is`), [`child${eol}pornography`], JSON.stringify(eol));
    }
  });

  test('hyphenated at a line end, in the middle of a word', () => {
    assert.deepEqual(found('the possession of child pornog-\nraphy shall'), ['child pornog-\nraphy']);
    assert.deepEqual(found('the possession of child-\npornography shall'), ['child-\npornography']);
  });

  test('not across a paragraph break', () => {
    assert.deepEqual(found('Section 3 protects the child\n\nPornography of adults is outside this Act.'), []);
  });

  test('possessive and plural forms', () => {
    assert.deepEqual(found("child pornography's definition; child prostitutes"), ['child pornography', 'child prostitutes']);
  });

  test('accents may be missing or decomposed; soft hyphens and zero-width characters are ignored', () => {
    assert.deepEqual(found('pedopornographie, pe\u0301dopornographie, porno\u00adgraphie enfantine, child\u200b pornography'), [
      'pedopornographie', 'pe\u0301dopornographie', 'porno\u00adgraphie enfantine', 'child\u200b pornography',
    ]);
  });

  test('only whole words; German compounds may extend a term', () => {
    assert.deepEqual(found('grandchild pornographer; childpornography'), []);
    assert.deepEqual(found('Kinderpornografiedelikte und kinderpornographischer Inhalte'), ['Kinderpornografie', 'kinderpornographischer']);
  });

  test('the longest form wins', () => {
    assert.deepEqual(found('child pornographic material and child pornographic images'), ['child pornographic material', 'child pornographic']);
  });

  test('shared spellings pick the document language', () => {
    const text = 'Sextortion ist strafbar.';
    assert.equal(matcher.scan(text, ['de'])[0].language, 'de');
    assert.equal(matcher.scan(text, ['en'])[0].language, 'en');
  });

  test('astral characters before a term keep its UTF-16 offsets exact', () => {
    const text = '𝔸𝔹 child pornography';
    const [m] = matcher.scan(text);
    assert.equal(m.start, 5);
    assert.equal(text.slice(m.start, m.end), 'child pornography');
  });

  test('adversarial inputs finish (every matcher is linear)', () => {
    const inputs = [
      'child '.repeat(200_000),
      'child-'.repeat(200_000) + 'x',
      'child \n'.repeat(100_000),
      'pornographie '.repeat(100_000),
      '“'.repeat(100_000) + 'child pornography',
      'a'.repeat(1_000_000),
    ];
    for (const text of inputs) assert.ok(Array.isArray(lint(text).findings));
  });
});

describe('terms in the text of a draft', () => {
  test('a term split by a tab and spaces is still one finding', () => {
    assert.deepEqual(flagged(lint('(c) has child\t pornography in his possession')), ['child\t pornography']);
  });
});
