/**
 * The invariants a drafter relies on, checked on one random case (test/hardening/generators.ts):
 * in the analysis core (fast, in-process) and through the real language server over stdio.
 * Every violation is an InvariantError naming the invariant, so `npm run fuzz` can store it
 * with the input and the corpus test can replay it.
 */
import type { CodeAction, Diagnostic, Position, Range, TextDocumentContentChangeEvent, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../server/src/core/analyse';
import { applyEdits, safeEdits } from '../../server/src/core/fixes';
import type { Finding } from '../../server/src/core/findings';
import { sourceFor } from '../../server/src/core/formats';
import { defaultSettings } from '../../server/src/core/settings';
import { toRange } from '../../server/src/lsp/convert';
import type { LspClient } from '../lsp/lspClient';
import { EXTENSION, LANGUAGE_ID, type DraftCase, type DraftFormat, type EditOp } from './generators';

export class InvariantError extends Error {
  constructor(
    readonly invariant: string,
    message: string,
  ) {
    super(`[${invariant}] ${message}`);
  }
}

function check(condition: unknown, invariant: string, message: () => string): asserts condition {
  if (!condition) throw new InvariantError(invariant, message());
}

const FIX_ALL_KIND = 'source.fixAll.lanzarote';

// --- editing -------------------------------------------------------------------------------------

/** The change an editor would send for `op` on `doc`, and the document after it. */
export function changeFor(doc: TextDocument, op: EditOp): { change: TextDocumentContentChangeEvent; doc: TextDocument } {
  const text = doc.getText();
  let change: TextDocumentContentChangeEvent;
  if (op.mode === 'full') change = { text: op.text };
  else if (op.mode === 'raw') {
    // A position as some clients send it: past the end of a line, or on a line after the last.
    const line = op.at % (doc.lineCount + 2);
    const start: Position = { line, character: (op.at >> 4) % 120 };
    const end: Position = op.length % 3 === 0 ? { line: line + 1, character: op.length } : { line, character: start.character + op.length };
    change = { range: { start, end }, text: op.text };
  } else {
    const start = op.at % (text.length + 1);
    const end = Math.min(text.length, start + op.length);
    change = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: op.text };
  }
  // The editor's buffer: the text the change gives, indexed afresh. (TextDocument.update keeps a
  // wrong line table for a range that starts past the last line; the text itself is right.)
  const after = TextDocument.update(TextDocument.create(doc.uri, doc.languageId, doc.version, text), [change], doc.version + 1).getText();
  return { change, doc: TextDocument.create(doc.uri, doc.languageId, doc.version + 1, after) };
}

/** Every intermediate text of a case, the initial one first. */
export function textsOf(c: DraftCase): string[] {
  let doc = TextDocument.create('file:///case', 'plaintext', 1, c.text);
  const texts = [c.text];
  for (const op of c.edits) {
    doc = changeFor(doc, op).doc;
    texts.push(doc.getText());
  }
  return texts;
}

// --- the core --------------------------------------------------------------------------------------

function analyseText(text: string, format: DraftFormat) {
  return analyse(sourceFor(`file:///hardening/draft.${EXTENSION[format]}`, text, format), defaultSettings());
}

/** Core invariants over every intermediate text of the case. */
export function checkCoreCase(c: DraftCase): void {
  for (const text of textsOf(c)) checkCoreText(text, c.format);
}

export function checkCoreText(text: string, format: DraftFormat): void {
  let analysis;
  try {
    analysis = analyseText(text, format);
  } catch (e) {
    throw new InvariantError('core-no-throw', `analyse threw: ${(e as Error).stack}`);
  }
  const doc = TextDocument.create('file:///x', 'plaintext', 1, text);
  const lines = analysis.source.originalLines;
  for (const f of analysis.findings) {
    checkOffsets(text, f.range.start, f.range.end, `${f.ruleId} range`);
    if (f.fix) checkOffsets(text, f.fix.range.start, f.fix.range.end, `${f.ruleId} fix`);
    for (const e of f.evidence ?? []) checkOffsets(text, e.range.start, e.range.end, `${f.ruleId} evidence`);
    if (f.insertion) checkOffsets(text, f.insertion.at, f.insertion.at, `${f.ruleId} insertion`);
    // The protocol conversion agrees with vscode-languageserver-textdocument, unit for unit.
    const r = toRange(lines, f.range);
    const expected = { start: doc.positionAt(f.range.start), end: doc.positionAt(f.range.end) };
    check(samePos(r.start, expected.start) && samePos(r.end, expected.end), 'utf16-exact', () => `${f.ruleId} ${JSON.stringify(f.range)} → ${JSON.stringify(r)}, textdocument says ${JSON.stringify(expected)}`);
    if (f.term) checkTermText(f.message, text.slice(f.range.start, f.range.end), f.ruleId);
  }
  // The same text gives the same findings (no state leaks between analyses).
  const again = analyseText(text, format);
  check(JSON.stringify(again.findings) === JSON.stringify(analysis.findings), 'core-deterministic', () => 'a second analysis of the same text differs');
  checkCoreFixes(text, format, analysis.findings);
}

