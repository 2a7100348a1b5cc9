// The evaluation corpora as a regression guard: each corpus's expected statuses are well formed
// (its own validator, which also checks the applicability rules of docs/compliance-model.md), and
// the checklist keeps agreeing with the legal reading at least as well as it did when the floor
// was set. `npm run eval -- --dir <corpus> --verbose` lists the disagreements.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { agreement, scoreCorpus } from '../../scripts/corpus';

const fixtures = path.join(__dirname, '..', 'fixtures');

// Floors a little under the agreement measured when they were last raised (see the README's
// accuracy section), so that a change which makes the checklist read drafts worse fails here.
const FLOORS: Record<string, number> = {
  compliance: 0.99,
  'compliance-unseen': 0.98,
  'compliance-statutes': 0.97,
  // Never used to diagnose errors: a guard against a change that reads unseen drafts worse.
  'compliance-final': 0.84,
};

describe('evaluation corpora', () => {
  for (const [corpus, floor] of Object.entries(FLOORS)) {
    const dir = path.join(fixtures, corpus);
    test(`${corpus}: the expected statuses pass the corpus validator`, () => {
      const validator = readdirSync(dir).find((f) => /^check-.*\.mjs$/.test(f));
      assert.ok(validator, `a check-*.mjs validator in ${corpus}`);
      const run = spawnSync(process.execPath, [path.join(dir, validator)], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stdout + run.stderr);
    });
    test(`${corpus}: the checklist agrees with the legal reading on at least ${floor * 100} % of statuses`, () => {
      assert.ok(existsSync(dir));
      const rows = scoreCorpus(dir);
      assert.ok(rows.length > 100, 'the corpus is not empty');
      const a = agreement(rows);
      assert.ok(a >= floor, `agreement ${(a * 100).toFixed(1)} % is under the floor of ${floor * 100} %`);
    });
  }
});
