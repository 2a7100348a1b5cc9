/**
 * The extension-host suite: its runner either passes in a real VS Code or says why it skipped
 * (here: VS Code cannot be downloaded), and its bundle loads mocha and runs in any host.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import Module from 'node:module';
import * as path from 'node:path';
import { describe, test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');

describe('extension-host tests', () => {
  test('npm run test:extension-host reports "passed" or "skipped: <reason>", quickly', () => {
    const started = Date.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/extension-host/run.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 10 * 60 * 1000,
      env: { ...process.env, LANZAROTE_DOWNLOAD_TIMEOUT_MS: '8000', LANZAROTE_SKIP_BUILD: '1' },
    });
    const last = run.stdout.trim().split('\n').at(-1) ?? '';
    assert.match(last, /^extension-host: (passed|skipped: .+)$/, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
    assert.equal(run.status, 0);
    if (last.includes('skipped')) assert.ok(Date.now() - started < 60000, 'a skip takes seconds, not minutes');
  });

  test('the bundle loads mocha at run time and run() settles (here with a stand-in vscode API)', async () => {
    // A minimal stand-in: no workspace folder, so the suite must fail cleanly, not hang or crash.
    const fake = { workspace: { workspaceFolders: undefined }, window: {}, commands: {}, languages: {}, extensions: {} };
    const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
    (Module as unknown as { _load: typeof load })._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? fake : load(request, ...rest));
    // Mocha's reporter keeps a reference to console.log from when it loads: quiet it first.
    const log = console.log;
    console.log = () => {};
    try {
      const bundle = path.join(ROOT, 'dist/test/extension-host.js');
      const { run } = require(bundle) as { run: () => Promise<void> };
      assert.equal(typeof run, 'function');
      await assert.rejects(run(), /extension-host test\(s\) failed/);
    } finally {
      console.log = log;
      (Module as unknown as { _load: typeof load })._load = load;
    }
  });
});