function checkOffsets(text: string, start: number, end: number, what: string): void {
  check(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length, 'range-inside', () => `${what} [${start}, ${end}) outside a text of ${text.length}`);
  check(!splitsPair(text, start) && !splitsPair(text, end), 'utf16-exact', () => `${what} [${start}, ${end}) splits a surrogate pair or a CRLF: ${JSON.stringify(text.slice(Math.max(0, start - 2), end + 2))}`);
}

/** True when `offset` falls between the halves of a surrogate pair or between \r and \n. */
function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) || (before === 13 && after === 10);
}

/** Spaces and invisible marks (bidi marks, zero-width characters, soft hyphen, BOM). */
const EDGE = /^[\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|[\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]$/u;

/**
 * A term's message quotes the very characters its range covers (line breaks shown as spaces),
 * and the range starts and ends on a visible character: a fix never deletes an invisible mark.
 */
function checkTermText(message: string, covered: string, ruleId: string): void {
  check(!EDGE.test(covered), 'term-span-visible', () => `${ruleId}: the range covers ${JSON.stringify(covered)}, with a space or an invisible mark at an end`);
  const shown = covered.replace(/-\s*[\r\n]+\s*/g, '-').replace(/\s*[\r\n]+\s*/g, ' ');
  check(message.startsWith(`“${shown}”`), 'term-text', () => `${ruleId}: the range covers ${JSON.stringify(covered)} but the message says ${JSON.stringify(message.slice(0, 80))}`);
}

/** Safe fixes touch only flagged spans (or the article before one), never a quotation, and converge in one round. */
function checkCoreFixes(text: string, format: DraftFormat, findings: Finding[]): void {
  const { output, applied } = applyEdits(text, safeEdits(findings));
  for (const e of applied) {
    const f = findings.find((x) => x.fix === e)!;
    checkFixSpan(text, e.range, f.range, f.ruleId);
    for (const q of findings.filter((x) => x.quoted)) {
      check(!(e.range.start < q.range.end && q.range.start < e.range.end), 'fix-never-quoted', () => `the fix of ${f.ruleId} at ${JSON.stringify(e.range)} edits the quoted ${JSON.stringify(text.slice(q.range.start, q.range.end))}`);
    }
  }
  if (applied.length === 0) return;
  const after = analyseText(output, format);
  // A fix that tips the detected language of a tiny bilingual draft brings another pack's
  // advice (German "sextortion" has no automatic rewrite, English has): fix-all iterates for that.
  if (after.language !== analyseText(text, format).language) return;
  const second = safeEdits(after.findings);
  check(second.length === 0, 'fix-second-round-empty', () => `after fixing, more fixes are offered: ${JSON.stringify(second.map((e) => output.slice(e.range.start, e.range.end)))} in ${JSON.stringify(output)}`);
}

/** A fix replaces the flagged span, extended at most to an article just before it on the same line. */
function checkFixSpan(text: string, fix: { start: number; end: number }, flagged: { start: number; end: number }, ruleId: string): void {
  const prefix = text.slice(fix.start, flagged.start);
  check(
    fix.end === flagged.end && fix.start <= flagged.start && prefix.length <= 24 && !/[\r\n"“”«»‘’„‹›]/.test(prefix),
    'fix-only-flagged',
    () => `the fix of ${ruleId} replaces ${JSON.stringify(text.slice(fix.start, fix.end))} [${fix.start}, ${fix.end}) for the flagged ${JSON.stringify(text.slice(flagged.start, flagged.end))} [${flagged.start}, ${flagged.end})`,
  );
}

function samePos(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

// --- the server ----------------------------------------------------------------------------------

interface DiagnosticReport {
  kind: string;
  items: Diagnostic[];
}

/**
 * Runs cases against one server started with pull diagnostics. Each case uses new document URIs,
 * so cases never see each other's state; the server's health is checked after every case.
 */
export class ServerChecker {
  #n = 0;
  /** Messages the server logged as errors. */
  readonly errors: string[] = [];

  constructor(
    readonly client: LspClient,
    readonly folder: string,
  ) {
    // Keep the level of every log message: an error logged by the server is a failure.
    client.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      client.logs.push(p.message);
      if (p.type === 1) this.errors.push(p.message);
    });
  }

  uri(format: DraftFormat, name: string): string {
    return `file://${this.folder}/${name}-${++this.#n}.${EXTENSION[format]}`;
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.client.request<DiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    check(report.kind === 'full', 'server-answers', () => `diagnostic report of kind ${report.kind}`);
    return report.items;
  }

  async checkCase(c: DraftCase): Promise<void> {
    const { client } = this;
    const errorsBefore = this.errors.length;
    const languageId = LANGUAGE_ID[c.format];

    // 1. Open, then edit incrementally; some changes are batched in one notification, and some
    //    diagnostics are asked for mid-way, as an editor does while the user types.
    const a = this.uri(c.format, 'edited');
    let doc = await client.open(a, c.text, languageId);
    let pending: TextDocumentContentChangeEvent[] = [];
    const flush = async () => {
      if (!pending.length) return;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: a, version: doc.version }, contentChanges: pending });
      pending = [];
    };
    for (const [i, op] of c.edits.entries()) {
      if (!op.batched) await flush();
      const next = changeFor(doc, op);
      pending.push(next.change);
      doc = next.doc;
      if (i % 4 === 3) {
        await flush();
        checkDiagnostics(doc, await this.diagnostics(a));
      }
    }
    await flush();
    client.documents.set(a, doc);
    const edited = await this.diagnostics(a);
    checkDiagnostics(doc, edited);

    // 2. The same text opened fresh gives the same diagnostics.
    const b = this.uri(c.format, 'fresh');
    const fresh = await client.open(b, doc.getText(), languageId);
    const freshDiagnostics = await this.diagnostics(b);
    const norm = (ds: Diagnostic[]) => JSON.stringify(ds.map(normalise));
    check(norm(edited) === norm(freshDiagnostics), 'incremental-equals-fresh', () => `after the edits:\n${diff(edited, freshDiagnostics)}`);

    // 3. Quick fixes: each replaces its flagged span only, never a quotation; applying them all
    //    leaves nothing more to fix.
    const quickFixed = await this.checkQuickFixes(a, doc, edited, c.format);

    // 4. Fix-all equals the quick fixes applied together, and a second fix-all offers nothing.
    await this.checkFixAll(b, fresh, quickFixed);

    await client.close(a);
    await client.close(b);
    await this.checkAlive(errorsBefore);
  }

  async codeActions(uri: string, doc: TextDocument, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range: Range = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
    return (await this.client.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } })) ?? [];
  }

  /** The text after every preferred quick fix, or undefined when the fixes changed the draft's detected language. */
  async checkQuickFixes(uri: string, doc: TextDocument, diagnostics: Diagnostic[], format: DraftFormat): Promise<string | undefined> {
    const text = doc.getText();
    const actions = await this.codeActions(uri, doc, diagnostics, ['quickfix']);
    const quoted = diagnostics.filter((d) => (d.data as { quoted?: boolean } | undefined)?.quoted).map((d) => offsets(doc, d.range));
    const preferred: TextEdit[] = [];
    for (const action of actions) {
      if (!action.edit) continue;
      const edits = editsOf(action.edit, uri, doc.version);
      const flagged = action.diagnostics?.[0];
      for (const e of edits) {
        const span = offsets(doc, e.range);
        const isInsertion = span.start === span.end;
        // Model clauses and silencing directives insert new lines; they never replace the draft's text.
        if (isInsertion && !action.isPreferred) continue;
        for (const q of quoted) {
          check(!(span.start < q.end && q.start < span.end), 'quickfix-never-quoted', () => `"${action.title}" edits the quoted ${JSON.stringify(text.slice(q.start, q.end))}`);
        }
        // A replacement names its diagnostic; a "fix all of this rule" action replaces flagged spans of that rule.
        const targets = flagged ? [flagged] : diagnostics.filter((d) => (d.data as { fixable?: boolean } | undefined)?.fixable);
        const target = targets.find((d) => offsets(doc, d.range).end === span.end);
        check(target, 'quickfix-only-flagged', () => `"${action.title}" replaces ${JSON.stringify(text.slice(span.start, span.end))}, which is no flagged span`);
        checkFixSpan(text, span, offsets(doc, target.range), String(target.code));
      }
      if (action.isPreferred) {
        check(flagged && (flagged.data as { fixable?: boolean } | undefined)?.fixable && !(flagged.data as { quoted?: boolean } | undefined)?.quoted, 'quickfix-only-flagged', () => `preferred "${action.title}" for a diagnostic that is not fixable`);
        preferred.push(...edits);
      }
    }
    const fixable = diagnostics.filter((d) => (d.data as { fixable?: boolean } | undefined)?.fixable);
    check(fixable.length === new Set(actions.filter((x) => x.isPreferred).map((x) => JSON.stringify(x.diagnostics?.[0]?.range))).size, 'quickfix-offered', () => `${fixable.length} fixable diagnostics but ${actions.filter((x) => x.isPreferred).length} preferred fixes`);
    if (preferred.length === 0) return text;

    // Apply them together, as "fix all of this rule" does; they must not overlap.
    const spans = preferred.map((e) => offsets(doc, e.range)).sort((x, y) => x.start - y.start);
    for (let i = 1; i < spans.length; i++) check(spans[i - 1].end <= spans[i].start, 'quickfix-disjoint', () => `two quick fixes overlap: ${JSON.stringify(spans[i - 1])} and ${JSON.stringify(spans[i])}`);
    check(await this.client.applyEdit({ documentChanges: [{ textDocument: { uri, version: doc.version }, edits: preferred }] }), 'quickfix-applies', () => 'the client refused the quick fixes (stale version)');
    const after = this.client.documents.get(uri)!;
    const second = await this.diagnostics(uri);
    checkDiagnostics(after, second);
    // As in the core: a fix that tips a tiny bilingual draft's language may bring another round.
    if (analyseText(after.getText(), format).language !== analyseText(text, format).language) return undefined;
    const again = (await this.codeActions(uri, after, second, ['quickfix'])).filter((x) => x.isPreferred);
    check(again.length === 0 && !second.some((d) => (d.data as { fixable?: boolean } | undefined)?.fixable), 'quickfix-second-round-empty', () => `after applying every quick fix, more are offered: ${again.map((x) => x.title).join('; ')} in ${JSON.stringify(after.getText())}`);
    return after.getText();
  }

  async checkFixAll(uri: string, doc: TextDocument, quickFixed: string | undefined): Promise<void> {
    const diagnostics = await this.diagnostics(uri);
    const first = await this.codeActions(uri, doc, diagnostics, [FIX_ALL_KIND]);
    const text = doc.getText();
    if (first.length === 0) {
      check(quickFixed === undefined || quickFixed === text, 'fixall-equals-quickfixes', () => 'quick fixes changed the text but fix-all offers nothing');
      return;
    }
    check(first.length === 1 && first[0].kind === FIX_ALL_KIND && first[0].edit, 'fixall-offered', () => `fix-all answered ${JSON.stringify(first)}`);
    check(await this.client.applyEdit(first[0].edit!), 'fixall-applies', () => 'the client refused the fix-all edit (stale version)');
    const after = this.client.documents.get(uri)!;
    check(quickFixed === undefined || after.getText() === quickFixed, 'fixall-equals-quickfixes', () => `fix-all gave ${JSON.stringify(after.getText())}, the quick fixes ${JSON.stringify(quickFixed)}`);
    const second = await this.codeActions(uri, after, await this.diagnostics(uri), [FIX_ALL_KIND]);
    check(second.length === 0, 'fixall-idempotent', () => `a second fix-all offers ${JSON.stringify(second[0]?.edit)}`);
  }

  /** The process is running, answers a request, and logged no error. */
  async checkAlive(errorsBefore = 0): Promise<void> {
    check(this.client.exitCode === undefined, 'server-alive', () => `the server exited with code ${this.client.exitCode}\n${this.client.stderr}`);
    await this.client.request('lanzarote/recommendations', {}, 10000).catch((e) => {
      throw new InvariantError('server-alive', `no answer: ${(e as Error).message}`);
    });
    check(this.errors.length === errorsBefore, 'server-no-error', () => `the server logged: ${this.errors.slice(errorsBefore).join('\n')}`);
  }
}

