// npm run bench: the benchmark of issue 6. Generates deterministic drafts, measures the CLI and
// its peer (textlint + textlint-rule-prh, same terms) side by side, the language server over
// stdio, the extension's activation and bundle size, and writes bench/results.md.
//   BENCH_RUNS=5 (runs per CLI measurement), BENCH_EDITS=200, BENCH_QUICK=1 (1 MiB only, few runs)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { generate } from './generate';
import { editTimes, memoryOf, openTime, startServer } from './lsp';
import { prhYaml, textlintrc } from './prh';

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, 'bench', '.work');
const PEERS = path.join(ROOT, 'bench', 'peers');
const QUICK = !!process.env.BENCH_QUICK;
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 2 : 5));
const EDITS = Number(process.env.BENCH_EDITS ?? (QUICK ? 40 : 200));
/** Edits each waited for until its complete diagnostics (checklist included): each takes a full analysis. */
const COMPLETE_EDITS = Number(process.env.BENCH_COMPLETE_EDITS ?? (QUICK ? 10 : 40));
const MIB = 1024 * 1024;
const FOLDER_DRAFTS = QUICK ? 4 : 32;

function log(s: string): void {
  process.stderr.write(`bench: ${s}\n`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)];

// --- setup: the bundles, the peers, GNU time -----------------------------------------------------

