import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runCli, spawnCli, tempTree } from '../helpers/cli';

// A provision that names the material without creating an offence: terminology findings only.
const OFFENCE = 'Section 160A\n(1) A person who possesses child pornography commits an offence.\n';
const REPORTING = 'Section 12\n(1) The Minister shall report on child pornography every year.\n';

describe('lanzarote-lint command line', () => {
  test('--version and --help', () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const v = spawnCli(['--version']);
    assert.equal(v.code, 0);
    assert.equal(v.stdout.trim(), pkg.version);
    const h = spawnCli(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /Usage: lanzarote-lint/);
    assert.match(h.stdout, /--format <stylish\|json\|sarif>/);
  });

  test('stylish output: path:line:column, severity, message, recommendation and urgency, summary', async () => {
    const dir = tempTree({ 'bill.txt': REPORTING });
    const r = await runCli(['bill.txt'], { cwd: dir });
    assert.equal(r.code, 0, 'information does not reach the default --fail-on error');
    assert.match(r.stdout, /^bill\.txt:2:34 {2}information {2}“child pornography” is outdated wording: use “child sexual abuse material” \(Recommendation II-1, Invite\)\. {2}II-1 Invite {2}term\/csam$/m);
    assert.match(r.stdout, /1 finding in 1 of 1 file: 0 errors, 0 warnings, 1 information, 0 hints\./);
  });

  test('exit code 1 when a finding reaches --fail-on, 0 otherwise', async () => {
    const dir = tempTree({ 'bill.txt': REPORTING, 'clean.txt': 'The Minister shall report on child sexual abuse material every year.\n' });
    assert.equal((await runCli(['--fail-on', 'information', 'bill.txt'], { cwd: dir })).code, 1);
    assert.equal((await runCli(['--fail-on', 'information', 'clean.txt'], { cwd: dir })).code, 0);
    assert.equal((await runCli(['--fail-on', 'never', 'bill.txt'], { cwd: dir })).code, 0);
    const cfg = tempTree({ 'bill.txt': REPORTING, '.lanzarote.json': '{ "severity": { "II-1": "error" } }' });
    assert.equal((await runCli(['bill.txt'], { cwd: cfg })).code, 1);
  });

  test('exit code 2 on usage errors, with a message and no stack trace', async () => {
    for (const args of [[], ['--format', 'xml', 'x.txt'], ['--bogus', 'x.txt'], ['does-not-exist.txt'], ['--fix', '-'], ['--fail-on', 'loud', 'x.txt']]) {
      const r = await runCli(args, { cwd: tempTree({ 'x.txt': 'text' }) });
      assert.equal(r.code, 2, `${args.join(' ')} → ${r.stderr}`);
      assert.match(r.stderr, /^lanzarote-lint: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  test('exit code 2 on a malformed .lanzarote.json, naming the file, the key and the position', async () => {
    const dir = tempTree({ 'drafts/bill.txt': OFFENCE, '.lanzarote.json': '{\n  "quotations": "sometimes",\n  "severity": { "II-14": "error" }\n}\n' });
    const r = await runCli(['drafts'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^\.lanzarote\.json:2:17: "quotations": Must be "information"/m);
    assert.match(r.stderr, /^\.lanzarote\.json:3:17: "severity\.II-14": Unknown recommendation id "II-14"/m);
    assert.match(r.stderr, /nothing was checked/);
    assert.equal(r.stdout, '');
    const bad = tempTree({ 'bill.txt': REPORTING, '.lanzarote.json': '{ "quotations": "hide", }}' });
    const r2 = await runCli(['bill.txt'], { cwd: bad });
    assert.equal(r2.code, 2);
    assert.match(r2.stderr, /^\.lanzarote\.json:1:26: Invalid JSON/m);
  });

  test('the nearest .lanzarote.json applies to each file', async () => {
    const dir = tempTree({
      'a/bill.txt': REPORTING,
      'b/bill.txt': REPORTING,
      'b/.lanzarote.json': '{ "severity": { "II-1": "off" } }',
    });
    const r = await runCli(['--format', 'json', '.'], { cwd: dir });
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.map((f: { file: string; findings: unknown[] }) => [f.file, f.findings.length]), [['a/bill.txt', 1], ['b/bill.txt', 0]]);
  });

  test('folders, globs and stdin; output order is stable', async () => {
    const dir = tempTree({ 'z.txt': OFFENCE, 'a.md': OFFENCE, 'sub/m.draft': OFFENCE, 'notes.json': '{}', 'node_modules/x/y.txt': OFFENCE });
    const r = await runCli(['--format', 'json', '.'], { cwd: dir });
    assert.deepEqual(JSON.parse(r.stdout).map((f: { file: string }) => f.file), ['a.md', 'sub/m.draft', 'z.txt']);
    const g = await runCli(['--format', 'json', '**/*.draft'], { cwd: dir });
    assert.deepEqual(JSON.parse(g.stdout).map((f: { file: string }) => f.file), ['sub/m.draft']);
    const s = await runCli(['--format', 'json', '--stdin-filename', 'pasted.txt', '-'], { stdin: OFFENCE });
    assert.equal(JSON.parse(s.stdout)[0].file, 'pasted.txt');
    const ig = await runCli(['--format', 'json', '--ignore-pattern', 'sub/**', '.'], { cwd: dir });
    assert.deepEqual(JSON.parse(ig.stdout).map((f: { file: string }) => f.file), ['a.md', 'z.txt']);
  });

  test('--format json has the documented shape, lines and columns 1-based in code points', async () => {
    const r = await runCli(['--format', 'json', '-'], { stdin: '𝔸 Possessing child pornography.\n' });
    const [file] = JSON.parse(r.stdout);
    assert.deepEqual(file.findings[0], {
      ruleId: 'term/csam', recommendation: 'II-1', urgency: 'invite', severity: 'information',
      message: '“child pornography” is outdated wording: use “child sexual abuse material” (Recommendation II-1, Invite).',
      line: 1, column: 14, endLine: 1, endColumn: 31, quoted: false,
      fix: { text: 'child sexual abuse material' },
      suggestions: ['child sexual abuse material', 'child sexual exploitation material'],
    });
  });

  test('--fix applies safe replacements in place, never inside quotations, and keeps the BOM and line endings', async () => {
    const text = '\ufeffSection 1\r\n(1) A person who possesses child pornography commits an offence.\r\n(2) For "child pornography" in the 1978 Act substitute "child sexual abuse material".\r\n';
    const dir = tempTree({ 'bill.txt': text });
    const r = await runCli(['--fix', '--format', 'json', '--fail-on', 'never', 'bill.txt'], { cwd: dir });
    assert.equal(r.code, 0);
    const after = readFileSync(path.join(dir, 'bill.txt'), 'utf8');
    assert.equal(after, text.replace('possesses child pornography', 'possesses child sexual abuse material'));
    const remaining = JSON.parse(r.stdout)[0].findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('term/'));
    assert.equal(remaining.length, 1, 'the quoted term remains, as information');
    assert.equal(remaining[0].quoted, true);
  });

  test('--fix-dry-run prints a diff and changes nothing', async () => {
    const dir = tempTree({ 'bill.txt': REPORTING });
    const r = await runCli(['--fix-dry-run', 'bill.txt'], { cwd: dir });
    assert.match(r.stdout, /^-\(1\) The Minister shall report on child pornography every year\.$/m);
    assert.match(r.stdout, /^\+\(1\) The Minister shall report on child sexual abuse material every year\.$/m);
    assert.equal(readFileSync(path.join(dir, 'bill.txt'), 'utf8'), REPORTING);
  });

  test('binary and oversized files are skipped with a message; invalid UTF-8 is read with a note', async () => {
    const dir = tempTree({
      'scan.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]),
      'big.txt': 'child pornography '.repeat(100),
      'latin1.txt': Buffer.concat([Buffer.from('Le code p'), Buffer.from([0xe9]), Buffer.from('nal : child pornography\n')]),
      '.lanzarote.json': '{ "maxFileSize": 1024 }',
    });
    const r = await runCli(['.'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^big\.txt {2}skipped: Not analysed: the file is 1\.8 KiB and the limit \(maxFileSize\) is 1\.0 KiB\.$/m);
    assert.match(r.stdout, /^scan\.txt {2}skipped: Not analysed: the file looks binary/m);
    assert.match(r.stdout, /^latin1\.txt {2}note: The file is not valid UTF-8/m);
    assert.match(r.stdout, /^latin1\.txt:1:17 {2}information/m);
  });

  test('messages in French with --lang fr or a French locale', async () => {
    const r = await runCli(['--lang', 'fr', '-'], { stdin: 'La détention de pédopornographie est punie.' });
    assert.match(r.stdout, /« pédopornographie » est une terminologie dépassée : employer « matériel d'abus sexuel d'enfants » \(Recommandation II-1, Invitation\)/);
    const env = await runCli(['-'], { stdin: 'child porn', env: { LANG: 'fr_FR.UTF-8' } });
    assert.match(env.stdout, /Recommandation II-1/);
  });

  test('the bundled CLI runs as a user would, on the bundled samples', () => {
    const r = spawnCli(['--fail-on', 'never', 'samples/']);
    assert.equal(r.code, 0, r.stderr);
    for (const family of ['term/csam', 'term/prostitution', 'term/tourism', 'term/sextortion', 'term/sexting']) {
      assert.ok(r.stdout.includes(family), `samples show ${family}`);
    }
    assert.match(r.stdout, /II-1 Invite/);
  });
});
