import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { flagged, lint, terms } from '../helpers/analyse';

describe('suppression directives', () => {
  test('disable-next-line silences the named recommendation on the next line only', () => {
    const text = [
      'lanzarote-disable-next-line II-1 -- the 1978 Act is quoted as enacted',
      'The child pornography offence of 1978.',
      'A person who possesses child pornography commits an offence.',
    ].join('\n');
    const a = lint(text);
    assert.equal(terms(a).length, 1);
    assert.equal(a.source.originalLines.positionAt(terms(a)[0].range.start).line, 2);
    assert.equal(a.directives[0].reason, 'the 1978 Act is quoted as enacted');
  });

  test('a directive naming another recommendation does not silence II-1', () => {
    assert.equal(terms(lint('lanzarote-disable-next-line II-6\nchild pornography')).length, 1);
  });

  test('Markdown HTML comments and regions', () => {
    const text = [
      '<!-- lanzarote-disable II-1 -- historical annex -->',
      'child pornography',
      'kiddy porn',
      '<!-- lanzarote-enable II-1 -->',
      'child porn',
    ].join('\n');
    assert.deepEqual(flagged(lint(text, { name: 'annex.md' })), ['child porn']);
  });

  test('without ids, a directive silences everything on its line', () => {
    assert.equal(terms(lint('child pornography <!-- lanzarote-disable-line -->', { name: 'x.md' })).length, 0);
  });

  test('the reason of a directive is not read as draft text', () => {
    assert.equal(terms(lint('lanzarote-disable-next-line II-6 -- keep child pornography wording\nFine text.')).length, 0);
  });

  test('an unknown recommendation id is itself reported', () => {
    const a = lint('lanzarote-disable-next-line II-13, II-1\nchild pornography');
    assert.deepEqual(a.findings.map((f) => [f.ruleId, f.severity]), [['directive/unknown-id', 'warning']]);
    assert.match(a.findings[0].message, /II-13/);
    assert.equal(a.source.original.slice(a.findings[0].range.start, a.findings[0].range.end), 'II-13');
  });
});
