/**
 * Measurements of the running server, shared by the hardening tests (few cycles, generous
 * bounds) and `npm run fuzz -- --bench` (10,000 cycles, numbers for the report).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { LspClient } from '../lsp/lspClient';

/** Resident set size of a process in bytes (Linux /proc, else ps). */
export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024;
}

/** A short bill with deprecated terms, a quotation and an exemption; `i` makes each one different. */
export function smallBill(i: number): string {
  return [
    `CRIMES (CHILD PROTECTION) AMENDMENT BILL ${2000 + (i % 100)} — No. ${i}`,
    '',
    `Section ${160 + (i % 7)}A — Possession of child pornography`,
    '(1) A person who possesses child pornography commits an offence.',
    '(2) In section 160, for "child pornography" substitute "child sexual abuse material".',
    '(3) It is not an offence for a child to possess an image of themselves kept for private use.',
    `(4) This section is number ${i} of the test; 𝔸 e\u0301 \u00a0«\u00a0pédopornographie\u00a0».`,
    '',
  ].join(i % 2 ? '\r\n' : '\n');
}

export interface Memory {
  rss: number;
  heapUsed: number;
}

/** The server's memory after a full garbage collection (needs gc-probe.cjs preloaded with --expose-gc). */
export async function memoryAfterGc(client: LspClient, timeoutMs = 10_000): Promise<Memory> {
  const before = client.stderr.length;
  client.child.kill('SIGUSR2');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = /lanzarote-memory (\{.*\})\n/.exec(client.stderr.slice(before));
    if (m) return JSON.parse(m[1]) as Memory;
    if (Date.now() > deadline) throw new Error('the server did not report its memory: was it started with test/hardening/gc-probe.cjs?');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Environment for a server whose memory can be probed after a full collection. */
export function probedServerEnv(): string {
  return `--expose-gc --require ${JSON.stringify(require.resolve('./gc-probe.cjs')).slice(1, -1)}`;
}

export interface CycleReport {
  cycles: number;
  ms: number;
  rssStart: number;
  rssAfterWarmUp: number;
  rssEnd: number;
  rssMax: number;
  /** RSS every `sampleEvery` cycles. */
  samples: { cycle: number; rss: number }[];
  /** With `probe`: memory after a full collection, after warm-up and at the end. */
  probed?: { afterWarmUp: Memory; end: Memory; samples: { cycle: number; memory: Memory }[] };
}

/**
 * Open a new document, have it analysed (pulled, or pushed and awaited), ask for a hover and
 * code actions now and then, close it; `cycles` times, each with a new URI, as an editor does
 * over a long session. RSS is sampled from /proc.
 */
export async function openCloseCycles(
  client: LspClient,
  cycles: number,
  options: { warmUp: number; sampleEvery?: number; probe?: boolean; onProgress?: (n: number, rss: number) => void },
): Promise<CycleReport> {
  const pid = client.child.pid!;
  const pull = !!client.initializeResult.capabilities.diagnosticProvider;
  const sampleEvery = options.sampleEvery ?? 250;
  const started = Date.now();
  const report: CycleReport = { cycles, ms: 0, rssStart: rssOf(pid), rssAfterWarmUp: 0, rssEnd: 0, rssMax: 0, samples: [] };
  const total = options.warmUp + cycles;
  // Push model: wait for the notification itself (lspClient polls every 20 ms, too slow for 10,000 cycles).
  let published: ((p: PublishDiagnosticsParams) => void) | undefined;
  if (!pull) client.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => published?.(p));
  for (let i = 0; i < total; i++) {
    const uri = `file:///lanzarote-cycles/bill-${i}.${i % 5 === 0 ? 'md' : 'txt'}`;
    const analysed = pull ? undefined : new Promise<void>((resolve) => (published = (p) => p.uri === uri && p.version === 1 && resolve()));
    await client.open(uri, smallBill(i), i % 5 === 0 ? 'markdown' : 'plaintext');
    if (pull) await client.request('textDocument/diagnostic', { textDocument: { uri } });
    else await withDeadline(analysed!, 10_000, `diagnostics for ${uri}`);
    if (i % 10 === 0) {
      await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 30 } });
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } }, context: { diagnostics: [] , only: ['source.fixAll.lanzarote'] } });
    }
    await client.close(uri);
    const n = i + 1;
    if (n === options.warmUp) {
      report.rssAfterWarmUp = rssOf(pid);
      if (options.probe) report.probed = { afterWarmUp: await memoryAfterGc(client), end: undefined!, samples: [] };
    }
    if (n > options.warmUp && (n - options.warmUp) % sampleEvery === 0) {
      const rss = rssOf(pid);
      report.samples.push({ cycle: n - options.warmUp, rss });
      report.rssMax = Math.max(report.rssMax, rss);
      if (report.probed) report.probed.samples.push({ cycle: n - options.warmUp, memory: await memoryAfterGc(client) });
      options.onProgress?.(n - options.warmUp, rss);
    }
  }
  if (options.warmUp === 0) report.rssAfterWarmUp = report.rssStart;
  report.rssEnd = rssOf(pid);
  report.rssMax = Math.max(report.rssMax, report.rssEnd);
  if (report.probed) report.probed.end = await memoryAfterGc(client);
  report.ms = Date.now() - started;
  return report;
}