function setup(): void {
  mkdirSync(WORK, { recursive: true });
  log('building the bundles (node esbuild.mjs)');
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(path.join(PEERS, 'node_modules', 'textlint', 'bin', 'textlint.js'))) {
    log('installing the peers (npm ci --prefix bench/peers)');
    execFileSync('npm', ['ci', '--prefix', PEERS, '--ignore-scripts', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  }
  if (!existsSync('/usr/bin/time')) {
    log('installing GNU time for peak memory (apt-get install time)');
    execFileSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq time'], { stdio: 'inherit' });
  }
}

// --- whole processes: wall time and peak RSS ----------------------------------------------------

interface ProcessRun {
  seconds: number;
  peakBytes: number;
}

/** Run a command under GNU time, output discarded; wall-clock seconds and peak resident memory. */
function timed(command: string[], env: Record<string, string> = {}): ProcessRun {
  const report = path.join(WORK, 'time.txt');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', report, ...command], { cwd: WORK, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command.join(' ')} exited with ${r.status}`);
  const [seconds, kb] = readFileSync(report, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  return { seconds, peakBytes: kb * 1024 };
}

const ours = (file: string) => [process.execPath, path.join(ROOT, 'dist', 'cli.js'), '--format', 'json', '--fail-on', 'never', file];
const textlint = (file: string) => [process.execPath, path.join(PEERS, 'node_modules', 'textlint', 'bin', 'textlint.js'), '--config', path.join(WORK, '.textlintrc.json'), '--format', 'json', file];

interface CliResult {
  bytes: number;
  ours: ProcessRun[];
  peer: ProcessRun[];
  oursFindings: number;
  peerFindings: number;
}

function measureCli(file: string): CliResult {
  const result: CliResult = { bytes: statSync(file).size, ours: [], peer: [], oursFindings: 0, peerFindings: 0 };
  // One warm-up each (file cache), then alternate so both see the same machine.
  timed(ours(file));
  timed(textlint(file));
  for (let i = 0; i < RUNS; i++) {
    result.ours.push(timed(ours(file)));
    result.peer.push(timed(textlint(file)));
    log(`  ${path.basename(file)} run ${i + 1}: ours ${result.ours[i].seconds} s, textlint ${result.peer[i].seconds} s`);
  }
  // What each found, as a sanity check that both did the work.
  const o = JSON.parse(execFileSync(ours(file)[0], ours(file).slice(1), { maxBuffer: 1 << 30 }).toString()) as { findings: { ruleId: string }[] }[];
  result.oursFindings = o[0].findings.filter((f) => f.ruleId.startsWith('term/')).length;
  const t = spawnSync(textlint(file)[0], textlint(file).slice(1), { maxBuffer: 1 << 30 });
  result.peerFindings = (JSON.parse(t.stdout.toString()) as { messages: unknown[] }[])[0].messages.length;
  return result;
}

/** A folder of drafts linted in one thread and with one thread per core (worker threads). */
function measureFolder(folder: string): { oneThread: ProcessRun[]; threads: ProcessRun[] } {
  const r = { oneThread: [] as ProcessRun[], threads: [] as ProcessRun[] };
  const cores = String(os.availableParallelism());
  timed(ours(folder));
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    r.oneThread.push(timed(ours(folder), { LANZAROTE_WORKERS: '1' }));
    r.threads.push(timed(ours(folder), { LANZAROTE_WORKERS: cores }));
  }
  return r;
}

// --- the language server -------------------------------------------------------------------------

interface ServerResult {
  startMs: number[];
  openMs: number[];
  editMs: number[];
  completeMs: number[];
  bigOpenMs: number[];
  bigRss: number[];
  bigPeak: number[];
}

async function measureServer(script: string, small: string, big: string | undefined): Promise<ServerResult> {
  const r: ServerResult = { startMs: [], openMs: [], editMs: [], completeMs: [], bigOpenMs: [], bigRss: [], bigPeak: [] };
  const smallText = readFileSync(small, 'utf8');
  for (let i = 0; i < RUNS; i++) {
    const server = await startServer(script);
    r.startMs.push(server.startMs);
    const uri = `file://${small}`;
    r.openMs.push((await openTime(server, uri, smallText)).ms);
    if (i === 0) {
      log(`  ${EDITS} one-character edits on ${path.basename(small)}`);
      // A drafter starts typing once the draft has opened, not within milliseconds: the server
      // uses that moment to make the keystroke path ready (incremental.ts, prepare).
      await new Promise((resolve) => setTimeout(resolve, 1000));
      r.editMs = await editTimes(server, uri, smallText, EDITS);
      // An even number of edits puts the draft back as it was; the same edits again, each waited
      // for until the full analysis of its version is published.
      log(`  ${COMPLETE_EDITS} edits waited for until complete`);
      r.completeMs = await editTimes(server, uri, smallText, COMPLETE_EDITS, 7, 'complete', 1 + EDITS);
    }
    await server.stop();
  }
  if (big) {
    const bigText = readFileSync(big, 'utf8');
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      const server = await startServer(script);
      r.bigOpenMs.push((await openTime(server, `file://${big}`, bigText)).ms);
      const m = memoryOf(server.child.pid!);
      r.bigRss.push(m.rss);
      r.bigPeak.push(m.peak);
      await server.stop();
    }
  }
  return r;
}

// --- the extension -------------------------------------------------------------------------------

const BUNDLE_OPTIONS: esbuild.BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  external: ['vscode'],
  legalComments: 'none',
  alias: { 'jsonc-parser': path.join(ROOT, 'node_modules/jsonc-parser/lib/esm/main.js') },
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('url').pathToFileURL(__filename).href;" },
  logLevel: 'error',
};

/** The bundles as the .vsix ships them (minified), and vscode-languageclient bundled alone. */
async function buildBundles(): Promise<{ extension: number; languageClient: number; server: number }> {
  const dir = path.join(WORK, 'bundles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, 'language-client-only.js');
  writeFileSync(entry, "module.exports = require('vscode-languageclient/node');\n");
  await esbuild.build({ ...BUNDLE_OPTIONS, entryPoints: [path.join(ROOT, 'client/src/extension.ts')], outfile: path.join(dir, 'extension.js') });
  await esbuild.build({ ...BUNDLE_OPTIONS, entryPoints: [entry], outfile: path.join(dir, 'language-client.js'), nodePaths: [path.join(ROOT, 'node_modules')] });
  await esbuild.build({ ...BUNDLE_OPTIONS, entryPoints: [path.join(ROOT, 'server/src/lsp/main.ts')], outfile: path.join(dir, 'server.js') });
  const size = (name: string) => statSync(path.join(dir, name)).size;
  return { extension: size('extension.js'), languageClient: size('language-client.js'), server: size('server.js') };
}

function measureActivation(): number[] {
  const out: number[] = [];
  const bundle = path.join(WORK, 'bundles', 'extension.js');
  for (let i = 0; i < Math.max(RUNS, 5) * 2; i++) {
    const r = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'bench', 'activation.cjs'), bundle]).toString()) as { totalMs: number };
    out.push(r.totalMs);
  }
  return out;
}

