/**
 * The language server over stdio, as any editor talks to it: push diagnostics with versions,
 * exact UTF-16 ranges, hovers, code actions whose edits re-check clean, incremental changes,
 * settings from workspace/configuration, fix-all, silencing directives, symbols and folding.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, Hover, MarkupContent, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { CONVENTION_SOURCE, URGENCIES, recommendation } from '../../server/src/core/recommendations';
import { LspClient, textAt, waitFor } from './lspClient';
import { generate } from '../../bench/generate';

const EOL = '\r\n';
/** A common-law bill with CRLF line endings and astral characters before a term. */
const BILL = [
  'CRIMES (CHILD PROTECTION) AMENDMENT BILL 2025', // 0
  '', // 1
  'Section 160A — Possession of child pornography', // 2
  '(1) A person who possesses 𝔸𝔹 child pornography commits an offence.', // 3
  '(2) This section gives effect to Article 20(1)(e) of the Convention and to Recommendation II-6.', // 4
  '(3) Nothing in this section affects the Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography.', // 5
  '', // 6
  'Section 160B — Sextortion of a child', // 7
  '    (1) A person who commits sextortion against a child commits an offence.', // 8
].join(EOL) + EOL;

const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const hoverText = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value ?? '';
/** Terminology findings; compliance findings (whole provisions) are tested on their own. */
const terms = (d: Diagnostic[]) => d.filter((x) => String(x.code).startsWith('term/'));

