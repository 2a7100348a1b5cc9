import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { CLI, ROOT, tempTree } from '../helpers/cli';

/**
 * Issue 6, item 4: many drafts are linted in worker threads, and the output is exactly what
 * linting them one by one in the main thread gives, in the same order, whatever thread finishes
 * first. LANZAROTE_WORKERS sets the number of threads, the main one included (1: no worker).
 */
function lint(args: string[], cwd: string, workers: number) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: '1', LANG: 'C', LANZAROTE_WORKERS: String(workers) },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('linting a folder on several threads', () => {
  // The samples in every format, a long bill and a short one repeated: threads finish out of order.
  const bill = readFileSync(path.join(ROOT, 'samples', 'sexual-offences-children-bill.txt'), 'utf8');
  const dir = tempTree({ 'long/bill.txt': bill.repeat(40), 'short/a.txt': bill.slice(0, 2000), 'short/b.md': `# Bill\n\n> "child pornography"\n\n${bill.slice(0, 3000)}` });
  for (const name of readdirSync(path.join(ROOT, 'samples'))) copyFileSync(path.join(ROOT, 'samples', name), path.join(dir, name));
  writeFileSync(path.join(dir, 'empty.txt'), '');

  for (const format of ['json', 'sarif', 'stylish']) {
    test(`${format}: the same output, exit code and messages with 1, 2 and 3 threads`, () => {
      const one = lint(['--format', format, '.'], dir, 1);
      assert.equal(one.code, 1);
      assert.ok(one.stdout.length > 1000);
      for (const workers of [2, 3]) assert.deepEqual(lint(['--format', format, '.'], dir, workers), one, `${workers} threads`);
    });
  }

  test('no progress is written when standard error is not a terminal', () => {
    assert.equal(lint(['--format', 'json', '--fail-on', 'never', '.'], dir, 2).stderr, '');
  });
});
