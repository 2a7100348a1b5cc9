/**
 * Pull diagnostics (textDocument/diagnostic), as VS Code uses them: full reports, "unchanged"
 * when nothing changed, a refresh request when settings change, and no push notifications.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, DocumentDiagnosticReport, FullDocumentDiagnosticReport, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { LspClient, waitFor } from './lspClient';

/** Terminology findings; compliance findings are tested with the push model. */
const terms = <T extends { code?: unknown }>(d: T[]) => d.filter((x) => String(x.code).startsWith('term/'));

const DRAFT = [
  'Article 227-23',
  'Le fait de fixer, d’enregistrer ou de transmettre l’image d’un mineur à caractère pédopornographique est puni de cinq ans d’emprisonnement.',
  '',
  'Section 3 — Offering child pornography',
  '(1) A person who offers or makes available child pornography commits an offence.',
].join('\n') + '\n';

describe('language server with pull diagnostics', () => {
  let client: LspClient;
  let settings: Record<string, unknown> = {};
  before(async () => {
    client = await LspClient.start({ pull: true, configuration: (p) => p.items.map(() => settings) });
  });
  after(() => client?.kill());

  const pull = (uri: string, previousResultId?: string) =>
    client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, identifier: 'lanzarote', previousResultId });

  test('initialize announces a diagnostic provider', () => {
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, { identifier: 'lanzarote', interFileDependencies: false, workspaceDiagnostics: false });
  });

  test('a pull returns the full report, then "unchanged" until the document or the settings change', async () => {
    const uri = 'file:///drafts/pull.txt';
    await client.open(uri, DRAFT);
    const first = (await pull(uri)) as FullDocumentDiagnosticReport;
    assert.equal(first.kind, 'full');
    const lines = DRAFT.split('\n');
    const at = (line: number, word: string) => [line, lines[line].indexOf(word), lines[line].indexOf(word) + word.length];
    assert.deepEqual(terms(first.items).map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]), [
      ['term/csam', ...at(1, 'pédopornographique')],
      ['term/csam', ...at(3, 'child pornography')],
      ['term/csam', ...at(4, 'child pornography')],
    ]);
    assert.equal((terms(first.items)[0].data as { version: number }).version, 1);
    const same = await pull(uri, first.resultId);
    assert.deepEqual(same, { kind: 'unchanged', resultId: first.resultId });

    await client.change(uri, [{ range: { start: { line: 4, character: 43 }, end: { line: 4, character: 60 } }, text: 'child sexual abuse material' }]);
    const second = (await pull(uri, first.resultId)) as FullDocumentDiagnosticReport;
    assert.equal(second.kind, 'full');
    assert.notEqual(second.resultId, first.resultId);
    assert.equal(terms(second.items).length, 2);

    // Settings change: the server asks the client to pull again, and the next pull is full.
    const refreshes = client.refreshRequests;
    settings = { severity: { 'II-1': 'warning' } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await waitFor(() => client.refreshRequests > refreshes || undefined, 5000, 'workspace/diagnostic/refresh');
    const third = (await pull(uri, second.resultId)) as FullDocumentDiagnosticReport;
    assert.equal(third.kind, 'full');
    assert.deepEqual(terms(third.items).map((d) => d.severity), [2, 2]);
    assert.equal(client.diagnostics.size, 0, 'no push notifications in the pull model');
  });

  test('code actions name the version they were computed from', async () => {
    const uri = 'file:///drafts/pull.txt';
    const report = (await pull(uri)) as FullDocumentDiagnosticReport;
    const d = terms(report.items)[1];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const edit = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(edit.textDocument, { uri, version: 2 });
    assert.ok(await client.applyEdit(actions[0].edit!));
    const after = (await pull(uri)) as FullDocumentDiagnosticReport;
    assert.deepEqual(terms(after.items).map((i) => i.range.start.line), [1]);
  });

  test('an unknown document gets an empty report, not an error', async () => {
    const report = (await pull('file:///drafts/never-opened.txt')) as FullDocumentDiagnosticReport;
    assert.deepEqual(report, { kind: 'full', items: [] });
  });

  test('shutdown and exit', async () => {
    assert.equal(await client.stop(), 0);
  });
});

describe('a client without versioned document changes', () => {
  test('gets plain `changes` edits', async () => {
    const client = await LspClient.start({ documentChanges: false });
    try {
      const uri = 'file:///drafts/changes.txt';
      await client.open(uri, 'Possession of child pornography.\n');
      const [d] = terms(await client.diagnosticsFor(uri));
      const [fix] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      assert.deepEqual(fix.edit, { changes: { [uri]: [{ range: d.range, newText: 'child sexual abuse material' }] } });
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });
});
