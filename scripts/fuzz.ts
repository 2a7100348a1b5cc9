/**
 * Fuzzing for as long as you like: the generators of test/hardening (random drafts, hostile
 * Unicode, random incremental edits) against the analysis core, then against the real language
 * server over stdio. Every failure is minimised by fast-check and written to
 * test/fuzz-corpus/<timestamp>-<seed>.json with the invariant it broke; the corpus test in
 * test/hardening replays every file there on each `npm test`.
 *
 *   npm run fuzz -- --seconds 300 --seed 12345
 *   npm run fuzz -- --seconds 60 --phase server
 *   npm run fuzz -- --bench                 (server memory over 10,000 open/close cycles, big drafts)
 *
 * Options: --seconds N (default 60, split evenly between the phases), --seed S (default: fresh),
 * --phase core|server|both (default both), --no-build (use dist/ as it is), --max-failures N
 * (stop after N, default 5), --bench [--cycles N] (measurements instead of fuzzing).
 * Exit code: 0 nothing found, 1 something failed, 2 usage error.
 */
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { draftCase, type DraftCase } from '../test/hardening/generators';
import { checkCoreCase, InvariantError, ServerChecker } from '../test/hardening/invariants';
import { bigDraftStall, openCloseCycles, probedServerEnv, type CycleReport } from '../test/hardening/measure';
import { LspClient } from '../test/lsp/lspClient';

const ROOT = path.resolve(__dirname, '..');
const CORPUS = path.join(ROOT, 'test', 'fuzz-corpus');
/** Cases per fast-check run: a run shrinks its failure before the next one starts. */
const CHUNK = 50;

export interface CorpusEntry {
  /** The invariant that failed (see test/hardening/invariants.ts). */
  invariant: string;
  phase: 'core' | 'server';
  seed: number;
  /** fast-check's replay path within that seed's run. */
  path: string;
  message: string;
  found: string;
  case: DraftCase;
}

interface Summary {
  phase: 'core' | 'server';
  runs: number;
  failures: number;
  ms: number;
}

function usage(message: string): never {
  console.error(`fuzz: ${message}\nUsage: npm run fuzz -- [--seconds N] [--seed S] [--phase core|server|both] [--no-build] [--max-failures N] [--bench [--cycles N]]`);
  process.exit(2);
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        seconds: { type: 'string' },
        seed: { type: 'string' },
        phase: { type: 'string' },
        'no-build': { type: 'boolean' },
        'max-failures': { type: 'string' },
        bench: { type: 'boolean' },
        cycles: { type: 'string' },
      },
    }));
  } catch (e) {
    usage((e as Error).message);
  }
  const seconds = Number(values.seconds ?? 60);
  if (!Number.isFinite(seconds) || seconds <= 0) usage('--seconds must be a positive number');
  const seed = values.seed === undefined ? randomInt(1, 2 ** 31 - 1) : Number(values.seed);
  if (!Number.isSafeInteger(seed)) usage('--seed must be an integer');
  const phase = values.phase ?? 'both';
  if (!['core', 'server', 'both'].includes(phase)) usage('--phase must be core, server or both');
  const maxFailures = Number(values['max-failures'] ?? 5);

  if (!values['no-build'] && (phase !== 'core' || values.bench)) {
    console.log('Building dist/ …');
    const build = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { stdio: 'inherit', cwd: ROOT });
    if (build.status !== 0) return build.status ?? 1;
  }
  if (values.bench) return bench(Number(values.cycles ?? 10_000));

  console.log(`Fuzzing with seed ${seed} for ${seconds} s (${phase}). Reproduce with: npm run fuzz -- --seed ${seed} --seconds ${seconds} --phase ${phase}`);
  const phases: ('core' | 'server')[] = phase === 'both' ? ['core', 'server'] : [phase as 'core' | 'server'];
  const budget = (seconds * 1000) / phases.length;
  const summaries: Summary[] = [];
  const written: string[] = [];
  for (const p of phases) {
    const s = p === 'core' ? await fuzzCore(seed, budget, maxFailures, written) : await fuzzServer(seed, budget, maxFailures, written);
    summaries.push(s);
  }

  console.log('\nSummary');
  for (const s of summaries) console.log(`  ${s.phase.padEnd(6)} ${String(s.runs).padStart(7)} cases in ${(s.ms / 1000).toFixed(1)} s, ${s.failures} failure(s)`);
  console.log(`  seed ${seed}`);
  for (const f of written) console.log(`  wrote ${path.relative(ROOT, f)}`);
  return summaries.some((s) => s.failures > 0) ? 1 : 0;
}

async function fuzzCore(seed: number, budgetMs: number, maxFailures: number, written: string[]): Promise<Summary> {
  const started = Date.now();
  const summary: Summary = { phase: 'core', runs: 0, failures: 0, ms: 0 };
  const property = fc.property(draftCase({ maxPieces: 120, maxEdits: 20 }), (c) => checkCoreCase(c));
  for (let chunk = 0; Date.now() - started < budgetMs && summary.failures < maxFailures; chunk++) {
    const runSeed = seed + chunk;
    const result = fc.check(property, { seed: runSeed, numRuns: CHUNK });
    summary.runs += result.numRuns;
    if (result.failed) {
      summary.failures++;
      written.push(record('core', runSeed, result));
    }
    progress('core', summary, started, budgetMs);
  }
  summary.ms = Date.now() - started;
  process.stdout.write('\n');
  return summary;
}

