import type { Worker } from 'node:worker_threads';
import { analyse, AnalysisCancelled, type Analysis } from '../core/analyse';
import { sourceFor } from '../core/formats';
import type { Settings } from '../core/settings';
import type { DraftFormat, Source } from '../core/source';
import { packAnalysis, unpackAnalysis, type PackedAnalysis } from '../node/transfer';

/** What the worker thread of the server is told to do, and what it answers. */
interface Job {
  id: number;
  uri: string;
  text: string;
  format: DraftFormat;
  settings: Settings;
}
type Answer = { id: number; packed: PackedAnalysis } | { id: number; error: string } | { id: number; cancelled: true };

interface Task {
  job: Job;
  resolve: (a: Analysis | undefined) => void;
  reject: (e: Error) => void;
  source: () => Source;
}

/**
 * Analyses of long drafts run in a worker thread, so that a draft of several megabytes never
 * holds up hovers, code actions or the analysis of a short draft on the main thread. One job
 * runs at a time; a job still waiting when a newer version of its document arrives is dropped
 * (stale work is never started), and a job already running is stopped at its next stage (the
 * worker sends nothing back but that it stopped). What comes back is what the editor is shown:
 * findings, checklist and the tree of provisions (not what each unit of the draft does).
 */
export class OffThreadAnalyser {
  #worker: Worker | undefined;
  #nextId = 1;
  #running: Task | undefined;
  readonly #waiting = new Map<string, Task>();
  /**
   * Shared with the worker: the id of the job still wanted. A newer version of the running job's
   * document sets it to 0, and the worker stops that analysis at its next stage instead of
   * finishing work nobody will see (and sending it across).
   */
  readonly #wanted = new Int32Array(new SharedArrayBuffer(4));

  constructor(private readonly script: string) {}

  /**
   * Analyse `text` in the worker. Resolves undefined when a newer request for the same document
   * replaced this one before it started. The Source is rebuilt here from the same text, so the
   * analysis that comes back is exactly the one the main thread would have made.
   */
  analyse(uri: string, text: string, format: DraftFormat, settings: Settings, source: () => Source): Promise<Analysis | undefined> {
    return new Promise((resolve, reject) => {
      this.#waiting.get(uri)?.resolve(undefined);
      if (this.#running?.job.uri === uri) Atomics.store(this.#wanted, 0, 0);
      this.#waiting.set(uri, { job: { id: this.#nextId++, uri, text, format, settings }, resolve, reject, source });
      this.#pump();
    });
  }

  dispose(): void {
    void this.#worker?.terminate();
    this.#worker = undefined;
  }

  #pump(): void {
    if (this.#running) return;
    const next = this.#waiting.entries().next();
    if (next.done) return;
    const [uri, task] = next.value;
    this.#waiting.delete(uri);
    this.#running = task;
    Atomics.store(this.#wanted, 0, task.job.id);
    this.#ensureWorker().postMessage(task.job);
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    // Loaded on first use: a server that never sees a long draft does not pay for it at start-up.
    const threads = require('node:worker_threads') as typeof import('node:worker_threads');
    const worker = new threads.Worker(this.script, { argv: [ANALYSIS_THREAD_FLAG], workerData: { wanted: this.#wanted.buffer } });
    // The worker must not keep the server alive once the editor has gone.
    worker.unref();
    worker.on('message', (answer: Answer) => {
      const task = this.#running;
      if (!task || task.job.id !== answer.id) return;
      this.#running = undefined;
      if ('error' in answer) task.reject(new Error(answer.error));
      else if ('cancelled' in answer) task.resolve(undefined);
      else task.resolve(unpackAnalysis(answer.packed, task.source()));
      this.#pump();
    });
    const fail = (e: Error) => {
      this.#worker = undefined;
      const task = this.#running;
      this.#running = undefined;
      task?.reject(e);
      this.#pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.#worker === worker) fail(new Error(`the analysis thread stopped (exit code ${code})`));
    });
    this.#worker = worker;
    return worker;
  }
}

/** The argument that makes the server's bundle, started as a worker thread, an analysis thread. */
export const ANALYSIS_THREAD_FLAG = '--lanzarote-analysis-thread';

/** Whether this is the analysis thread (the flag is only given to worker threads; checked here too). */
export function isAnalysisThread(): boolean {
  return process.argv.includes(ANALYSIS_THREAD_FLAG) && !(require('node:worker_threads') as typeof import('node:worker_threads')).isMainThread;
}

/** The worker thread's side: analyse each job and send the analysis back. */
export function runAnalysisWorker(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const wanted = new Int32Array((workerData as { wanted: SharedArrayBuffer }).wanted);
  parentPort!.on('message', (job: Job) => {
    let answer: Answer;
    const cancelled = () => Atomics.load(wanted, 0) !== job.id;
    try {
      const analysis = analyse(sourceFor(job.uri, job.text, job.format, undefined, { locale: job.settings.locale }), job.settings, { cancelled });
      answer = cancelled() ? { id: job.id, cancelled: true } : { id: job.id, packed: packAnalysis(analysis, 'provisions') };
    } catch (e) {
      answer = e instanceof AnalysisCancelled ? { id: job.id, cancelled: true } : { id: job.id, error: (e as Error)?.stack ?? String(e) };
    }
    parentPort!.postMessage(answer);
  });
}
