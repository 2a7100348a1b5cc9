#!/usr/bin/env node
// npm run test:e2e — the real-editor tests, in order, fastest first:
//   install (apt, code-server; reused when present) → build the .vsix → Neovim over --stdio →
//   the extension-host mocha suite inside code-server → the UI walk-through in code-server.
// Prints one line per check and closes with "N passed, N failed"; exits 1 on any failure.
// Every process it starts is stopped at the end, also on failure, timeout or Ctrl+C.
//
// Env: LANZAROTE_E2E_CACHE (install folder, see install.mjs),
//      LANZAROTE_E2E_TIMEOUT_MS (whole run, default 15 min: a last resort, each step has its own),
//      LANZAROTE_E2E_DOCS_IMAGES=1 (refresh the README's pictures in docs/images/),
//      LANZAROTE_E2E_KEEP=1 (keep the temporary workspaces and code-server logs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { install } from './install.mjs';
import { leftovers, poll, run, settleZombies, shutdown, stopAll, withTimeout } from './proc.mjs';
import { runNeovim } from '../../test/e2e/nvim/run.mjs';
import { runExtensionHost } from '../../test/e2e/extension-host.mjs';
import { runUi } from '../../test/e2e/ui.mjs';
import { RESULTS_DIR, Results, removeTempDirs } from '../../test/e2e/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VSIX = path.join(ROOT, 'lanzarote-drafting-assistant.vsix');
const TOTAL_TIMEOUT_MS = Number(process.env.LANZAROTE_E2E_TIMEOUT_MS ?? 15 * 60_000);
// Per stage, well above what each takes on 2 cores (install ~2 min cold, the rest under a minute each).
const STAGE_TIMEOUT_MS = { install: 12 * 60_000, build: 3 * 60_000, neovim: 90_000, 'extension-host': 4 * 60_000, ui: 6 * 60_000 };

const started = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const all = [];
const timings = [];
let finished = false;

function banner(name) {
  console.log(`\n── ${name} ${'─'.repeat(Math.max(0, 60 - name.length))}`);
}

/** Run one stage under its own timeout; a stage that throws or times out counts as one failure. */
async function stage(name, fn) {
  banner(name);
  const t0 = Date.now();
  let results;
  try {
    results = await withTimeout(Promise.resolve().then(fn), STAGE_TIMEOUT_MS[name], `${name}: no result within ${secs(STAGE_TIMEOUT_MS[name])}`);
  } catch (e) {
    results = new Results(name);
    results.fail('stage completes', e);
    stopAll(); // whatever the stage left running
  }
  timings.push([name, Date.now() - t0]);
  all.push(...results.items.map((i) => ({ stage: results.stage, ...i })));
  return results;
}

/** A stage that is a single step (install, build): pass with a detail, or fail. */
function single(stageName, checkName, fn) {
  return async () => {
    const r = new Results(stageName);
    await r.check(checkName, fn);
    return r;
  };
}

async function buildVsix() {
  const log = path.join(RESULTS_DIR, 'package.log');
  fs.rmSync(log, { force: true });
  const before = Date.now();
  await run('npm', ['run', 'package'], { cwd: ROOT, timeoutMs: STAGE_TIMEOUT_MS.build - 10_000, label: 'npm run package', logFile: log });
  const stat = fs.statSync(VSIX);
  if (stat.mtimeMs < before - 2000) throw new Error(`${VSIX} was not rewritten by npm run package`);
  return `${path.basename(VSIX)}, ${Math.round(stat.size / 1024)} KB (log: ${path.relative(ROOT, log)})`;
}

/** After everything is stopped, nothing started by this run may still be running. */
async function cleanup() {
  const swept = stopAll();
  const r = new Results('cleanup');
  await r.check('no process left running', async () => {
    const left = await poll(() => (leftovers().length === 0 ? true : (stopAll(), undefined)), 10_000, 'the processes of this run to exit')
      .then(() => [], () => leftovers());
    if (left.length) throw new Error(left.map((p) => `pid ${p.pid}: ${p.cmd.slice(0, 120)}`).join('\n'));
    await settleZombies();
    return swept.length ? `swept ${swept.length} straggler(s): ${swept.map((p) => p.cmd.split(' ')[0]).join(', ')}` : '';
  });
  all.push(...r.items.map((i) => ({ stage: 'cleanup', ...i })));
}

function summary() {
  const failed = all.filter((i) => !i.ok);
  banner('summary');
  for (const [name, ms] of timings) console.log(`  ${name.padEnd(16)} ${secs(ms)}`);
  console.log(`  ${'total'.padEnd(16)} ${secs(Date.now() - started)}`);
  if (failed.length) {
    console.log('\nFailed:');
    for (const f of failed) {
      const why = f.detail.split('\n').slice(0, 3).map((l) => `      ${l.length > 300 ? `${l.slice(0, 300)}…` : l}`).join('\n');
      console.log(`  ✘ ${f.stage}: ${f.name}\n${why}`);
    }
    console.log(`\nScreenshots and logs: ${path.relative(ROOT, RESULTS_DIR)}/`);
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, 'summary.json'), JSON.stringify({ timings: Object.fromEntries(timings), results: all }, null, 2));
  console.log(`\n${all.length - failed.length} passed, ${failed.length} failed`);
  return failed.length ? 1 : 0;
}

async function main() {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  let tools;
  const installed = await stage('install', single('install', 'Debian packages, code-server and playwright-core in place', async () => {
    tools = await install();
    return `cache ${tools.cache}`;
  }));
  if (installed.failed) {
    console.log('\nThe rest needs the installs: not run.');
  } else {
    const built = await stage('build', single('build', '.vsix built by npm run package', buildVsix));
    await stage('neovim', () => runNeovim(tools));
    await stage('extension-host', () => runExtensionHost(tools));
    if (built.failed) console.log('\nNo .vsix: the UI test is not run.');
    else await stage('ui', () => runUi({ ...tools, vsix: VSIX }));
  }
  await cleanup();
  return summary();
}

/** Stop everything and leave with a failure: on Ctrl+C, SIGTERM or the overall timeout. */
async function abort(why, code) {
  if (finished) return;
  finished = true;
  console.log(`\n[e2e] ${why}: stopping every process of this run`);
  shutdown();
  all.push({ stage: 'e2e', name: 'finish', ok: false, detail: why });
  // The stages' finally blocks will not run: remove their folders here, once nothing uses them.
  await poll(() => leftovers().length === 0 || (stopAll(), false), 5000, 'the processes to exit').catch(() => {});
  removeTempDirs();
  await settleZombies(3000);
  process.exit(Math.max(code, summary()));
}

process.on('SIGINT', () => void abort('interrupted', 130));
process.on('SIGTERM', () => void abort('terminated', 143));
// A stage that timed out keeps running in the background until its processes are gone; its
// late rejections are expected and must not crash the run.
process.on('unhandledRejection', (e) => console.log(`[e2e] (late) ${String(e?.message ?? e).split('\n')[0]}`));
// Not unref'd: main() always ends in process.exit, and this must fire even if a stage hangs.
setTimeout(() => void abort(`the whole run took over ${secs(TOTAL_TIMEOUT_MS)}`, 1), TOTAL_TIMEOUT_MS);
// If the event loop ever empties before main() settles, that is a bug: fail rather than exit 0.
process.on('beforeExit', () => void abort('the run stopped before it finished', 1));

main().then(
  (code) => { finished = true; process.exit(code); },
  (e) => void abort(`unexpected error: ${e?.stack ?? e}`, 1),
);
