// Shared pieces of the real-editor tests: throwaway folders, code-server, headless Chromium,
// and a small result recorder. Used by ui.mjs, extension-host.mjs and nvim/run.mjs.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertRunning, childEnv, exited, run, start, stop, withTimeout } from '../../scripts/e2e/proc.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS_DIR = path.join(ROOT, 'test-results/e2e');
export const SAMPLES_DIR = path.join(ROOT, 'samples');

const t0 = Date.now();
export const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
export const log = (scope, msg) => console.log(`[${elapsed()}] ${scope}: ${msg}`);

const tempDirs = new Set();

/** A fresh temporary folder; the caller removes it (removeDir) when done. */
export function tempDir(name) {
  assertRunning();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lanzarote-e2e-${name}-`));
  tempDirs.add(dir);
  return dir;
}

/** Remove every temporary folder still there (after an abort, the stages' own clean-up never ran). */
export function removeTempDirs() {
  for (const dir of tempDirs) removeDir(dir);
}

/** Remove a temporary folder; LANZAROTE_E2E_KEEP=1 keeps it (code-server and extension host logs) for a post-mortem. */
export function removeDir(dir) {
  if (process.env.LANZAROTE_E2E_KEEP === '1') return console.log(`      (kept ${dir})`);
  tempDirs.delete(dir);
  try { fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 }); } catch { /* best effort */ }
}

/**
 * HOME and XDG folders inside `dir`: code-server writes config.yaml, logs and a device id,
 * Chromium its profile and dconf cache, Neovim its log and swap files — none of it in the real home.
 */
export function isolatedEnv(dir, extra = {}) {
  const env = {
    HOME: path.join(dir, 'home'),
    XDG_CONFIG_HOME: path.join(dir, 'xdg/config'),
    XDG_DATA_HOME: path.join(dir, 'xdg/data'),
    XDG_CACHE_HOME: path.join(dir, 'xdg/cache'),
    XDG_STATE_HOME: path.join(dir, 'xdg/state'),
  };
  for (const d of Object.values(env)) fs.mkdirSync(d, { recursive: true });
  return childEnv({ ...env, ...extra });
}

/** Copy the sample drafts (and any extra files) into a new workspace folder; the repo is never touched. */
export function makeWorkspace(dir, { samples = true, rename = {}, files = {} } = {}) {
  const ws = path.join(dir, 'workspace');
  fs.mkdirSync(ws, { recursive: true });
  if (samples) fs.cpSync(SAMPLES_DIR, ws, { recursive: true });
  for (const [from, to] of Object.entries(rename)) fs.renameSync(path.join(ws, from), path.join(ws, to));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(ws, name), text);
  return ws;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** User settings for a quiet, deterministic workbench (no welcome page, tips, trust prompt, updates). */
export const QUIET_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'files.autoSave': 'off',
  'editor.cursorBlinking': 'solid',
  'editor.minimap.enabled': false,
  'git.enabled': false,
};

/**
 * Start code-server on 127.0.0.1 with --auth none and throwaway user-data, extensions and
 * HOME/XDG folders under `dir`. Optionally installs a .vsix first. Resolves once it listens.
 */
export async function startCodeServer({ codeServer, dir, settings = {}, vsix, scope = 'code-server' }) {
  const userData = path.join(dir, 'user-data');
  const extensions = path.join(dir, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  const env = isolatedEnv(dir);
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
  // The log outlives the temporary folder, for a look after a failure.
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const logFile = path.join(RESULTS_DIR, `${scope}-code-server.log`);
  fs.rmSync(logFile, { force: true });

  if (vsix) {
    await run(codeServer, [...common, '--install-extension', vsix], { timeoutMs: 90_000, label: 'code-server --install-extension', env, logFile });
    log(scope, `installed ${path.basename(vsix)}`);
  }

  // The free port is found first, then bound by code-server: another process may take it in
  // between, so a failed start is tried again on a new port.
  let port;
  let child;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    child = start(codeServer, [
      ...common,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--disable-proxy',
    ], { env });
    try {
      await listening(child, logFile);
      break;
    } catch (e) {
      await stop(child);
      if (attempt === 2) throw e;
      log(scope, `${e.message.split('\n')[0]}; trying again`);
    }
  }
  log(scope, `code-server listening on 127.0.0.1:${port} (pid ${child.pid})`);
  return {
    port,
    authority: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/`,
    logFile,
    env,
    stop: async () => { await stop(child); await exited(child, 2000); },
  };
}

/** Resolves when code-server says it listens; rejects if it exits first or takes over 60 s. */
function listening(child, logFile) {
  const out = fs.createWriteStream(logFile, { flags: 'a' });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const ready = new Promise((resolve, reject) => {
    let seen = '';
    const onData = (d) => {
      seen += d;
      if (/HTTP server listening/.test(seen)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`code-server exited (${code}) before listening (log: ${logFile})\n${seen.slice(-2000)}`)));
  });
  return withTimeout(ready, 60_000, `code-server did not listen within 60 s (log: ${logFile})`);
}

/** Headless Debian Chromium through playwright-core (no browser download). */
export async function launchBrowser({ chromium: executablePath, env }) {
  const { chromium } = await import('playwright-core');
  assertRunning();
  return chromium.launch({
    executablePath,
    headless: true,
    env,
    timeout: 60_000,
    // Playwright would otherwise answer Ctrl+C by closing the browser and exiting at once (130),
    // before the orchestrator has stopped code-server and printed its summary. It does that itself.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--password-store=basic'],
  });
}

/** Pass/fail bookkeeping for one stage; each check prints one line as it finishes. */
export class Results {
  constructor(stage) {
    this.stage = stage;
    this.items = [];
  }

  pass(name, detail = '') {
    this.items.push({ name, ok: true, detail });
    console.log(`  ✔ [${elapsed()}] ${this.stage}: ${name}${detail ? ` — ${detail}` : ''}`);
  }

  fail(name, error) {
    // Playwright appends a long, coloured call log to its timeouts: keep its first lines only.
    const message = (error instanceof Error ? error.message : String(error))
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n').filter((l) => l.trim()).slice(0, 12).join('\n');
    this.items.push({ name, ok: false, detail: message });
    console.log(`  ✘ [${elapsed()}] ${this.stage}: ${name}\n${message.split('\n').map((l) => `      ${l}`).join('\n')}`);
  }

  /** Run one check; a failure is recorded, not thrown, so later independent checks still run. */
  async check(name, fn) {
    try {
      const detail = await fn();
      this.pass(name, typeof detail === 'string' ? detail : '');
      return true;
    } catch (e) {
      this.fail(name, e);
      return false;
    }
  }

  get failed() {
    return this.items.filter((i) => !i.ok).length;
  }
}
