#!/usr/bin/env node
// Idempotent installer for the real-editor tests: Debian packages (as root, through apt),
// code-server 4.100.3 in a cache folder outside node_modules, and a check that the pinned
// playwright-core is there. Installs what is missing, reuses what is present, prints what it
// does, and fails with a message (never hangs: every step has a timeout).
//
//   node scripts/e2e/install.mjs          (also called by scripts/e2e/run.mjs)
//
// Env: LANZAROTE_E2E_CACHE  cache folder (default /opt/lanzarote-e2e as root, else ~/.cache/lanzarote-e2e)
//
// code-server is pinned to 4.100.3 (VS Code 1.100.3): the extension-host tests use the workbench
// URL `payload` (extensionTestsPath), which later builds ignore, and it is the last to run on Node 20.
//
// Why code-server needs care offline (see shared/research/e2e-feasibility.md, section 1):
//   kerberos falls back to node-gyp → libkrb5-dev; its postinstall refuses root without
//   npm_config_unsafe_perm; @vscode/ripgrep downloads rg from GitHub unless its cache (under
//   TMPDIR) is seeded — we seed it with Debian's rg; node-pty runs `npx node-gyp`, which aborts
//   without a TTY unless npm_config_yes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childEnv, run, poll } from './proc.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** Debian packages: the browser, the second LSP client, and what code-server's native modules build with. */
export const APT_PACKAGES = [
  'chromium', 'neovim', 'ripgrep',
  'build-essential', 'pkg-config', 'python3', 'libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'libx11-dev',
  'fonts-liberation', 'fonts-dejavu-core',
];

const TIMEOUT = {
  dpkgQuery: 30_000,
  aptUpdate: 240_000,
  aptInstall: 480_000,
  npmInstall: 480_000, // 1.5 min measured on 2 cores with a cold npm cache
  version: 60_000,
  lock: 600_000,
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const isRoot = process.getuid?.() === 0;

export function cacheDir() {
  return process.env.LANZAROTE_E2E_CACHE || (isRoot ? '/opt/lanzarote-e2e' : path.join(os.homedir(), '.cache/lanzarote-e2e'));
}

const say = (msg) => console.log(`[install] ${msg}`);
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** Debian packages from APT_PACKAGES that are not installed. */
function missingPackages() {
  // dpkg-query exits 1 when some package is unknown to dpkg; its output still lists the known ones.
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...APT_PACKAGES], { encoding: 'utf8', timeout: TIMEOUT.dpkgQuery });
  if (r.error) throw new Error(`dpkg-query: ${r.error.message} (is this Debian?)`);
  const installed = new Set(r.stdout.split('\n').filter((l) => / installed$/.test(l)).map((l) => l.split(' ')[0]));
  return APT_PACKAGES.filter((p) => !installed.has(p));
}

async function ensureAptPackages(logDir) {
  const missing = missingPackages();
  if (missing.length === 0) return say('Debian packages: all present');
  if (!isRoot) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}\n  Not root, so they cannot be installed here. Run:\n  sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
  }
  const t0 = Date.now();
  const logFile = path.join(logDir, 'apt.log');
  const env = childEnv({ DEBIAN_FRONTEND: 'noninteractive' });
  // Wait for a concurrent apt/dpkg rather than failing at once, but not forever.
  const lock = ['-o', 'DPkg::Lock::Timeout=120'];
  say(`apt-get update (missing: ${missing.join(' ')})`);
  await run('apt-get', [...lock, 'update', '-qq'], { timeoutMs: TIMEOUT.aptUpdate, label: 'apt-get update', logFile, env });
  say('apt-get install');
  await run('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', ...missing], {
    timeoutMs: TIMEOUT.aptInstall, label: `apt-get install ${missing.join(' ')}`, logFile, env,
  });
  const still = missingPackages();
  if (still.length) throw new Error(`apt-get install finished but these are still missing: ${still.join(' ')} (log: ${logFile})`);
  say(`Debian packages installed in ${seconds(t0)}`);
}

