// Process helpers shared by the e2e installer, the orchestrator and the tests.
//
// Every child gets LANZAROTE_E2E_RUN=<id> in its environment and runs in its own process group
// (detached), so that a timeout or a failure can stop it *and everything it forked*; sweep() then
// finds any straggler by that variable (descendants inherit it) — only processes this run started,
// never anything matched by name.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export const RUN_ID = process.env.LANZAROTE_E2E_RUN ?? `${process.pid}-${Date.now().toString(36)}`;
process.env.LANZAROTE_E2E_RUN = RUN_ID;

const groups = new Set();
let shuttingDown = false;

/** Once the run is being aborted, stages still running in the background may start nothing new. */
export function assertRunning() {
  if (shuttingDown) throw new Error('the run is being stopped');
}

/**
 * An environment for a child: ours plus `extra`, without the variables that describe the outer
 * `npm run test:e2e` (npm_config_local_prefix, npm_package_json … point at the repository, and a
 * nested `npm install` must not take the repository for its project). npm settings given by the
 * user or CI (npm_config_registry, npm_config_cache …) are kept.
 */
export function childEnv(extra = {}) {
  const outerRun = /^(npm_package_|npm_lifecycle_|npm_command$|npm_execpath$|npm_node_execpath$|npm_config_local_prefix$|INIT_CWD$)/i;
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !outerRun.test(k)));
  return { ...env, ...extra, LANZAROTE_E2E_RUN: RUN_ID };
}

/** Spawn detached (own process group), remembered for stopAll(). */
export function start(cmd, args, options = {}) {
  assertRunning();
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, env: options.env ?? childEnv(), detached: true });
  groups.add(child.pid);
  child.once('exit', () => groups.delete(child.pid));
  return child;
}

/** Kill a process group (the child and all it forked), ignoring groups already gone. */
export function killGroup(pid, signal = 'SIGKILL') {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}

/** Wait for a child to exit, at most `ms`. Resolves true if it exited. */
export function exited(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    timer.unref();
    child.once('exit', () => { clearTimeout(timer); resolve(true); });
  });
}

/** Stop a child politely (SIGTERM to its group), then for good after `graceMs`. */
export async function stop(child, graceMs = 3000) {
  if (!child?.pid) return;
  killGroup(child.pid, 'SIGTERM');
  if (!(await exited(child, graceMs))) killGroup(child.pid, 'SIGKILL');
  groups.delete(child.pid);
}

/**
 * Processes of this run still alive: every process whose environment carries our run id,
 * except this node process itself.
 */
export function leftovers() {
  const needle = `LANZAROTE_E2E_RUN=${RUN_ID}\0`;
  const found = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${name}/environ`, 'latin1').includes(needle)) {
        const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'latin1').replace(/\0/g, ' ').trim();
        // Zombies have an empty command line and are reaped by their parent: not ours to kill.
        if (cmd) found.push({ pid: Number(name), cmd });
      }
    } catch { /* gone meanwhile, or not readable */ }
  }
  return found;
}

/**
 * Zombies (exited, not yet reaped) whose parent is now pid 1 and that started after this process:
 * Chromium's helper processes outlive the browser by a moment and are left for init to reap.
 * They run nothing, but `pgrep chromium` lists them until init gets to them.
 */
function orphanZombies() {
  const startOf = (stat) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  const mine = startOf(fs.readFileSync('/proc/self/stat', 'utf8'));
  const found = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' && ppid === '1' && startOf(stat) >= mine) found.push(Number(name));
    } catch { /* gone */ }
  }
  return found;
}

/** Give init a moment (at most `ms`) to reap the orphaned zombies of this run; only waits, kills nothing. */
export async function settleZombies(ms = 5000) {
  const deadline = Date.now() + ms;
  while (orphanZombies().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return orphanZombies().length;
}

/** For an abort: refuse new processes from now on, and stop every one there is. */
export function shutdown() {
  shuttingDown = true;
  return stopAll();
}

/** Stop every group we started, then anything that still carries our run id. Returns what was swept. */
export function stopAll() {
  for (const pid of groups) killGroup(pid);
  groups.clear();
  const swept = leftovers();
  for (const p of swept) { try { process.kill(p.pid, 'SIGKILL'); } catch { /* gone */ } }
  return swept;
}

/**
 * Run a command to completion with a hard timeout. Output goes to `logFile` (if given) and is
 * kept in memory; on failure the error message carries its last lines, so CI logs say why.
 */
export function run(cmd, args, { timeoutMs, label = cmd, logFile, echo = false, ...options }) {
  return new Promise((resolve, reject) => {
    const child = start(cmd, args, options);
    const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
    let out = '';
    const onData = (d) => {
      out += d;
      if (out.length > 1e6) out = out.slice(-5e5);
      log?.write(d);
      if (echo) process.stdout.write(d);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => {
      killGroup(child.pid);
      reject(new Error(`${label}: timed out after ${Math.round(timeoutMs / 1000)} s${logFile ? ` (log: ${logFile})` : ''}\n${tail(out)}`));
    }, timeoutMs);
    timer.unref();
    child.once('error', (e) => { clearTimeout(timer); log?.end(); reject(new Error(`${label}: ${e.message}`)); });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      log?.end();
      if (code === 0) resolve(out);
      else reject(new Error(`${label}: exit ${code ?? signal}${logFile ? ` (log: ${logFile})` : ''}\n${tail(out)}`));
    });
  });
}

export function tail(text, lines = 25) {
  return text.trimEnd().split('\n').slice(-lines).map((l) => `    | ${l}`).join('\n');
}

/** Poll `probe` until it returns something other than undefined/false, or throw after `timeoutMs`. */
export async function poll(probe, timeoutMs, what, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Reject with `message` if `promise` has not settled within `ms`. The timer is cleared as soon as
 * the race is decided, so it never keeps node alive after the work is done.
 */
export function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); }),
  ]).finally(() => clearTimeout(timer));
}
