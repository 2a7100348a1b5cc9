/**
 * The only time the tool writes a draft is `lanzarote-lint --fix`: the drafter's only copy of a
 * bill must come out either fixed or untouched, never half-written; nothing else is written.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli, tempTree } from '../helpers/cli';

const BILL = 'Section 160A — Possession of child pornography\r\n(1) A person who possesses child pornography commits an offence.\r\n(2) For "child pornography" substitute "child sexual abuse material".\r\n';
const FIXED = BILL.replace('Possession of child pornography', 'Possession of child sexual abuse material').replace('possesses child pornography', 'possesses child sexual abuse material');
const CLEAN = 'Section 1. A person who possesses child sexual abuse material commits an offence.\n';

function state(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = lstatSync(p);
    out[name] = st.isSymbolicLink() ? `link → ${readlinkSync(p)}` : st.isDirectory() ? 'dir' : `${createHash('sha256').update(readFileSync(p)).digest('hex').slice(0, 16)} ${(st.mode & 0o777).toString(8)} ${st.mtimeMs}`;
  }
  return out;
}

test('--fix replaces the text of the draft and nothing else: permissions kept, a link stays a link, no temporary file left', async () => {
  const dir = tempTree({ 'real/bill.txt': BILL, 'clean.txt': CLEAN, 'notes.md': '# Notes\n' });
  try {
    chmodSync(path.join(dir, 'real', 'bill.txt'), 0o640);
    symlinkSync(path.join('real', 'bill.txt'), path.join(dir, 'linked.txt'));
    const before = state(dir);
    const r = await runCli(['--fix', '--fail-on', 'never', 'linked.txt', 'clean.txt', 'notes.md'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(path.join(dir, 'real', 'bill.txt'), 'utf8'), FIXED, 'the quotation kept, CRLF kept');
    assert.ok(lstatSync(path.join(dir, 'linked.txt')).isSymbolicLink(), 'still a symbolic link');
    assert.equal(statSync(path.join(dir, 'real', 'bill.txt')).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(path.join(dir, 'real')), ['bill.txt'], 'no temporary file left');
    // Files without a fix, and everything else, are exactly as they were.
    const after = state(dir);
    for (const name of ['clean.txt', 'notes.md', 'linked.txt']) assert.equal(after[name], before[name], name);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a write that fails half-way leaves the draft exactly as it was', async () => {
  const dir = tempTree({ 'bill.txt': BILL });
  try {
    // The temporary file's place is taken (as by a full disk or a permission problem): the write fails.
    mkdirSync(path.join(dir, `.bill.txt.lanzarote-${process.pid}.tmp`));
    const before = readFileSync(path.join(dir, 'bill.txt'));
    const r = await runCli(['--fix', 'bill.txt'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /lanzarote-lint: cannot read .*\.bill\.txt\.lanzarote-\d+\.tmp: EEXIST/);
    assert.deepEqual(readFileSync(path.join(dir, 'bill.txt')), before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--fix-dry-run and every other mode write nothing', async () => {
  const dir = tempTree({ 'bill.txt': BILL, 'model.md': `> "child pornography"\n\n${BILL}` });
  try {
    const before = state(dir);
    for (const args of [['--fix-dry-run', '.'], ['--format', 'json', '.'], ['--format', 'sarif', '.'], ['report', 'bill.txt'], ['-'] ]) {
      const r = await runCli(args, { cwd: dir, stdin: BILL });
      assert.ok(r.code === 0 || r.code === 1, `${args.join(' ')}: ${r.stderr}`);
    }
    assert.deepEqual(state(dir), before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