/** Every diagnostic range lies inside the document, exact in UTF-16 (no clamping needed). */
export function checkDiagnostics(doc: TextDocument, diagnostics: Diagnostic[]): void {
  const text = doc.getText();
  for (const d of diagnostics) {
    for (const p of [d.range.start, d.range.end]) {
      const back = doc.positionAt(doc.offsetAt(p));
      check(p.line >= 0 && p.character >= 0 && samePos(back, p), 'range-inside', () => `${d.code} ${JSON.stringify(d.range)} is not a position of the document (${doc.lineCount} lines; it maps back to ${JSON.stringify(back)})`);
    }
    const { start, end } = offsets(doc, d.range);
    check(start <= end, 'range-inside', () => `${d.code} ${JSON.stringify(d.range)} ends before it starts`);
    check(!splitsPair(text, start) && !splitsPair(text, end), 'utf16-exact', () => `${d.code} ${JSON.stringify(d.range)} splits a surrogate pair or a CRLF`);
    if (String(d.code).startsWith('term/')) checkTermText(typeof d.message === 'string' ? d.message : d.message.value, text.slice(start, end), String(d.code));
  }
}

function offsets(doc: TextDocument, r: Range): { start: number; end: number } {
  return { start: doc.offsetAt(r.start), end: doc.offsetAt(r.end) };
}