function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms))),
  ]);
}

export type BigDraftKind = '5 MB single line' | '100,000 lines';

export function bigDraft(kind: BigDraftKind): string {
  if (kind === '5 MB single line') {
    const sentence = 'A person who possesses child pornography or «\u00a0pédopornographie\u00a0» commits an offence 𝔸 and is liable on conviction to imprisonment. ';
    return sentence.repeat(Math.ceil(5_000_000 / sentence.length)).slice(0, 5_000_000);
  }
  return Array.from({ length: 100_000 }, (_, i) =>
    i % 50 === 0 ? `Section ${i / 50 + 1}. Offences relating to indecent images` : `(${i % 50}) A person who possesses child pornography commits an offence.`,
  ).join('\n');
}

export interface StallReport {
  bytes: number;
  /** From the hover request (sent while the big draft is analysed) to its answer. */
  hoverMs: number;
  /** From opening the big draft to its diagnostics. */
  diagnosticsMs: number;
  diagnostics: number;
}

/**
 * Open a big draft, then at once a small one and a hover on it: how long the hover waits while
 * the big draft is analysed, and how long the big draft's diagnostics take (push model).
 */
export async function bigDraftStall(client: LspClient, kind: BigDraftKind, timeoutMs: number): Promise<StallReport> {
  const big = bigDraft(kind);
  const bigUri = `file:///lanzarote-big/${kind.replace(/\W+/g, '-')}.txt`;
  const smallUri = 'file:///lanzarote-big/small.txt';
  // The server asks for a document's settings just before analysing it: from then on the big
  // draft is being analysed, and the hover below has to be answered in the middle of it.
  let analysing!: () => void;
  const started = new Promise<void>((resolve) => (analysing = resolve));
  const answer = client.configuration;
  client.configuration = (p) => {
    if (p.items.some((item) => item.scopeUri === bigUri)) analysing();
    return answer ? answer(p) : p.items.map(() => null);
  };
  const opened = Date.now();
  await client.open(bigUri, big);
  if (answer) await started;
  await new Promise((r) => setTimeout(r, 200));
  const asked = Date.now();
  await client.open(smallUri, smallBill(1));
  let hoverMs = -1;
  const hover = client
    .request<Hover | null>('textDocument/hover', { textDocument: { uri: smallUri }, position: { line: 3, character: 30 } }, timeoutMs)
    .then((h) => {
      hoverMs = Date.now() - asked;
      return h;
    });
  const diagnostics = await client.diagnosticsFor(bigUri, (p) => p.version === 1, timeoutMs);
  const diagnosticsMs = Date.now() - opened;
  const h = await hover;
  if (!h) throw new Error('no hover on the small document');
  return { bytes: Buffer.byteLength(big), hoverMs, diagnosticsMs, diagnostics: diagnostics.length };
}