describe('language server over stdio (push diagnostics)', () => {
  let client: LspClient;
  let settings: Record<string, unknown> = {};

  before(async () => {
    client = await LspClient.start({ configuration: (p) => p.items.map(() => settings) });
  });
  after(() => client?.kill());

  test('initialize announces the capabilities and no pull diagnostics to a client without them', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal(caps.diagnosticProvider, undefined);
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.lanzarote'] });
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.foldingRangeProvider, true);
    assert.deepEqual(caps.executeCommandProvider, { commands: ['lanzarote.showRecommendation'] });
    assert.equal(client.initializeResult.serverInfo?.name, 'lanzarote-language-server');
  });

  test('didOpen publishes diagnostics for that version, with exact UTF-16 ranges over CRLF and astral characters', async () => {
    const uri = 'file:///drafts/crimes-bill.txt';
    const doc = await client.open(uri, BILL, 'plaintext', 7);
    const diags = terms(await client.diagnosticsFor(uri));
    assert.equal(client.diagnostics.get(uri)?.version, 7);
    assert.deepEqual(
      diags.map((d) => [d.code, d.range, textAt(doc, d)]),
      [
        ['term/csam', range(2, 29, 2, 46), 'child pornography'],
        // 𝔸𝔹 are two UTF-16 code units each: the term starts at character 32, not 30.
        ['term/csam', range(3, 32, 3, 49), 'child pornography'],
        ['term/prostitution', range(5, 128, 5, 146), 'child prostitution'],
        ['term/csam', range(5, 151, 5, 168), 'child pornography'],
        ['term/sextortion', range(7, 15, 7, 25), 'Sextortion'],
        ['term/sextortion', range(8, 29, 8, 39), 'sextortion'],
      ],
    );
    const first = diags[1];
    assert.equal(first.source, 'Lanzarote');
    assert.equal(first.severity, 3, 'Invite → Information');
    assert.match(String(first.message), /Recommendation II-1, Invite/);
    assert.equal(first.codeDescription?.href, recommendation('II-1')!.source.url);
    assert.deepEqual(first.data, { version: 7, check: 'II-1', quoted: false, fixable: true });
    // The title of the Optional Protocol is quoted: reported as information, flagged as quoted, no fix.
    assert.equal((diags[3].data as { quoted: boolean }).quoted, true);
    assert.equal(diags[3].severity, 3);
    await client.close(uri);
  });

  test('hover over a term: the recommendation, its urgency and meaning, the wording verbatim and the source', async () => {
    const uri = 'file:///drafts/hover.txt';
    await client.open(uri, BILL);
    await client.diagnosticsFor(uri);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 40 } });
    const text = hoverText(hover);
    const rec = recommendation('II-1')!;
    assert.deepEqual(hover.range, range(3, 32, 3, 49));
    assert.match(text, /\*\*“child pornography”\*\*/);
    assert.match(text, /Preferred wording: \*\*“child sexual abuse material”\*\*/);
    assert.match(text, /Also to consider: “child sexual exploitation material”/);
    assert.match(text, /\*\*Recommendation II-1\*\* · Invite/);
    assert.ok(text.includes(`**Invite**: ${URGENCIES.invite.meaning.replace(/;$/, '')}`), 'urgency meaning quoted verbatim');
    assert.ok(text.includes(`> ${rec.lead}`), 'lead quoted');
    assert.ok(text.includes(`> ${rec.wording[0]}`), 'wording quoted verbatim');
    assert.ok(text.includes(`(${rec.source.url})`), 'link to the official source');
    assert.match(text, /Lanzarote Convention: Article 20/);
    await client.close(uri);
  });

  test('hover over "Article 20(1)(e) of the Convention" quotes the point verbatim with its paragraph', async () => {
    const uri = 'file:///drafts/hover-article.txt';
    await client.open(uri, BILL);
    await client.diagnosticsFor(uri);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 40 } });
    const text = hoverText(hover);
    const start = BILL.split(EOL)[4].indexOf('Article 20(1)(e)');
    assert.deepEqual(hover.range, range(4, start, 4, start + 'Article 20(1)(e) of the Convention'.length));
    assert.match(text, /^\*\*Article 20\(1\)\(e\) of the Lanzarote Convention\*\* — Offences concerning child pornography/);
    assert.ok(text.includes('> 1. Each Party shall take the necessary legislative or other measures to ensure that the following intentional conduct, when committed without right, is criminalised:'));
    assert.ok(text.includes('> e) possessing child pornography;'));
    assert.ok(!text.includes('a) producing child pornography;'), 'only the point referred to');
    assert.match(text, /Recommendation II-6 \(Request\)/);
    assert.ok(text.includes(`(${CONVENTION_SOURCE.url})`));
  });

  test('hover over "Recommendation II-6" explains the recommendation and what "Request" means', async () => {
    const uri = 'file:///drafts/hover-article.txt';
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 85 } });
    const text = hoverText(hover);
    const rec = recommendation('II-6')!;
    assert.match(text, /^\*\*Recommendation II-6\*\* · Request/);
    assert.ok(text.includes(`**Request**: ${URGENCIES.request.meaning}`));
    for (const w of rec.wording.slice(1)) assert.ok(text.includes(`> - ${w}`), `bullet ${w}`);
    assert.match(text, /Article 20\(1\)\(a\), Article 20\(1\)\(e\)/);
    const none = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.equal(none, null);
    await client.close(uri);
  });

  test('quick fixes: the safe fix is preferred, applies cleanly and the term is gone in the next version', async () => {
    const uri = 'file:///drafts/quickfix.txt';
    await client.open(uri, BILL);
    const diags = terms(await client.diagnosticsFor(uri));
    const target = diags.find((d) => d.range.start.line === 3)!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, !!a.isPreferred]),
      [
        ['Replace “child pornography” with “child sexual abuse material”', 'quickfix', true],
        ['Fix all “term/csam” problems in this document', 'quickfix', false],
        ['Silence Recommendation II-1 on this line', 'quickfix', false],
        ['Show Recommendation II-1', 'quickfix', false],
      ],
    );
    assert.deepEqual(actions[3].command, { title: 'Show Recommendation II-1', command: 'lanzarote.showRecommendation', arguments: ['II-1'] });
    const edit = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(edit.textDocument, { uri, version: 1 });
    assert.deepEqual(edit.edits, [{ range: range(3, 32, 3, 49), newText: 'child sexual abuse material' }]);

    assert.ok(await client.applyEdit(actions[0].edit!));
    const doc = client.documents.get(uri)!;
    assert.equal(doc.getText().split(EOL)[3], '(1) A person who possesses 𝔸𝔹 child sexual abuse material commits an offence.');
    const after = terms(await client.diagnosticsFor(uri));
    assert.equal(after.length, diags.length - 1);
    assert.ok(!after.some((d) => d.range.start.line === 3));

    // "Fix all term/csam" fixes the heading and leaves the quoted title alone.
    const heading = after.find((d) => d.range.start.line === 2)!;
    const more = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: heading.range, context: { diagnostics: [heading] } });
    assert.ok(!more.some((a) => a.title.startsWith('Fix all')), 'one fixable csam finding left: no "fix all"');
    await client.close(uri);
  });

  test('compliance findings: Article 20 checks link to the Convention, a provision that misses several gets a compact hover, model clauses can be inserted', async () => {
    const uri = 'file:///drafts/compliance.txt';
    await client.open(uri, BILL);
    const diags = await client.diagnosticsFor(uri);
    const article = diags.find((d) => (d.data as { check: string }).check.startsWith('Art. 20(1)('));
    assert.ok(article, 'an Article 20(1) finding');
    assert.equal(article.codeDescription?.href, CONVENTION_SOURCE.url);
    assert.equal(article.severity, 1, 'the Convention itself: Require → Error');
    assert.match(String(article.message), /of the Lanzarote Convention, Require\)/);

    // Line 3 is the offence; hovering its number (not the term) summarises every check there.
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 1 } });
    const onLine3 = diags.filter((d) => d.range.start.line === 3 && !String(d.code).startsWith('term/'));
    assert.ok(onLine3.length > 2);
    for (const d of onLine3) {
      const check = (d.data as { check: string }).check;
      const label = check.startsWith('II-') ? `Recommendation ${check}` : `Article ${check.slice(5)}`;
      assert.ok(hoverText(hover).includes(`- **${label}** · `), `${label} in the summary`);
    }

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: onLine3[0].range, context: { diagnostics: onLine3 } });
    const clause = actions.find((a) => a.title.startsWith('Insert model clause: '));
    assert.ok(clause, `a model clause among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(!clause.isPreferred);
    assert.ok(await client.applyEdit(clause.edit!));
    await client.close(uri);
  });

  test('an edit computed for one version is refused by an editor that has moved on', async () => {
    const uri = 'file:///drafts/stale.txt';
    await client.open(uri, BILL);
    const diags = terms(await client.diagnosticsFor(uri));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diags[1].range, context: { diagnostics: [diags[1]] } });
    await client.change(uri, [{ range: range(0, 0, 0, 0), text: 'DRAFT ' }]);
    assert.equal(await client.applyEdit(actions[0].edit!), false);
    await client.close(uri);
  });

  test('incremental didChange: ranges move with the text and the new version is published', async () => {
    const uri = 'file:///drafts/incremental.txt';
    await client.open(uri, BILL);
    await client.diagnosticsFor(uri);
    // Insert a line above Section 160A and type a new term into line 0, in two changes of one notification.
    await client.change(uri, [
      { range: range(2, 0, 2, 0), text: `Section 160 — Interpretation${EOL}` },
      { range: range(0, 0, 0, 0), text: 'Kiddy porn: ' },
    ]);
    const diags = terms(await client.diagnosticsFor(uri));
    assert.equal(client.diagnostics.get(uri)!.version, 2);
    assert.deepEqual(diags[0].range, range(0, 0, 0, 10));
    assert.equal(textAt(client.documents.get(uri)!, diags[0]), 'Kiddy porn');
    assert.deepEqual(diags[2].range, range(4, 32, 4, 49), 'line 3 moved to line 4');
    await client.close(uri);
  });

  test('fix-all (source.fixAll.lanzarote) applies every safe fix, never inside quotations, and is idempotent', async () => {
    const uri = 'file:///drafts/fixall.txt';
    await client.open(uri, BILL);
    await client.diagnosticsFor(uri);
    const ask = () => client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: range(0, 0, 0, 0),
      context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 },
    });
    const actions = await ask();
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.lanzarote');
    assert.ok(await client.applyEdit(actions[0].edit!));
    const lines = client.documents.get(uri)!.getText().split(EOL);
    assert.equal(lines[2], 'Section 160A — Possession of child sexual abuse material');
    assert.equal(lines[3], '(1) A person who possesses 𝔸𝔹 child sexual abuse material commits an offence.');
    assert.equal(lines[5], BILL.split(EOL)[5], 'the quoted title of the Optional Protocol is kept');
    assert.equal(lines[7], 'Section 160B — Sexual extortion of a child');
    assert.equal(lines[8], '    (1) A person who commits sexual extortion against a child commits an offence.');
    const left = terms(await client.diagnosticsFor(uri));
    assert.deepEqual(left.map((d) => (d.data as { quoted: boolean }).quoted), [true, true]);
    assert.deepEqual(await ask(), [], 'nothing left to fix');
    // Without `only`, source actions are not offered with the quick fixes.
    const plain = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: left[0].range, context: { diagnostics: left } });
    assert.ok(plain.every((a) => a.kind === 'quickfix'));
    await client.close(uri);
  });

  test('silencing a recommendation inserts a directive above the line, with its indentation, and the finding goes', async () => {
    const uri = 'file:///drafts/silence.txt';
    await client.open(uri, BILL);
    const diags = terms(await client.diagnosticsFor(uri));
    const target = diags.find((d) => d.range.start.line === 8)!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } });
    const silence = actions.find((a) => a.title === 'Silence Recommendation II-11 on this line')!;
    const edit = silence.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(edit.edits, [{ range: range(8, 0, 8, 0), newText: `    lanzarote-disable-next-line II-11 -- reason: …${EOL}` }]);
    assert.ok(await client.applyEdit(silence.edit!));
    const after = await client.diagnosticsFor(uri);
    assert.equal(terms(after).length, diags.length - 1);
    assert.ok(!after.some((d) => d.range.start.line === 9), 'the term and the II-11 compliance finding on that line are both silenced');
    await client.close(uri);

    // In a legal draft the directive is an HTML comment (as in Markdown).
    const draft = 'file:///drafts/silence.draft';
    await client.open(draft, 'Article 3\n  (b) offers or makes available child pornography;\n', 'legal-draft');
    const [d] = terms(await client.diagnosticsFor(draft));
    const draftActions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: draft }, range: d.range, context: { diagnostics: [d] } });
    const silenceDraft = draftActions.find((a) => a.title.startsWith('Silence'))!;
    assert.deepEqual(((silenceDraft.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as TextEdit).newText, '  <!-- lanzarote-disable-next-line II-1 -- reason: … -->\n');
    await client.close(draft);
  });

  test('suggestions without a safe rewrite replace the term only and are never preferred', async () => {
    const uri = 'file:///drafts/suggest.txt';
    await client.open(uri, 'Guidance on sexting shall be issued to schools.\n');
    const [d] = terms(await client.diagnosticsFor(uri));
    assert.equal(d.code, 'term/sexting');
    assert.equal(d.severity, 4, 'a hint');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const suggestion = actions[0];
    assert.equal(suggestion.title, 'Replace with “sharing of self-generated sexual images and/or videos between children” (check the grammar)');
    assert.ok(!suggestion.isPreferred);
    assert.deepEqual((suggestion.edit!.documentChanges![0] as TextDocumentEdit).edits, [{ range: d.range, newText: 'sharing of self-generated sexual images and/or videos between children' }]);
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [], only: ['source.fixAll.lanzarote'] } });
    assert.deepEqual(fixAll, [], 'suggestions are never part of fix-all');
    await client.close(uri);
  });

  test('typing fast: each keystroke gets its terminology at once, full analyses made stale are dropped', async () => {
    const uri = 'file:///drafts/typing.txt';
    await client.open(uri, BILL);
    await client.diagnosticsFor(uri);
    const before = client.published.length;
    const word = ' child porn';
    for (let i = 0; i < word.length; i++) {
      await client.change(uri, [{ range: range(0, 45 + i, 0, 45 + i), text: word[i] }]);
    }
    const diags = terms(await client.diagnosticsFor(uri));
    assert.equal(client.diagnostics.get(uri)!.version, 1 + word.length);
    assert.deepEqual(diags[0].range, range(0, 46, 0, 56), 'the term typed last');
    const publishes = client.published.slice(before).filter((p) => p.uri === uri);
    // One publication per keystroke (its terminology, read again around the edit), and the full
    // analysis once the typing stops: never one per keystroke on top.
    assert.ok(publishes.length <= word.length + 2, `${publishes.length} publications for ${word.length} keystrokes`);
    assert.ok(publishes.every((p, i) => i === 0 || p.version! >= publishes[i - 1].version!), 'never an older version after a newer one');
    await client.close(uri);
  });

  test('the terminology published at each keystroke is the full analysis of that version', async () => {
    const uri = 'file:///drafts/keystrokes.txt';
    const text = generate(48 * 1024, 3);
    await client.open(uri, text);
    await client.diagnosticsFor(uri);
    const lines = text.split('\n');
    const edits: [number, number, string][] = [[40, 10, 'child porn'], [40, 20, 'ography '], [200, 0, '"'], [201, 3, ''], [7, 0, '\n\n'], [620, 5, 'kiddy porn']];
    for (const [k, [line0, character, typed]] of edits.entries()) {
      const line = Math.min(line0, lines.length - 1);
      const doc = await client.change(uri, [{ range: range(line, character, line, character), text: typed }]);
      const first = await waitFor(() => client.published.find((p) => p.uri === uri && p.version === doc.version), 10000, `diagnostics of version ${doc.version}`);
      const fresh = `file:///drafts/keystrokes-${k}.txt`;
      await client.open(fresh, doc.getText());
      const expected = terms(await client.diagnosticsFor(fresh));
      assert.deepEqual(terms(first.diagnostics).map((d) => ({ ...d, data: { ...d.data, version: 1 } })), expected, `after typing ${JSON.stringify(typed)}`);
      await client.close(fresh);
    }
    await client.close(uri);
  });

  test('"Show Recommendation" in an editor without the VS Code client opens the official text', async () => {
    await client.request('workspace/executeCommand', { command: 'lanzarote.showRecommendation', arguments: ['II-6'] });
    assert.deepEqual(client.shownDocuments.at(-1), { uri: recommendation('II-6')!.source.url, external: true });
  });

  test('workspace/configuration: a severity override applies once the settings change', async () => {
    const uri = 'file:///drafts/settings.txt';
    await client.open(uri, BILL);
    const before = terms(await client.diagnosticsFor(uri));
    assert.equal(before[0].severity, 3);
    settings = { severity: { 'II-1': 'error', 'II-11': 'off' }, documentTypes: ['markdown'] };
    client.diagnostics.delete(uri);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const after = await client.diagnosticsFor(uri);
    assert.ok(!after.some((d) => (d.data as { check: string }).check === 'II-11'), 'II-11 is off, compliance findings included');
    assert.deepEqual(terms(after).map((d) => [d.code, d.severity]), [
      ['term/csam', 1],
      ['term/csam', 1],
      ['term/prostitution', 3], // quoted: information at most
      ['term/csam', 3],
    ]);
    // An invalid value is reported once and ignored; the rest still applies.
    settings = { severity: { 'II-13': 'error', 'II-1': 'warning' } };
    client.diagnostics.delete(uri);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const again = terms(await client.diagnosticsFor(uri));
    assert.equal(again[0].severity, 2);
    await waitFor(() => client.messages.find((m) => String(m.message).includes('severity.II-13')), 5000, 'a warning about II-13');
    client.diagnostics.delete(uri);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.diagnosticsFor(uri);
    assert.equal(client.messages.filter((m) => m.message.includes('severity.II-13')).length, 1, 'reported once');
    settings = {};
    await client.close(uri);
  });

  test('a document over maxFileSize is announced, not analysed', async () => {
    settings = { maxFileSize: 2048 };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const uri = 'file:///drafts/huge.txt';
    await client.open(uri, `Huge draft\n${'child pornography\n'.repeat(200)}`);
    const diags = await client.diagnosticsFor(uri);
    assert.equal(diags.length, 1);
    assert.deepEqual(diags[0].range, range(0, 0, 0, 10));
    assert.equal(diags[0].severity, 3);
    assert.equal(diags[0].code, 'file/too-large');
    assert.match(String(diags[0].message), /^Not analysed: the file is 3\.5 KiB and the limit \(maxFileSize\) is 2\.0 KiB\.$/);
    settings = {};
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.close(uri);
  });

  test('directives with an unknown id are reported, and offer neither silencing nor a page', async () => {
    const uri = 'file:///drafts/directive.txt';
    await client.open(uri, 'lanzarote-disable-next-line II-13 -- typo\nA person who possesses child pornography commits an offence.\n');
    const diags = await client.diagnosticsFor(uri);
    const unknown = diags.find((d) => d.code === 'directive/unknown-id')!;
    assert.deepEqual(unknown.range, range(0, 28, 0, 33));
    assert.equal(unknown.codeDescription, undefined);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown] } });
    assert.deepEqual(actions, []);
    await client.close(uri);
  });

  test('document symbols and folding ranges follow the provisions', async () => {
    const uri = 'file:///drafts/outline.txt';
    await client.open(uri, BILL);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = (s: DocumentSymbol[]): unknown[] => s.map((x) => (x.children?.length ? [x.name, x.detail, names(x.children)] : [x.name, x.detail]));
    assert.deepEqual(names(symbols), [
      ['Section 160A', 'Possession of child pornography', [['(1)', undefined], ['(2)', undefined], ['(3)', undefined]]],
      ['Section 160B', 'Sextortion of a child', [['(1)', undefined]]],
    ]);
    assert.deepEqual(symbols[0].range, range(2, 0, 5, BILL.split(EOL)[5].length));
    assert.deepEqual(symbols[0].selectionRange, range(2, 0, 2, BILL.split(EOL)[2].length));
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(folds.map((f) => [f.startLine, f.endLine]), [[2, 5], [7, 8]]);
    await client.close(uri);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = 'file:///drafts/close.txt';
    await client.open(uri, BILL);
    await client.diagnosticsFor(uri);
    await client.close(uri);
    await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 0);
  });

  test('custom requests: the recommendations and the page of one', async () => {
    const list = await client.request<{ id: string; urgency: string }[]>('lanzarote/recommendations');
    assert.deepEqual(list.map((r) => r.id), Array.from({ length: 12 }, (_, i) => `II-${i + 1}`));
    assert.equal(list[4].urgency, 'Require');
    const page = await client.request<{ title: string; markdown: string; url: string }>('lanzarote/explain', { check: 'ii-5' });
    assert.equal(page.title, 'Recommendation II-5');
    assert.match(page.markdown, /^# Recommendation II-5 — /);
    assert.ok(page.markdown.includes('### Article 18(2) — Sexual abuse'));
    const article = await client.request<{ title: string; url: string }>('lanzarote/explain', { check: 'Art. 20(1)(f)' });
    assert.deepEqual([article.title, article.url], ['Article 20(1)(f)', CONVENTION_SOURCE.url]);
    assert.equal(await client.request('lanzarote/explain', { check: 'II-13' }), null);
  });

  test('shutdown and exit end the server with code 0', async () => {
    assert.equal(await client.stop(), 0);
  });
});

