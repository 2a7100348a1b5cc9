#!/usr/bin/env node
// Runs lsp-e2e.lua in headless Neovim against the bundled server (node dist/server.js --stdio),
// on a copy of a sample draft. Each "ok"/"not ok" line the Lua prints is one check.
//
//   node test/e2e/nvim/run.mjs     (needs dist/server.js: npm run build; and nvim: scripts/e2e/install.mjs)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../../scripts/e2e/proc.mjs';
import { ROOT, Results, SAMPLES_DIR, isolatedEnv, log, removeDir, tempDir } from '../harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE = 'sexual-offences-children-bill.txt';

export async function runNeovim({ nvim = '/usr/bin/nvim' } = {}) {
  const results = new Results('neovim');
  const dir = tempDir('nvim');
  try {
    const draft = path.join(dir, SAMPLE);
    fs.copyFileSync(path.join(SAMPLES_DIR, SAMPLE), draft);
    const server = path.join(ROOT, 'dist/server.js');
    if (!fs.existsSync(server)) throw new Error(`${server} is missing: build first (npm run build)`);
    const version = (await run(nvim, ['--version'], { timeoutMs: 15_000, label: 'nvim --version' })).split('\n')[0];
    log('neovim', `${version}; ${path.relative(ROOT, server)} --stdio on a copy of samples/${SAMPLE}`);
    let output;
    try {
      // -n: no swap file; --clean: no user config or plugins; HOME/XDG: lsp.log stays in the temp dir.
      output = await run(nvim, ['--headless', '--clean', '-n', '-c', `luafile ${path.join(HERE, 'lsp-e2e.lua')}`, draft], {
        cwd: dir,
        timeoutMs: 60_000,
        label: 'nvim --headless',
        env: isolatedEnv(dir, { LSP_SERVER: server }),
      });
    } catch (e) {
      output = e.message; // the checks it printed before failing are still in the output
    }
    const lines = output.split('\n').map((l) => l.replace(/^\s*\| /, ''));
    for (const l of lines) {
      const m = /^(ok|not ok) ([^:]+): (.*)$/.exec(l);
      if (m) m[1] === 'ok' ? results.pass(m[2], m[3]) : results.fail(m[2], m[3]);
    }
    if (!lines.includes('done')) results.fail('run to the end', output.slice(-1500));
    else if (results.items.length === 0) results.fail('any check', 'the Lua script printed no check');
  } catch (e) {
    results.fail('setup', e);
  } finally {
    removeDir(dir);
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await runNeovim();
  console.log(`${r.items.length - r.failed} passed, ${r.failed} failed`);
  process.exitCode = r.failed ? 1 : 0;
}