function editsOf(edit: WorkspaceEdit, uri: string, version: number): TextEdit[] {
  const out: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    check('textDocument' in change && change.textDocument.uri === uri && change.textDocument.version === version, 'quickfix-versioned', () => `an edit names ${JSON.stringify('textDocument' in change ? change.textDocument : change)}, not ${uri} version ${version}`);
    out.push(...(change.edits as TextEdit[]));
  }
  for (const [u, edits] of Object.entries(edit.changes ?? {})) {
    check(u === uri, 'quickfix-versioned', () => `an edit names ${u}`);
    out.push(...edits);
  }
  return out;
}

/** A diagnostic without what legitimately differs between two documents of the same text. */
function normalise(d: Diagnostic): unknown {
  const data = { ...(d.data as Record<string, unknown>) };
  delete data.version;
  return { ...d, data, relatedInformation: d.relatedInformation?.map((r) => ({ message: r.message, range: r.location.range })) };
}

function diff(a: Diagnostic[], b: Diagnostic[]): string {
  const as = a.map((d) => JSON.stringify(normalise(d)));
  const bs = b.map((d) => JSON.stringify(normalise(d)));
  return [...as.filter((x) => !bs.includes(x)).map((x) => `- ${x}`), ...bs.filter((x) => !as.includes(x)).map((x) => `+ ${x}`)].join('\n');
}