describe('language server in French', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ locale: 'fr-FR' });
  });
  after(() => client?.kill());

  test('messages, hovers and code actions follow InitializeParams.locale', async () => {
    const uri = 'file:///projets/article-227-23.txt';
    const text = [
      'Article 227-23',
      'Le fait de détenir de la pornographie enfantine est puni de cinq ans d’emprisonnement.',
      'L’article 20, paragraphe 1, e) de la Convention de Lanzarote vise la « pédopornographie ».',
    ].join('\n') + '\n';
    await client.open(uri, text);
    const diags: Diagnostic[] = terms(await client.diagnosticsFor(uri));
    assert.match(String(diags[0].message), /^« pornographie enfantine » est une terminologie dépassée : employer « matériel d’abus sexuel d’enfants » \(Recommandation II-1, Invitation\)\.$/);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 35 } });
    assert.match(hoverText(hover), /\*\*Recommandation II-1\*\* · Invitation/);
    assert.match(hoverText(hover), /\*\*Invitation\*\* \(\*Invite\*\): when the steps recommended/);
    const article = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 10 } });
    assert.match(hoverText(article), /^\*\*Article 20\(1\)\(e\) de la Convention de Lanzarote\*\*/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diags[0].range, context: { diagnostics: [diags[0]] } });
    assert.equal(actions[0].title, 'Remplacer « de la pornographie enfantine » par « du matériel d’abus sexuel d’enfants »');
    assert.ok(actions.some((a) => a.title === 'Ignorer sur cette ligne : Recommandation II-1'));
    assert.equal(await client.stop(), 0);
  });
});
