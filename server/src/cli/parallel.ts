import { availableParallelism } from 'node:os';
import type { Settings } from '../core/settings';
import { keepReading, packAnalysis, unpackAnalysis, type PackedAnalysis } from '../node/transfer';
import { lintOne, type DraftInput } from './lint';
import type { FileResult } from './results';

/**
 * Linting many drafts on every core: worker threads each take the next draft as soon as they are
 * free, and the results are put back in the order of the drafts, so the output is the same as
 * linting them one by one. Fixing (which rewrites files and lints again) stays in one thread.
 * What comes back is what the formatters print: findings and positions (not the reading of
 * each draft's provisions).
 */

/** The argument that makes the CLI's bundle, started as a worker thread, a linting thread. */
export const LINT_THREAD_FLAG = '--lanzarote-lint-thread';

/** Whether this is a linting thread (the flag is only given to worker threads; checked here too). */
export function isLintThread(): boolean {
  return process.argv.includes(LINT_THREAD_FLAG) && !(require('node:worker_threads') as typeof import('node:worker_threads')).isMainThread;
}

/**
 * Below this much text in all, starting threads costs more than it saves: each thread loads the
 * bundle, builds the phrase tables and warms up: most of a second on the benchmark's machine,
 * where two threads analyse only about 1.2 times as much as one (bench/results.md has a folder
 * of 32 MiB both ways).
 */
const MIN_PARALLEL_BYTES = 24 * 1024 * 1024;

let workerScript: string | undefined;

/** The bundle a worker thread runs (the CLI's own); without it every draft is linted in this thread. */
export function setWorkerScript(script: string): void {
  workerScript = script;
}

export interface Job {
  input: DraftInput;
  settings: Settings;
}

type Linted = FileResult & { hadBom?: boolean };
type PackedResult = Omit<Linted, 'analysis'> & { analysis?: PackedAnalysis };

/**
 * How many threads to lint `jobs` with, this one included: 1 (this thread alone) for one draft,
 * for little text, or when LANZAROTE_WORKERS=1; otherwise one per core (LANZAROTE_WORKERS=n sets
 * the number).
 */
export function threadsFor(jobs: readonly Job[], sizes: readonly number[], env: Record<string, string | undefined>): number {
  if (!workerScript || jobs.length < 2) return 1;
  const forced = Number(env.LANZAROTE_WORKERS);
  if (Number.isInteger(forced) && forced > 0) return Math.min(forced, jobs.length);
  if (sizes.reduce((a, b) => a + b, 0) < MIN_PARALLEL_BYTES) return 1;
  return Math.max(1, Math.min(availableParallelism(), jobs.length));
}

/** Lint every job, `threads` at a time; `progress(done, total)` after each. Results in job order. */
export async function lintAll(jobs: readonly Job[], threads: number, progress?: (done: number, total: number) => void): Promise<Linted[]> {
  const results: Linted[] = new Array(jobs.length);
  let done = 0;
  if (threads <= 1) {
    for (const [i, job] of jobs.entries()) {
      results[i] = printable(await lintOne(job.input, job.settings));
      progress?.(++done, jobs.length);
    }
    return results;
  }
  // The main thread lints too, beside threads − 1 workers: one cold start fewer.
  let next = 0;
  const take = () => (next < jobs.length ? next++ : -1);
  const finish = (index: number, result: Linted) => {
    results[index] = result;
    progress?.(++done, jobs.length);
  };
  // With many drafts each worker holds a second one, so it never waits while the main thread,
  // busy with a draft of its own, has not yet handed it the next.
  const depth = jobs.length >= 4 * threads ? 2 : 1;
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const workers = Array.from({ length: threads - 1 }, () => new Worker(workerScript!, { argv: [LINT_THREAD_FLAG] }));
  try {
    await Promise.all([
      ...workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const give = () => {
              const index = take();
              if (index < 0) {
                if (inFlight === 0) resolve();
                return;
              }
              inFlight++;
              worker.postMessage({ index, job: jobs[index] });
            };
            worker.on('message', ({ index, result, error }: { index: number; result?: PackedResult; error?: string }) => {
              inFlight--;
              if (!result) return reject(new Error(error));
              finish(index, { ...result, analysis: result.analysis && unpackAnalysis(result.analysis) });
              give();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (inFlight > 0) reject(new Error(`a linting thread stopped (exit code ${code})`));
            });
            for (let k = 0; k < depth; k++) give();
          }),
      ),
      (async () => {
        for (let index = take(); index >= 0; index = take()) finish(index, printable(await lintOne(jobs[index].input, jobs[index].settings)));
      })(),
    ]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/**
 * What the formatters print of a draft, kept until all are linted: its findings and positions.
 * The reading of its provisions is let go, so a folder of long drafts is not all held in memory.
 */
function printable(result: Linted): Linted {
  return result.analysis ? { ...result, analysis: keepReading(result.analysis, 'none') } : result;
}

/** The worker thread's side: lint each draft it is given and send the result back. */
export function runLintWorker(): void {
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  parentPort!.on('message', async ({ index, job }: { index: number; job: Job }) => {
    try {
      const result = await lintOne(job.input, job.settings);
      const packed: PackedResult = { ...result, analysis: result.analysis && packAnalysis(result.analysis, 'none') };
      parentPort!.postMessage({ index, result: packed });
    } catch (e) {
      // Reported by the main thread as an internal error, as it would be without threads.
      parentPort!.postMessage({ index, error: (e as Error)?.message ?? String(e) });
    }
  });
}
