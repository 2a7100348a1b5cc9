/**
 * One draft, four formats: the Child Protection (Online Abuse) Bill as plain text, Markdown, Akoma
 * Ntoso and Word. The CLI and the language server must find the same things in each, point at the
 * term itself in each file, and give the same checklist.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { runCli } from '../helpers/cli';
import { fileUri, LspClient } from '../lsp/lspClient';
import { FIXTURES, fixture, makeDocx, plainWords, sliceByCodePoints } from './helpers';

const FORMATS = [
  { file: 'bill.txt', languageId: 'plaintext' },
  { file: 'bill.md', languageId: 'markdown' },
  { file: 'bill.akn', languageId: 'xml' },
] as const;

interface JsonFinding { ruleId: string; line: number; column: number; endLine: number; endColumn: number; quoted: boolean; fix?: { text: string } }
interface JsonFile { file: string; findings: JsonFinding[] }
interface ReportJson { recommendations: { id: string; status: string }[]; convention: { id: string; status: string }[] }

/** What a finding flags, comparable across formats: the term itself, or the first words of the provision. */
function flagged(text: string, f: { line: number; column: number; endLine: number; endColumn: number; ruleId: string }): string {
  const words = plainWords(sliceByCodePoints(text, f.line, f.column, f.endLine, f.endColumn));
  return f.ruleId.startsWith('term/') ? words : words.slice(0, 40);
}

async function cliFindings(): Promise<Map<string, JsonFinding[]>> {
  const r = await runCli(['--format', 'json', '--fail-on', 'never', ...FORMATS.map((f) => path.join(FIXTURES, f.file))]);
  assert.equal(r.code, 0, r.stderr);
  const files: JsonFile[] = JSON.parse(r.stdout);
  return new Map(files.map((f) => [path.basename(f.file), f.findings]));
}

async function reportStatuses(file: string): Promise<string[]> {
  const r = await runCli(['report', '--format', 'json', file]);
  assert.equal(r.code, 0, r.stderr);
  const report: ReportJson = JSON.parse(r.stdout);
  return [...report.recommendations, ...report.convention].map((e) => `${e.id}:${e.status}`);
}

describe('the same draft as plain text, Markdown, Akoma Ntoso and Word', () => {
  let lsp: LspClient;
  before(async () => {
    lsp = await LspClient.start();
  });
  after(async () => {
    await lsp.stop();
  });

  test('the CLI finds the same things in each format, each position on the term in its own file', async () => {
    const byFile = await cliFindings();
    const summaries = FORMATS.map(({ file }) => {
      const text = fixture(file);
      return byFile.get(file)!.map((f) => `${f.ruleId} ${f.quoted ? 'quoted' : 'own'} ${f.fix ? 'fixable' : 'no-fix'} “${flagged(text, f)}”`);
    });
    assert.ok(summaries[0].length >= 10, summaries[0].join('\n'));
    assert.deepEqual(summaries[1], summaries[0], 'Markdown = plain text');
    assert.deepEqual(summaries[2], summaries[0], 'Akoma Ntoso = plain text');

    // Every terminology finding starts and ends exactly on the term, in the XML too.
    for (const { file } of FORMATS) {
      const text = fixture(file);
      for (const f of byFile.get(file)!.filter((x) => x.ruleId.startsWith('term/'))) {
        assert.match(sliceByCodePoints(text, f.line, f.column, f.endLine, f.endColumn), /^(child pornography|sextortion)$/i, `${file}:${f.line}:${f.column}`);
      }
    }
    const quoted = byFile.get('bill.akn')!.find((f) => f.quoted)!;
    assert.equal(quoted.line, 44, 'the old wording an amendment replaces is a quotation, inside <quotedText>');
  });

  test('the language server reports the same findings as the CLI, at the same places', async () => {
    const byFile = await cliFindings();
    for (const { file, languageId } of FORMATS) {
      const uri = fileUri(path.join(FIXTURES, file));
      const doc = await lsp.open(uri, fixture(file), languageId);
      const diagnostics: Diagnostic[] = await lsp.diagnosticsFor(uri);
      const fromServer = diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`).sort();
      const fromCli = byFile.get(file)!.map((f) => `${f.ruleId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`).sort();
      assert.deepEqual(fromServer, fromCli, file);
      for (const d of diagnostics.filter((x) => String(x.code).startsWith('term/'))) {
        assert.match(doc.getText(d.range), /^(child pornography|sextortion)$/i, `${file} ${JSON.stringify(d.range)}`);
      }
      await lsp.close(uri);
    }
  });

  test('the same checklist from the CLI report, the language server and the Word version', async () => {
    const expected = await reportStatuses(path.join(FIXTURES, 'bill.txt'));
    assert.ok(expected.includes('II-1:partial') && expected.includes('Art. 20(1)(d):missing'), expected.join(' '));
    for (const { file, languageId } of FORMATS) {
      assert.deepEqual(await reportStatuses(path.join(FIXTURES, file)), expected, `report of ${file}`);
      const uri = fileUri(path.join(FIXTURES, file));
      await lsp.open(uri, fixture(file), languageId);
      await lsp.diagnosticsFor(uri);
      const checklist = await lsp.request<{ recommendations: { id: string; status: string }[]; convention: { id: string; status: string }[] }>('lanzarote/checklist', { uri });
      assert.deepEqual([...checklist.recommendations, ...checklist.convention].map((e) => `${e.id}:${e.status}`), expected, `server checklist of ${file}`);
      await lsp.close(uri);
    }

    const docx = path.join(mkdtempSync(path.join(tmpdir(), 'lanzarote-docx-')), 'bill.docx');
    makeDocx(path.join(FIXTURES, 'bill.md'), docx);
    assert.deepEqual(await reportStatuses(docx), expected, 'report of the Word version');
    const lint = await runCli(['--format', 'json', '--fail-on', 'never', docx]);
    const [word]: JsonFile[] = JSON.parse(lint.stdout);
    const terms = (findings: JsonFinding[]) => findings.filter((f) => f.ruleId.startsWith('term/')).map((f) => `${f.ruleId} ${f.quoted}`);
    assert.deepEqual(terms(word.findings), terms((await cliFindings()).get('bill.txt')!), 'the Word version flags the same terms');

    // The editor's "Check a Word Document…" asks the server for the same report.
    const fromServer = await lsp.request<{ content?: string; error?: string }>('lanzarote/reportFile', { path: docx, format: 'md' });
    const summary = (md: string) => /\*\*\d+ of 12 recommendations met[^*]*\*\*/.exec(md)?.[0];
    const cliMd = await runCli(['report', path.join(FIXTURES, 'bill.md')]);
    assert.ok(fromServer.content, fromServer.error);
    assert.match(fromServer.content, /^# Lanzarote checklist: bill\.docx/);
    assert.equal(summary(fromServer.content), summary(cliMd.stdout));
  });
});