/** One installer at a time per cache folder (two concurrent e2e runs would trample each other). */
async function withLock(dir, fn) {
  const lock = path.join(dir, '.lock');
  const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
  const holder = () => { try { return Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8')); } catch { return 0; } };
  let announced = false;
  await poll(() => {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      return true;
    } catch {
      const pid = holder();
      // No pid yet (the holder is between mkdir and write) counts as alive for one more round.
      if (pid && !alive(pid)) fs.rmSync(lock, { recursive: true, force: true }); // stale: its owner died
      else if (!announced) { announced = true; say(`waiting for another installer (pid ${pid || '?'}) holding ${lock}`); }
      return false;
    }
  }, TIMEOUT.lock, `the install lock ${lock}`, 2000);
  try { return await fn(); } finally { fs.rmSync(lock, { recursive: true, force: true }); }
}

/** Paths inside the code-server install folder. */
export function codeServerPaths(cache = cacheDir()) {
  const dir = path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
  return {
    dir,
    bin: path.join(dir, 'node_modules/.bin/code-server'),
    pkg: path.join(dir, 'node_modules/code-server/package.json'),
    marker: path.join(dir, '.installed'),
  };
}

function codeServerReady(p) {
  try {
    return fs.readFileSync(p.marker, 'utf8').trim() === CODE_SERVER_VERSION
      && JSON.parse(fs.readFileSync(p.pkg, 'utf8')).version === CODE_SERVER_VERSION
      && fs.existsSync(p.bin);
  } catch {
    return false;
  }
}

async function ensureCodeServer(cache) {
  const p = codeServerPaths(cache);
  if (codeServerReady(p)) return say(`code-server ${CODE_SERVER_VERSION}: present in ${p.dir}`), p.bin;
  return withLock(cache, async () => {
    if (codeServerReady(p)) return p.bin; // another run installed it while we waited
    const t0 = Date.now();
    say(`code-server ${CODE_SERVER_VERSION}: installing into ${p.dir} (about 1.5 min on 2 cores)`);
    // A half-finished install (no marker) is thrown away rather than patched.
    fs.rmSync(p.dir, { recursive: true, force: true });
    const tmp = path.join(p.dir, 'tmp');
    fs.mkdirSync(tmp, { recursive: true });
    seedRipgrepCache(path.join(tmp, RIPGREP_CACHE));
    fs.writeFileSync(path.join(p.dir, 'package.json'), JSON.stringify({ name: 'lanzarote-e2e-code-server', private: true }) + '\n');
    const logFile = path.join(cache, 'code-server-install.log');
    fs.rmSync(logFile, { force: true });
    await run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', p.dir, `code-server@${CODE_SERVER_VERSION}`], {
      cwd: p.dir,
      timeoutMs: TIMEOUT.npmInstall,
      label: `npm install code-server@${CODE_SERVER_VERSION}`,
      logFile,
      env: childEnv({ TMPDIR: tmp, npm_config_yes: 'true', npm_config_unsafe_perm: 'true', npm_config_update_notifier: 'false' }),
    });
    const version = await codeServerVersion(p.bin, p.dir);
    if (!version.startsWith(CODE_SERVER_VERSION)) throw new Error(`code-server --version printed "${version}", expected ${CODE_SERVER_VERSION}`);
    fs.writeFileSync(p.marker, CODE_SERVER_VERSION + '\n');
    say(`code-server ${version.split(' ')[0]} installed in ${seconds(t0)}`);
    return p.bin;
  });
}

/** @vscode/ripgrep's postinstall takes rg from this cache instead of GitHub: give it Debian's rg. */
function seedRipgrepCache(dir) {
  const rg = '/usr/bin/rg';
  if (!fs.existsSync(rg)) throw new Error(`${rg} not found (Debian package ripgrep): code-server's @vscode/ripgrep cannot be installed offline without it`);
  const stage = path.join(dir, 'stage');
  fs.mkdirSync(stage, { recursive: true });
  fs.copyFileSync(rg, path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  return run('tar', ['czf', path.join(dir, RIPGREP_ASSET), '-C', stage, 'rg'], { timeoutMs: 30_000, label: 'tar (ripgrep cache)' });
}

async function codeServerVersion(bin, dir) {
  // Even --version writes config.yaml and logs under XDG dirs: keep them inside the install folder.
  const xdg = path.join(dir, 'xdg');
  const out = await run(bin, ['--version'], {
    timeoutMs: TIMEOUT.version,
    label: 'code-server --version',
    env: childEnv({ HOME: xdg, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg }),
  });
  return out.trim().split('\n').at(-1);
}

/** playwright-core is a pinned devDependency (no browser download: it drives Debian's Chromium). */
function checkPlaywright() {
  const pinned = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies?.['playwright-core'];
  if (!pinned) throw new Error('playwright-core is not among the devDependencies in package.json');
  const require = createRequire(path.join(ROOT, 'package.json'));
  let version;
  try {
    version = require('playwright-core/package.json').version;
  } catch {
    throw new Error(`playwright-core is not installed in ${ROOT}/node_modules: run npm ci`);
  }
  if (version !== pinned) throw new Error(`playwright-core ${version} is installed, package.json pins ${pinned}: run npm ci`);
  say(`playwright-core ${version}: present`);
}

function executable(name, candidates) {
  const found = candidates.find((c) => { try { fs.accessSync(c, fs.constants.X_OK); return true; } catch { return false; } });
  if (!found) throw new Error(`${name} not found (looked at ${candidates.join(', ')})`);
  return found;
}

/** Install what is missing; returns the paths the tests need. */
export async function install() {
  const t0 = Date.now();
  const cache = cacheDir();
  fs.mkdirSync(cache, { recursive: true });
  checkPlaywright();
  await ensureAptPackages(cache);
  const codeServer = await ensureCodeServer(cache);
  const tools = {
    cache,
    codeServer,
    chromium: executable('chromium', ['/usr/bin/chromium']),
    nvim: executable('nvim', ['/usr/bin/nvim']),
  };
  say(`ready in ${seconds(t0)}`);
  return tools;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  install().then(
    (tools) => console.log(JSON.stringify(tools, null, 2)),
    (e) => { console.error(`[install] FAILED: ${e.message}`); process.exit(1); },
  );
}