/**
 * Push diagnostics (clients without textDocument/diagnostic): after the edits, the diagnostics
 * published for the last version equal those published for the same text opened fresh.
 */
export async function checkPushCase(client: LspClient, folder: string, c: DraftCase, n: number): Promise<void> {
  const languageId = LANGUAGE_ID[c.format];
  const a = `file://${folder}/push-edited-${n}.${EXTENSION[c.format]}`;
  let doc = await client.open(a, c.text, languageId);
  for (const op of c.edits) {
    const next = changeFor(doc, op);
    doc = next.doc;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: a, version: doc.version }, contentChanges: [next.change] });
  }
  client.documents.set(a, doc);
  const edited = await client.diagnosticsFor(a);
  checkDiagnostics(doc, edited);
  const b = `file://${folder}/push-fresh-${n}.${EXTENSION[c.format]}`;
  await client.open(b, doc.getText(), languageId);
  const fresh = await client.diagnosticsFor(b);
  const norm = (ds: Diagnostic[]) => JSON.stringify(ds.map(normalise));
  check(norm(edited) === norm(fresh), 'incremental-equals-fresh', () => `push diagnostics after the edits:\n${diff(edited, fresh)}`);
  await client.close(a);
  await client.close(b);
  check(client.exitCode === undefined, 'server-alive', () => `the server exited with code ${client.exitCode}`);
}
