import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import {
  CONVENTION_ARTICLES, DEFAULT_SEVERITY, RECOMMENDATIONS, URGENCIES, normaliseCheckKey, recommendation,
} from '../../server/src/core/recommendations';

const factsheet = readFileSync(path.join(__dirname, '..', 'fixtures', 'reference', 'factsheet.txt'), 'utf8');
/** The factsheet with footnote markers, italics and line breaks removed, for verbatim checks. */
const flat = factsheet
  .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // [link text](#) → link text
  .replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, '')
  .replace(/\*/g, '')
  .replace(/\s+/g, ' ');
const norm = (s: string) => s.replace(/\s+/g, ' ');

describe('recommendations catalogue', () => {
  test('has II-1 to II-12 in order', () => {
    assert.deepEqual(RECOMMENDATIONS.map((r) => r.id), Array.from({ length: 12 }, (_, i) => `II-${i + 1}`));
  });

  test('urgency is the factsheet’s verb for each recommendation', () => {
    const expected: Record<string, string> = {
      'II-1': 'invite', 'II-2': 'invite', 'II-3': 'invite', 'II-4': 'invite', 'II-5': 'require', 'II-6': 'request',
      'II-7': 'invite', 'II-8': 'request', 'II-9': 'request', 'II-10': 'invite', 'II-11': 'invite', 'II-12': 'invite',
    };
    for (const r of RECOMMENDATIONS) {
      assert.equal(r.urgency, expected[r.id], r.id);
      const verb = { require: 'requires', request: 'requests', invite: 'invites' }[r.urgency];
      assert.match(r.lead, new RegExp(`The Committee ${verb} Parties`), `${r.id} lead names the verb`);
    }
  });

  test('every lead and wording is quoted verbatim from the factsheet', () => {
    for (const r of RECOMMENDATIONS) {
      assert.ok(flat.includes(norm(r.lead).replace(/\*/g, '')), `${r.id} lead not found verbatim: ${r.lead}`);
      for (const w of r.wording) assert.ok(flat.includes(norm(w)), `${r.id} wording not found verbatim: ${w}`);
    }
  });

  test('each recommendation is the one its footnote names', () => {
    for (const r of RECOMMENDATIONS) {
      assert.match(factsheet, new RegExp(`${superscript(r.source.footnote)} Recommendation ${r.id}\\.`), r.id);
    }
  });

  test('urgency meanings are quoted verbatim and map to severities', () => {
    for (const u of ['require', 'request', 'invite'] as const) assert.ok(flat.includes(norm(URGENCIES[u].meaning)), u);
    assert.deepEqual(DEFAULT_SEVERITY, { require: 'error', request: 'warning', invite: 'information' });
  });

  test('every recommendation links to a source and the Convention articles exist', () => {
    for (const r of RECOMMENDATIONS) {
      assert.match(r.source.url, /^https:\/\//);
      for (const a of r.articles) {
        const n = /^Art\. (\d+)/.exec(a)?.[1];
        if (n) assert.ok(CONVENTION_ARTICLES.some((c) => c.number === n), `${r.id} cites Article ${n}`);
      }
    }
  });

  test('check keys are normalised from the ways drafters write them', () => {
    assert.equal(normaliseCheckKey('ii-6'), 'II-6');
    assert.equal(normaliseCheckKey('Recommendation II-10'), 'II-10');
    assert.equal(normaliseCheckKey('Art.20(1)(f)'), 'Art. 20(1)(f)');
    assert.equal(normaliseCheckKey('art20'), 'Art. 20(1)');
    assert.equal(normaliseCheckKey('II-13'), undefined);
    assert.equal(recommendation('II-5')?.urgency, 'require');
  });
});

function superscript(n: number): string {
  const map = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return String(n).split('').map((d) => map[Number(d)]).join('');
}