// --- the report ----------------------------------------------------------------------------------

function machine() {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT }).toString().trim();
  let commit = 'unknown';
  try {
    commit = git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--untracked-files=no') ? ' (with uncommitted changes)' : '');
  } catch {
    /* not a git checkout */
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit,
    load: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
const s = (x: number) => `${x.toFixed(2)} s`;
const mib = (x: number) => `${(x / MIB).toFixed(0)} MiB`;
const kib = (x: number) => `${(x / 1024).toFixed(0)} KiB`;
const met = (ok: boolean) => (ok ? '**met**' : '**not met**');

async function main(): Promise<void> {
  const started = machine();
  setup();
  const drafts: Record<string, string> = {};
  for (const [name, bytes] of [['1mib', MIB], ...(QUICK ? [] : [['10mib', 10 * MIB]])] as [string, number][]) {
    drafts[name] = path.join(WORK, `draft-${name}.txt`);
    writeFileSync(drafts[name], generate(bytes));
  }
  writeFileSync(path.join(WORK, 'prh.yml'), prhYaml('en'));
  writeFileSync(path.join(WORK, '.textlintrc.json'), textlintrc(path.join(WORK, 'prh.yml')));

  const cli: Record<string, CliResult> = {};
  for (const [name, file] of Object.entries(drafts)) {
    log(`CLI and textlint+prh on ${name}`);
    cli[name] = measureCli(file);
  }
  // Drafts of 1 MiB (different seeds) in a folder: one thread, then one per core.
  const folder = path.join(WORK, 'folder');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder);
  for (let i = 1; i <= FOLDER_DRAFTS; i++) writeFileSync(path.join(folder, `draft-${i}.txt`), generate(MIB, 100 + i));
  log(`CLI on a folder of ${FOLDER_DRAFTS} drafts of 1 MiB, one thread and one per core`);
  const folderRuns = measureFolder(folder);
  log('bundles');
  const bundles = await buildBundles();
  log('language server (the minified bundle the .vsix ships)');
  const server = await measureServer(path.join(WORK, 'bundles', 'server.js'), drafts['1mib'], drafts['10mib']);
  log('activation');
  const activation = measureActivation();
  // What Node itself takes to start and exit here: the floor under every start-up time above.
  const nodeStart = Array.from({ length: 7 }, () => timed([process.execPath, '-e', '0']).seconds * 1000);
  const ended = machine();

  const row = (name: string) => {
    const c = cli[name];
    const o = median(c.ours.map((r) => r.seconds));
    const p = median(c.peer.map((r) => r.seconds));
    return { o, p, ratio: p / o, oPeak: median(c.ours.map((r) => r.peakBytes)), pPeak: median(c.peer.map((r) => r.peakBytes)), c };
  };
  const one = row('1mib');
  const ten = drafts['10mib'] ? row('10mib') : undefined;
  const p50 = percentile(server.editMs, 50);
  const p95 = percentile(server.editMs, 95);
  const budget = bundles.languageClient + 50 * 1024;
  const lines: string[] = [];
  const push = (...xs: string[]) => lines.push(...xs);
  push(
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); every number below was measured in the run that wrote this file.',
    '',
    `- Machine: ${started.cpu}, ${started.cores} cores, ${started.memory}; ${started.os}`,
    `- Node ${started.node}; commit ${started.commit}; ${started.date}`,
    `- Load average (1, 5, 15 min) at start ${started.load}, at end ${ended.load}`,
    `- Runs: medians of ${RUNS} runs per CLI measurement (after one warm-up), textlint and our CLI alternated; ${EDITS} edits; drafts from bench/generate.ts (seed 42)`,
    '',
    '## Targets (issue 6)',
    '',
    '| Target | Goal | Measured | |',
    '|---|---|---|---|',
  );
  if (ten) {
    push(`| CLI on 10 MiB, terminology + compliance, vs textlint + prh in the same run | ≥ 10× faster | ${s(ten.o)} vs ${s(ten.p)}: ${ten.ratio.toFixed(1)}× | ${met(ten.ratio >= 10)} |`);
    push(`| CLI peak memory on 10 MiB | ≤ 150 MiB | ${mib(ten.oPeak)} | ${met(ten.oPeak <= 150 * MIB)} |`);
  }
  push(
    `| Keystroke → first fresh diagnostics for that version, 1 MiB draft, p95 of ${EDITS} edits | ≤ 15 ms | ${ms(p95)} (p50 ${ms(p50)}) | ${met(p95 <= 15)} |`,
    `| Extension activation (load bundle + activate(), median of ${activation.length}) | ≤ 50 ms | ${ms(median(activation))} | ${met(median(activation) <= 50)} |`,
    `| Client bundle, minified | ≤ vscode-languageclient alone (${kib(bundles.languageClient)}) + 50 KiB = ${kib(budget)} | ${kib(bundles.extension)} | ${met(bundles.extension <= budget)} |`,
    `| Server start (spawn → initialize response) | ≤ 150 ms | ${ms(median(server.startMs))} | ${met(median(server.startMs) <= 150)} |`,
    '',
    '## All measurements (medians)',
    '',
    '| Measurement | Ours | textlint + textlint-rule-prh | Ratio |',
    '|---|---|---|---|',
  );
  for (const [label, r] of [['1 MiB', one], ['10 MiB', ten]] as const) {
    if (!r) continue;
    push(`| CLI wall time, ${label} (${r.c.bytes} bytes) | ${s(r.o)} | ${s(r.p)} | ${r.ratio.toFixed(1)}× |`);
    push(`| CLI peak RSS, ${label} | ${mib(r.oPeak)} | ${mib(r.pPeak)} | |`);
    push(`| Deprecated terms reported, ${label} | ${r.c.oursFindings} | ${r.c.peerFindings} | |`);
  }
  push(
    `| Server: didOpen → diagnostics, 1 MiB | ${ms(median(server.openMs))} | | |`,
    `| Server: one-character didChange → first fresh diagnostics for that version, 1 MiB, p50 / p95 / max of ${EDITS} | ${ms(p50)} / ${ms(p95)} / ${ms(Math.max(...server.editMs))} | | |`,
    `| Server: one-character didChange → complete diagnostics incl. the checklist, 1 MiB, p50 / p95 / max of ${COMPLETE_EDITS} | ${ms(percentile(server.completeMs, 50))} / ${ms(percentile(server.completeMs, 95))} / ${ms(Math.max(...server.completeMs))} | | |`,
  );
  if (server.bigRss.length) {
    push(
      `| Server: didOpen → diagnostics, 10 MiB | ${ms(median(server.bigOpenMs))} | | |`,
      `| Server RSS after opening a 10 MiB draft (peak) | ${mib(median(server.bigRss))} (${mib(median(server.bigPeak))}) | | |`,
    );
  }
  push(
    `| Server start, spawn → initialize response | ${ms(median(server.startMs))} | | |`,
    `| For comparison: \`node -e 0\` (Node starting and exiting, nothing of ours) | ${ms(median(nodeStart))} | | |`,
    `| CLI on a folder of ${FOLDER_DRAFTS} drafts of 1 MiB: one thread / ${started.cores} threads (wall) | ${s(median(folderRuns.oneThread.map((r) => r.seconds)))} / ${s(median(folderRuns.threads.map((r) => r.seconds)))} | | |`,
    `| CLI on that folder, peak RSS: one thread / worker threads | ${mib(median(folderRuns.oneThread.map((r) => r.peakBytes)))} / ${mib(median(folderRuns.threads.map((r) => r.peakBytes)))} | | |`,
    `| Extension: load bundle + activate() | ${ms(median(activation))} | | |`,
    `| Bundles, minified: extension / vscode-languageclient alone / server | ${kib(bundles.extension)} / ${kib(bundles.languageClient)} / ${kib(bundles.server)} | | |`,
    '',
    '## How it is measured',
    '',
    '- CLI: `node dist/cli.js --format json --fail-on never <draft>` (terminology and compliance) and `textlint --format json` with',
    '  textlint-rule-prh configured with the English pack\'s deprecated terms (bench/prh.ts writes the prh rules from',
    '  server/src/core/data/terminology/en.json); whole processes under GNU time (`%e` wall time, `%M` peak RSS), output discarded.',
    '  The peers are pinned in bench/peers/package-lock.json and installed by the benchmark on first run.',
    '- Server: server/src/lsp/main.ts bundled and minified as the .vsix ships it (`node server.js --stdio`), spoken to over',
    '  JSON-RPC (bench/lsp.ts) as an editor with push diagnostics; times run from sending the notification to receiving',
    '  `publishDiagnostics` for that version. Each edit types one letter at a pseudo-random place (the next edit deletes it),',
    '  and is sent once the previous diagnostics arrived. After a keystroke the server publishes the terminology of that version at',
    '  once (re-read around the edit, exact: test/lsp/incremental.test.ts) with the checklist\'s findings of the last full analysis',
    '  moved along; after the typing delay the full analysis (off the main thread) publishes the complete set. "First fresh" runs to',
    '  the first publication for the version; "complete" to the lanzarote/analysed notification for it (the benchmark asks for it in',
    '  initializationOptions), each of those edits waiting for its own complete set. The edits start 1 s after the draft\'s',
    '  diagnostics arrived (a drafter reads before typing; the server makes the keystroke path ready when idle).',
    '  Start: spawn to the initialize response.',
    '  RSS from /proc (VmRSS, VmHWM),',
    '  the worker thread that analyses long drafts included.',
    '- Activation: VS Code cannot be downloaded here, so bench/activation.cjs loads the minified production bundle of the',
    '  extension in plain Node with a stand-in `vscode` module and calls `activate()` with no draft open (the server starts',
    '  only when a draft opens). It measures our own code: loading and evaluating the bundle and activate(); the extension',
    '  host\'s own work is not included.',
    '- Bundles: client/src/extension.ts and `require("vscode-languageclient/node")` alone, each bundled and minified by',
    '  esbuild with the options of `node esbuild.mjs --production`.',
    `- Folder: ${FOLDER_DRAFTS} generated drafts of 1 MiB (seeds 101 on) linted as one folder with \`LANZAROTE_WORKERS=1\` (one thread) and`,
    '  with one thread per core (the main thread and worker threads; the default from 24 MiB of drafts in all), medians of',
    '  3 runs; the output is the same either way (test/performance/parallel-cli.test.ts).',
    '- The machine may be shared with other work while this runs: the load averages above say how busy it was. The peer is',
    '  measured in the same run, alternating with our CLI, so the ratio compares the two on the same machine.',
    '',
  );
  writeFileSync(path.join(ROOT, 'bench', 'results.md'), lines.join('\n'));
  writeFileSync(path.join(WORK, 'results.json'), JSON.stringify({ machine: started, cli, folder: folderRuns, server, bundles, activation, nodeStart }, null, 2));
  process.stdout.write(lines.join('\n'));
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
