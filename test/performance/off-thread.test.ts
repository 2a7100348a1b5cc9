import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, ROOT } from '../lsp/lspClient';

/**
 * Long drafts are analysed in the server's worker thread. What the editor gets must be exactly
 * what analysing in the main thread gives: the same server is started twice, once with every
 * draft analysed in its main thread, and both are asked the same questions about the same
 * long draft.
 */
const BILL = readFileSync(path.join(ROOT, 'samples', 'sexual-offences-children-bill.txt'), 'utf8');
// About 300 KB: over the size from which the server analyses off the main thread.
const LONG = Array.from({ length: Math.ceil(300_000 / BILL.length) }, (_, i) => BILL.replace(/Section (\d+)/g, (_m, n: string) => `Section ${i * 100 + Number(n)}`)).join('\n\n');
const URI = 'file:///drafts/long-bill.txt';

async function server(offThread: boolean): Promise<LspClient> {
  const saved = process.env.LANZAROTE_OFF_THREAD_MIN_LENGTH;
  process.env.LANZAROTE_OFF_THREAD_MIN_LENGTH = offThread ? '1024' : String(2 ** 40);
  try {
    return await LspClient.start({ configuration: (p) => p.items.map(() => ({})) });
  } finally {
    if (saved === undefined) delete process.env.LANZAROTE_OFF_THREAD_MIN_LENGTH;
    else process.env.LANZAROTE_OFF_THREAD_MIN_LENGTH = saved;
  }
}

describe('long drafts analysed in the worker thread', () => {
  let inThread: LspClient;
  let offThread: LspClient;
  const diagnostics = new Map<LspClient, Diagnostic[]>();

  before(async () => {
    [inThread, offThread] = await Promise.all([server(false), server(true)]);
    for (const client of [inThread, offThread]) {
      await client.open(URI, LONG);
      diagnostics.set(client, await client.diagnosticsFor(URI, (p) => p.version === 1, 120_000));
    }
  });

  after(async () => {
    for (const client of [inThread, offThread]) {
      await client.stop();
      client.kill();
    }
  });

  test('give the same diagnostics as the main thread', () => {
    const off = diagnostics.get(offThread)!;
    assert.ok(off.filter((d) => String(d.code).startsWith('term/')).length > 20);
    assert.deepEqual(off, diagnostics.get(inThread));
  });

  test('give the same hovers, quick fixes, fix-all, outline, folding, checklist and report as the main thread', async () => {
    const ask = async (client: LspClient) => {
      const ds = diagnostics.get(client)!;
      const d = ds[Math.floor(ds.length / 2)];
      const doc = { textDocument: { uri: URI } };
      return {
        hover: await client.request('textDocument/hover', { ...doc, position: d.range.start }),
        actions: await client.request('textDocument/codeAction', { ...doc, range: d.range, context: { diagnostics: [d] } }),
        fixAll: await client.request('textDocument/codeAction', { ...doc, range: d.range, context: { diagnostics: [], only: ['source.fixAll.lanzarote'] } }, 60_000),
        symbols: await client.request('textDocument/documentSymbol', doc),
        folding: await client.request('textDocument/foldingRange', doc),
        checklist: await client.request('lanzarote/checklist', { uri: URI }),
        report: await client.request('lanzarote/report', { uri: URI, format: 'md' }),
      };
    };
    assert.deepEqual(await ask(offThread), await ask(inThread));
  });

  test('typing while a long draft is analysed: the last version gets the diagnostics of its own text', async () => {
    // Five edits sent at once: those still waiting when the next arrives are never analysed.
    const typeInto = async (client: LspClient) => {
      for (let i = 0; i < 5; i++) {
        await client.change(URI, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: `child pornography ${i} ` }]);
      }
      return client.diagnosticsFor(URI, (p) => p.version === 6, 120_000);
    };
    const [typed, expected] = await Promise.all([typeInto(offThread), typeInto(inThread)]);
    assert.equal(typed.filter((d) => d.range.start.line === 2 && String(d.code).startsWith('term/')).length, 5);
    assert.deepEqual(typed, expected);
  });
});
