/**
 * Every failure `npm run fuzz` ever found (test/fuzz-corpus/*.json) is replayed here, through the
 * core and through the real server, with the same invariants: once fixed, it stays fixed.
 * With an empty corpus the replay itself is still exercised on a built-in case.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspClient, ROOT } from '../lsp/lspClient';
import type { DraftCase } from './generators';
import { checkCoreCase, InvariantError, ServerChecker } from './invariants';

const CORPUS = path.join(ROOT, 'test', 'fuzz-corpus');

interface Entry {
  file: string;
  invariant: string;
  phase: 'core' | 'server';
  case: DraftCase;
}

/** Read and validate every corpus file: a malformed one fails the test rather than being skipped. */
function loadCorpus(): Entry[] {
  let names: string[] = [];
  try {
    names = readdirSync(CORPUS).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const raw = JSON.parse(readFileSync(path.join(CORPUS, name), 'utf8')) as Partial<Entry>;
    const c = raw.case;
    assert.ok(typeof raw.invariant === 'string' && (raw.phase === 'core' || raw.phase === 'server'), `${name}: needs "invariant" and "phase"`);
    assert.ok(c && (c.format === 'plaintext' || c.format === 'markdown') && typeof c.text === 'string' && Array.isArray(c.edits), `${name}: "case" must be { format, text, edits }`);
    for (const e of c.edits) {
      assert.ok(Number.isInteger(e.at) && Number.isInteger(e.length) && typeof e.text === 'string' && ['offsets', 'raw', 'full'].includes(e.mode), `${name}: malformed edit ${JSON.stringify(e)}`);
    }
    return { file: name, invariant: raw.invariant!, phase: raw.phase!, case: c };
  });
}

const corpus = loadCorpus();
/** Replayed when the corpus is empty, so the replay path is never dead code. */
const BUILT_IN: Entry = {
  file: '(built-in)',
  invariant: 'incremental-equals-fresh',
  phase: 'server',
  case: {
    format: 'plaintext',
    text: 'Section 160A\n(1) A person who possesses child pornography 𝔸 commits an offence.\r\n(2) For "child pornography" substitute "child sexual abuse material".',
    edits: [
      { at: 9000, length: 0, text: '\nSection 2. kiddy porn\n', mode: 'raw', batched: false },
      { at: 3, length: 2, text: 'e\u0301\ud800', mode: 'offsets', batched: true },
      { at: 0, length: 0, text: 'Child Pornography ', mode: 'offsets', batched: false },
    ],
  },
};
const entries = corpus.length ? corpus : [BUILT_IN];

let folder: string;
let client: LspClient;
let checker: ServerChecker;
before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'lanzarote-corpus-'));
  client = await LspClient.start({ pull: true, workspaceFolders: [folder], configuration: (p) => p.items.map(() => ({})) });
  checker = new ServerChecker(client, folder);
});
after(() => {
  client?.kill();
  rmSync(folder, { recursive: true, force: true });
});

describe(`fuzz corpus: ${corpus.length} file(s) in test/fuzz-corpus`, () => {
  for (const entry of entries) {
    test(`${entry.file} (${entry.phase}: ${entry.invariant})`, async () => {
      // Both phases for every entry: a server failure may start in the core, and vice versa.
      checkCoreCase(entry.case);
      await checker.checkCase(entry.case);
    });
  }

  test('the replay really checks: a broken invariant is reported with its name', async () => {
    // A diagnostics list with a range past the end of the document must be caught.
    const { checkDiagnostics } = await import('./invariants');
    const { TextDocument } = await import('vscode-languageserver-textdocument');
    const doc = TextDocument.create('file:///x.txt', 'plaintext', 1, 'child pornography');
    assert.throws(
      () => checkDiagnostics(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 40 } }, message: '“child pornography”', code: 'term/csam' }]),
      (e: unknown) => e instanceof InvariantError && e.invariant === 'range-inside',
    );
    assert.equal(entries.length, Math.max(1, corpus.length));
  });
});
