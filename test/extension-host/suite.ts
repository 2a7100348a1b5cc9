/**
 * Tests that run inside a real VS Code extension host (Electron via @vscode/test-electron, or the
 * remote extension host of code-server). They assume only a workspace folder holding a draft with
 * at least one deprecated term; the draft is found, never created.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'lanzarote-tools.lanzarote-drafting-assistant';
const DRAFT_GLOB = '**/*.{draft,bill,txt,md}';
const TERMS = /child porn|kiddy porn|pornographie enfantine|pédopornograph|sextortion|Kinderporn/i;

/** Poll until `probe` returns a value, or fail after `timeoutMs`. */
async function poll<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The first draft of the first workspace folder that uses a deprecated term. */
async function findDraft(): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  const named = process.env.LANZAROTE_TEST_DRAFT;
  if (named) return vscode.Uri.joinPath(folder.uri, named);
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, DRAFT_GLOB), '**/node_modules/**', 50);
  // Legal drafts first, then plain text, then Markdown: the order of the extension's own types.
  const rank = (u: vscode.Uri) => ['.draft', '.bill', '.txt', '.md'].findIndex((e) => u.path.endsWith(e));
  files.sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
  for (const uri of files) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    if (TERMS.test(text)) return uri;
  }
  throw new Error(`No draft with a deprecated term in ${folder.uri.fsPath} (looked for ${DRAFT_GLOB})`);
}

const lanzarote = (d: vscode.Diagnostic) => d.source === 'Lanzarote';
/** A term, not a compliance finding on the whole provision around it. */
const isTerm = (d: vscode.Diagnostic) => /^term\//.test(String((d.code as { value: string } | undefined)?.value ?? d.code));

type Define = (name: string, fn: () => Promise<void>) => void;

/** Declared through mocha's TDD interface, handed in by index.ts. */
export function defineSuite(suite: (name: string, fn: () => void) => void, test: Define, suiteTeardown: (fn: () => Promise<void>) => void): void {
  suite('Lanzarote Drafting Assistant in VS Code', () => {
    let uri: vscode.Uri;
    let document: vscode.TextDocument;
    let first: vscode.Diagnostic;

    suiteTeardown(async () => {
      // Leave the draft as it was found: revert the quick fix, never save it.
      if (document?.isDirty) {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    });

    test('opening a draft activates the extension', async () => {
      uri = await findDraft();
      document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is installed`);
      await poll(() => (extension.isActive ? true : undefined), 30000, 'activation');
    });

    test('diagnostics appear, name their recommendation and link to the official text', async () => {
      const diagnostics = await poll(() => {
        const d = vscode.languages.getDiagnostics(uri).filter(lanzarote);
        return d.length ? d : undefined;
      }, 60000, `Lanzarote diagnostics on ${uri.fsPath}`);
      first = diagnostics.find((d) => isTerm(d) && TERMS.test(document.getText(d.range))) ?? diagnostics.find(isTerm) ?? diagnostics[0];
      assert.match(first.message, /(Recommendation|Recommandation) II-\d+/);
      const code = first.code as { value: string; target: vscode.Uri };
      assert.match(code.value, /^term\//);
      assert.match(code.target.toString(), /^https:\/\/www\.coe\.int\//);
    });

    test('hover explains the recommendation and quotes it', async () => {
      const position = first.range.start.translate(0, 1);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /\*\*(Recommendation|Recommandation) II-\d+\*\* · /);
      assert.match(text, /\n> The Committee (invites|requests|requires) Parties/);
    });

    test('the preferred quick fix rewrites the term and the finding goes', async () => {
      const diagnostics = vscode.languages.getDiagnostics(uri).filter(lanzarote);
      const before = diagnostics.length;
      // Terms in quoted text (a cited title, a quoted article) are kept on purpose and have no
      // rewrite: take the first term whose preferred quick fix exists, as a drafter would.
      const terms = diagnostics.filter((d) => isTerm(d) && TERMS.test(document.getText(d.range)));
      let target: vscode.Diagnostic | undefined;
      let actions: vscode.CodeAction[] = [];
      for (const d of terms) {
        actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
        if (actions.some((a) => a.isPreferred && a.edit)) {
          target = d;
          break;
        }
      }
      assert.ok(target, `a preferred quick fix on one of ${terms.length} deprecated terms`);
      const fix = actions.find((a) => a.isPreferred && a.edit)!;
      assert.ok(actions.some((a) => a.command?.command === 'lanzarote.showRecommendation'), `"Show Recommendation" among: ${actions.map((a) => a.title).join(' | ')}`);
      const original = document.getText(target.range);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      assert.notEqual(document.getText(target.range), original);
      await poll(() => (vscode.languages.getDiagnostics(uri).filter(lanzarote).length < before ? true : undefined), 30000, 'one diagnostic fewer');
    });

    test('"Show Recommendation" opens the read-only page the server writes', async () => {
      await vscode.commands.executeCommand('lanzarote.showRecommendation', 'II-6');
      const page = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'lanzarote-recommendation', path: '/II-6.md' }));
      assert.match(page.getText(), /^# Recommendation II-6 — /);
      assert.match(page.getText(), /> e\) possessing child pornography;/);
    });
  });
}
