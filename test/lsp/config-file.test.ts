/**
 * Settings from the project's `.lanzarote.json`, under the editor's own settings: invalid values
 * reported once and ignored, a changed file picked up through workspace/didChangeWatchedFiles,
 * and restricted reading in an untrusted workspace.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, LspClient, waitFor } from './lspClient';

const termSeverities = (d: Diagnostic[]) => d.filter((x) => String(x.code).startsWith('term/')).map((x) => x.severity);

const BILL = [
  'Section 160A — Possession of child pornography',
  '(1) A person who possesses child pornography commits an offence.',
].join('\n') + '\n';

let workspace: string;
before(() => {
  workspace = mkdtempSync(path.join(tmpdir(), 'lanzarote-lsp-'));
  mkdirSync(path.join(workspace, 'bills'));
});
after(() => rmSync(workspace, { recursive: true, force: true }));

const writeConfig = (value: unknown) => writeFileSync(path.join(workspace, '.lanzarote.json'), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
const changedConfig = (client: LspClient) =>
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(workspace, '.lanzarote.json')), type: 2 }] });

describe('.lanzarote.json in the language server', () => {
  let client: LspClient;
  let settings: Record<string, unknown> = {};
  before(async () => {
    writeConfig('{\n  // the office style\n  "severity": { "II-1": "error" },\n  "colour": "red",\n}\n');
    client = await LspClient.start({ workspaceFolders: [workspace], configuration: (p) => p.items.map(() => settings) });
  });
  after(() => client?.kill());

  test('the server watches .lanzarote.json when the client does not', async () => {
    const watch = await waitFor(() => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 5000, 'a file watcher registration');
    assert.deepEqual(watch?.registerOptions, { watchers: [{ globPattern: '**/.lanzarote.json' }] });
    assert.ok(client.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'));
  });

  test('the nearest file applies; an unknown key is reported once with its position and ignored', async () => {
    const uri = fileUri(path.join(workspace, 'bills', 'crimes.txt'));
    await client.open(uri, BILL);
    assert.deepEqual(termSeverities(await client.diagnosticsFor(uri)), [1, 1]);
    const warning = await waitFor(() => client.messages.find((m) => m.message.includes('"colour"') || m.message.includes('“colour”')), 5000, 'a warning about "colour"');
    assert.equal(warning.type, 2);
    assert.match(warning.message, /\.lanzarote\.json:4:3: “colour”: Unknown setting "colour"/);
    await client.change(uri, [{ text: `${BILL}\n` }]);
    await client.diagnosticsFor(uri);
    assert.equal(client.messages.filter((m) => m.message.includes('colour')).length, 1, 'reported once');
  });

  test('editor settings win over the file', async () => {
    const uri = fileUri(path.join(workspace, 'bills', 'crimes.txt'));
    settings = { severity: { 'II-1': 'warning' }, quotations: 'hide' };
    client.diagnostics.delete(uri);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(termSeverities(await client.diagnosticsFor(uri)), [2, 2]);
    settings = {};
    client.diagnostics.delete(uri);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(termSeverities(await client.diagnosticsFor(uri)), [1, 1]);
  });

  test('a changed file is read again when the client reports the change', async () => {
    const uri = fileUri(path.join(workspace, 'bills', 'crimes.txt'));
    writeConfig({ severity: { 'II-1': 'hint' } });
    client.diagnostics.delete(uri);
    await changedConfig(client);
    assert.deepEqual(termSeverities(await client.diagnosticsFor(uri)), [4, 4]);
  });

  test('a broken file is reported and ignored: the defaults apply, nothing crashes', async () => {
    const uri = fileUri(path.join(workspace, 'bills', 'crimes.txt'));
    writeConfig('{ "severity": { "II-1": "error" ');
    client.diagnostics.delete(uri);
    await changedConfig(client);
    assert.deepEqual(termSeverities(await client.diagnosticsFor(uri)), [3, 3]);
    await waitFor(() => client.messages.find((m) => /Invalid JSON/.test(m.message)), 5000, 'a warning about invalid JSON');
  });

  test('shutdown', async () => {
    assert.equal(await client.stop(), 0);
  });
});

describe('an untrusted workspace', () => {
  test('uses only "severity" and "quotations" from the workspace file until trusted', async () => {
    writeConfig({ severity: { 'II-1': 'error' }, maxFileSize: 1024, languages: ['fr'] });
    const client = await LspClient.start({ workspaceFolders: [workspace], initializationOptions: { workspaceTrusted: false } });
    try {
      const uri = fileUri(path.join(workspace, 'bills', 'long.txt'));
      const text = `${BILL}${'(2) This subsection is long enough to pass the file size limit of the workspace file.\n'.repeat(20)}`;
      await client.open(uri, text);
      const diags = await client.diagnosticsFor(uri);
      // maxFileSize and languages of the workspace file are ignored; severity applies.
      assert.deepEqual(diags.filter((d) => String(d.code).startsWith('term/')).map((d) => [d.code, d.severity]), [['term/csam', 1], ['term/csam', 1]]);
      await waitFor(() => client.messages.find((m) => /not trusted/.test(m.message)), 5000, 'a notice about the untrusted workspace');

      client.diagnostics.delete(uri);
      await client.notify('lanzarote/didChangeWorkspaceTrust', { trusted: true });
      const trusted = await client.diagnosticsFor(uri);
      assert.deepEqual(trusted.map((d) => d.code), ['file/too-large']);
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });
});
