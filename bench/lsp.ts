// The real language server over stdio, spoken to as an editor would: start-up, didOpen to
// diagnostics, one-character edits to fresh diagnostics, and memory after a big draft.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

const ROOT = path.resolve(__dirname, '..');

export interface Server {
  child: ChildProcess;
  connection: ProtocolConnection;
  /** Resolves with the next publishDiagnostics for `uri` at `version`. */
  diagnostics(uri: string, version: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Resolves when the server says the diagnostics of `uri` at `version` are complete (checklist included). */
  analysed(uri: string, version: number, timeoutMs?: number): Promise<void>;
  startMs: number;
  stop(): Promise<void>;
}

/** Start `script` (by default dist/server.js) over stdio and initialize it. */
export async function startServer(script = path.join(ROOT, 'dist/server.js')): Promise<Server> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [script, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, { version: number; resolve: (p: PublishDiagnosticsParams) => void }>();
  const waitingComplete = new Map<string, { version: number; resolve: () => void }>();
  connection.onNotification('lanzarote/analysed', (p: { uri: string; version: number }) => {
    const w = waitingComplete.get(p.uri);
    if (w && p.version === w.version) {
      waitingComplete.delete(p.uri);
      w.resolve();
    }
  });
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const w = waiting.get(p.uri);
    if (w && p.version === w.version) {
      waiting.delete(p.uri);
      w.resolve(p);
    }
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { reportAnalysed: true },
  });
  const startMs = performance.now() - t0;
  await connection.sendNotification('initialized', {});
  return {
    child,
    connection,
    startMs,
    diagnostics: (uri, version, timeoutMs = 600_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}`)), timeoutMs);
        waiting.set(uri, {
          version,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        });
      }),
    analysed: (uri, version, timeoutMs = 600_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no complete diagnostics for ${uri} v${version}`)), timeoutMs);
        waitingComplete.set(uri, {
          version,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      }),
    stop: async () => {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise((r) => child.once('exit', r));
      connection.dispose();
    },
  };
}

/** Resident memory of a process now and at its peak, in bytes (Linux). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** didOpen → the diagnostics of version 1, in ms. */
export async function openTime(server: Server, uri: string, text: string): Promise<{ ms: number; count: number }> {
  const t0 = performance.now();
  const diagnostics = server.diagnostics(uri, 1);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  const p = await diagnostics;
  return { ms: performance.now() - t0, count: p.diagnostics.length };
}

/**
 * One-character edits, each sent as an incremental didChange once the previous one's diagnostics
 * arrived: a letter typed at a pseudo-random place, then deleted again by the next edit, so the
 * draft stays what it was. Returns the time from each didChange to its version's first
 * diagnostics (`wait: 'first'`), or to its complete diagnostics, the whole-draft checklist
 * included (`wait: 'complete'`: the server's lanzarote/analysed notification for that version).
 */
export async function editTimes(server: Server, uri: string, text: string, edits: number, seed = 7, wait: 'first' | 'complete' = 'first', startVersion = 1): Promise<number[]> {
  const lines = text.split('\n');
  let rand = seed >>> 0;
  const next = () => ((rand = (Math.imul(rand, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const times: number[] = [];
  let version = startVersion;
  let typed: { line: number; character: number } | undefined;
  for (let i = 0; i < edits; i++) {
    let change;
    if (typed) {
      change = { range: { start: typed, end: { line: typed.line, character: typed.character + 1 } }, text: '' };
      typed = undefined;
    } else {
      let line = Math.floor(next() * lines.length);
      while (lines[line].length === 0) line = (line + 1) % lines.length;
      typed = { line, character: Math.floor(next() * (lines[line].length + 1)) };
      change = { range: { start: typed, end: typed }, text: 'e' };
    }
    version++;
    const t0 = performance.now();
    const done = wait === 'first' ? server.diagnostics(uri, version) : server.analysed(uri, version);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await done;
    times.push(performance.now() - t0);
  }
  return times;
}