async function fuzzServer(seed: number, budgetMs: number, maxFailures: number, written: string[]): Promise<Summary> {
  const started = Date.now();
  const summary: Summary = { phase: 'server', runs: 0, failures: 0, ms: 0 };
  const folder = mkdtempSync(path.join(tmpdir(), 'lanzarote-fuzz-'));
  let client: LspClient | undefined;
  let checker: ServerChecker | undefined;
  try {
    for (let chunk = 0; Date.now() - started < budgetMs && summary.failures < maxFailures; chunk++) {
      // A server that died (or logged an error) is replaced, so one failure does not hide the next.
      if (!client || client.exitCode !== undefined || checker!.errors.length) {
        client?.kill();
        client = await LspClient.start({ pull: true, workspaceFolders: [folder], configuration: (p) => p.items.map(() => ({})) });
        checker = new ServerChecker(client, folder);
      }
      const c = checker!;
      const runSeed = seed + 1_000_003 + chunk;
      const result = await fc.check(fc.asyncProperty(draftCase({ maxPieces: 120, maxEdits: 30 }), (x) => c.checkCase(x)), { seed: runSeed, numRuns: CHUNK });
      summary.runs += result.numRuns;
      if (result.failed) {
        summary.failures++;
        written.push(record('server', runSeed, result));
      }
      progress('server', summary, started, budgetMs);
    }
  } finally {
    client?.kill();
    rmSync(folder, { recursive: true, force: true });
  }
  summary.ms = Date.now() - started;
  process.stdout.write('\n');
  return summary;
}

let lastProgress = 0;
function progress(phase: string, s: Summary, started: number, budgetMs: number): void {
  const elapsed = Date.now() - started;
  const line = `  ${phase}: ${s.runs} cases, ${s.failures} failure(s), ${(elapsed / 1000).toFixed(0)}/${(budgetMs / 1000).toFixed(0)} s`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
  else if (Date.now() - lastProgress > 10_000) {
    lastProgress = Date.now();
    console.log(line);
  }
}

function record(phase: 'core' | 'server', seed: number, result: fc.RunDetails<[DraftCase]>): string {
  const error = result.errorInstance as Error | undefined;
  const entry: CorpusEntry = {
    invariant: error instanceof InvariantError ? error.invariant : 'uncaught-error',
    phase,
    seed,
    path: result.counterexamplePath ?? '',
    message: String(error?.message ?? result.failures).slice(0, 4000),
    found: new Date().toISOString(),
    case: result.counterexample![0],
  };
  mkdirSync(CORPUS, { recursive: true });
  const file = path.join(CORPUS, `${entry.found.replace(/[:.]/g, '-')}-${seed}.json`);
  writeFileSync(file, `${JSON.stringify(entry, null, 2)}\n`);
  console.log(`\n  FAILED ${entry.invariant} (seed ${seed}, path ${entry.path}): ${entry.message.split('\n')[0].slice(0, 300)}\n  minimised input: ${JSON.stringify(entry.case).slice(0, 600)}\n  written to ${path.relative(ROOT, file)}`);
  return file;
}

/** Measurements for the report: server memory over open/close cycles and big drafts. */
async function bench(cycles: number): Promise<number> {
  const warmUp = Math.min(1000, Math.ceil(cycles / 10));
  console.log(`Server memory over ${cycles} open/close cycles after ${warmUp} to warm up …`);
  const runs: { label: string; pull: boolean; probe: boolean }[] = [
    { label: 'pull, as V8 collects', pull: true, probe: false },
    { label: 'push, as V8 collects', pull: false, probe: false },
    { label: 'pull, full GC at each sample', pull: true, probe: true },
  ];
  for (const run of runs) {
    if (run.probe) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${probedServerEnv()}`.trim();
    const client = await LspClient.start({ pull: run.pull, configuration: (p) => p.items.map(() => ({})) });
    if (run.probe) delete process.env.NODE_OPTIONS;
    try {
      const r: CycleReport = await openCloseCycles(client, cycles, {
        warmUp,
        sampleEvery: 500,
        probe: run.probe,
        onProgress: (n, rss) => process.stdout.isTTY && process.stdout.write(`\r  ${run.label}: ${n} cycles, RSS ${mb(rss)}   `),
      });
      console.log(`\r  ${run.label}: ${cycles} cycles in ${(r.ms / 1000).toFixed(1)} s; RSS at start ${mb(r.rssStart)}, after warm-up ${mb(r.rssAfterWarmUp)}, at the end ${mb(r.rssEnd)}, highest ${mb(r.rssMax)}; growth after warm-up ${mb(r.rssEnd - r.rssAfterWarmUp)}`);
      console.log(`    RSS every 500 cycles: ${r.samples.map((x) => (x.rss / 2 ** 20).toFixed(0)).join(' ')} MB`);
      if (r.probed) {
        const { afterWarmUp: a, end: e } = r.probed;
        console.log(`    after a full GC: RSS ${mb(a.rss)} → ${mb(e.rss)} (${mb(e.rss - a.rss)}), heap used ${mb(a.heapUsed)} → ${mb(e.heapUsed)} (${mb(e.heapUsed - a.heapUsed)})`);
        console.log(`    heap used after GC every 500 cycles: ${r.probed.samples.map((x) => (x.memory.heapUsed / 2 ** 20).toFixed(1)).join(' ')} MB`);
      }
    } finally {
      await client.stop().catch(() => client.kill());
    }
  }
  console.log('Big drafts: how long a hover on a small document waits while a big one is analysed …');
  for (const kind of ['5 MB single line', '100,000 lines'] as const) {
    const client = await LspClient.start({ configuration: (p) => p.items.map(() => ({})) });
    try {
      const r = await bigDraftStall(client, kind, 600_000);
      console.log(`  ${kind} (${mb(r.bytes)}): hover answered ${r.hoverMs} ms after it was asked; the big draft's ${r.diagnostics} diagnostics ${r.diagnosticsMs} ms after it was opened`);
    } finally {
      client.kill();
    }
  }
  return 0;
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
