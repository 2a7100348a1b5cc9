import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runCli, tempTree } from '../helpers/cli';

describe('lanzarote-lint report', () => {
  test('JSON for one draft: one object with all twelve recommendations in order and the six acts', async () => {
    const r = await runCli(['report', '--format', 'json', 'samples/model-law.md']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.file, 'samples/model-law.md');
    assert.deepEqual(report.recommendations.map((x: { id: string }) => x.id), Array.from({ length: 12 }, (_, i) => `II-${i + 1}`));
    assert.deepEqual(report.convention.map((x: { id: string }) => x.id), ['Art. 20(1)(a)', 'Art. 20(1)(b)', 'Art. 20(1)(c)', 'Art. 20(1)(d)', 'Art. 20(1)(e)', 'Art. 20(1)(f)']);
    const ii6 = report.recommendations[5];
    assert.deepEqual(Object.keys(ii6), ['id', 'urgency', 'status', 'explanation', 'evidence']);
    assert.equal(ii6.urgency, 'request');
    assert.equal(ii6.status, 'met');
    assert.deepEqual(Object.keys(ii6.evidence[0]), ['line', 'provision', 'text']);
    assert.equal(ii6.evidence[0].provision, 'Article 3(1)');
  });

  test('JSON for several drafts: an array', async () => {
    const r = await runCli(['report', '--format', 'json', 'samples/model-law.md', 'samples/sexual-offences-children-bill.txt']);
    assert.equal(JSON.parse(r.stdout).length, 2);
  });

  test('Markdown quotes the Committee’s wording and cites the provisions; French with --lang fr', async () => {
    const r = await runCli(['report', 'samples/sexual-offences-children-bill.txt']);
    assert.match(r.stdout, /^# Lanzarote checklist: samples\/sexual-offences-children-bill\.txt/);
    assert.match(r.stdout, /> The Committee requires Parties which provide for exemptions for adults/);
    assert.match(r.stdout, /- \*\*Section 4\(2\), line \d+\*\*: “\(2\) It is a defence for a person charged/);
    const fr = await runCli(['report', '--lang', 'fr', 'samples/projet-de-loi-protection-enfants.txt']);
    assert.match(fr.stdout, /^# Liste de contrôle Lanzarote/);
    assert.match(fr.stdout, /II-6 — Ne pas poursuivre l’enfant/);
  });

  test('HTML is one standalone page with escaped text; several drafts need --output-dir', async () => {
    const dir = tempTree({ 'a.txt': 'Section 1\n(1) A person who possesses child <b>pornography</b> commits an offence.\n', 'b.txt': 'Nothing.\n' });
    const one = await runCli(['report', '--format', 'html', 'a.txt'], { cwd: dir });
    assert.match(one.stdout, /^<!DOCTYPE html>/);
    assert.doesNotMatch(one.stdout, /<b>pornography<\/b>/);
    const two = await runCli(['report', '--format', 'html', 'a.txt', 'b.txt'], { cwd: dir });
    assert.equal(two.code, 2);
    assert.match(two.stderr, /use --output-dir/);
    const out = await runCli(['report', '--format', 'html', '--output-dir', 'reports', 'a.txt', 'b.txt'], { cwd: dir });
    assert.equal(out.code, 0);
    assert.match(readFileSync(path.join(dir, 'reports', 'a.txt.lanzarote-report.html'), 'utf8'), /<h1>/);
  });

  test('usage errors exit 2', async () => {
    assert.equal((await runCli(['report'])).code, 2);
    assert.equal((await runCli(['report', '--format', 'pdf', 'samples/model-law.md'])).code, 2);
  });
});
