import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { analyse } from '../core/analyse';
import { applyEdits, safeEdits } from '../core/fixes';
import type { Finding, TextEdit as OffsetEdit } from '../core/findings';
import { t, type Locale } from '../core/i18n';
import { checkLabel } from '../core/references';
import { sourceFor } from '../core/formats';
import type { Outcome } from './analyses';
import { findingFor, toRange } from './convert';
import { FIX_ALL_KIND, SHOW_RECOMMENDATION_COMMAND } from './protocol';
import './messages';

type Analysed = Extract<Outcome, { kind: 'analysed' }>;

export interface CodeActionOptions {
  /** The client applies versioned `documentChanges` (otherwise plain `changes`). */
  documentChanges: boolean;
  /** Editor language of the document: decides how a silencing directive is written. */
  languageId: string;
}

/**
 * Code actions for one version of a document, computed from the analysis of exactly that
 * version. Edits name that version, so an editor that has moved on refuses them instead of
 * applying them to the wrong text.
 */
export function codeActions(outcome: Outcome, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  if (outcome.kind !== 'analysed') return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];

  // Source actions are only offered when asked for (on save, or "Source Action…").
  if (only && wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits(outcome);
    if (edits.length) actions.push(action(t(outcome.settings.locale, 'action.fixAll'), FIX_ALL_KIND, edit(outcome, edits, options)));
  }
  if (wants(CodeActionKind.QuickFix)) actions.push(...quickFixes(outcome, params.context.diagnostics, options));
  return actions;
}

function quickFixes(outcome: Analysed, diagnostics: Diagnostic[], options: CodeActionOptions): CodeAction[] {
  const { analysis, settings } = outcome;
  const locale = settings.locale;
  const lines = analysis.source.originalLines;
  const fixes: CodeAction[] = [];
  const suggestions: CodeAction[] = [];
  const clauses: CodeAction[] = [];
  const fixAlls: CodeAction[] = [];
  const silences: CodeAction[] = [];
  const shows: CodeAction[] = [];
  const seen = new Set<string>();
  const once = (key: string) => !seen.has(key) && !!seen.add(key);

  for (const diagnostic of diagnostics) {
    const f = findingFor(outcome, diagnostic);
    if (!f) continue;
    if (f.fix) {
      const before = oneLine(analysis.source.original.slice(f.fix.range.start, f.fix.range.end));
      const a = action(t(locale, 'action.replace', before, f.fix.newText), CodeActionKind.QuickFix, edit(outcome, [toLsp(outcome, f.fix)], options), [diagnostic]);
      a.isPreferred = true;
      fixes.push(a);
    } else if (!f.quoted && analysis.source.isEditableOriginal(f.range)) {
      // No safe rewrite: offer the wording to consider for the term alone; the drafter fixes the grammar.
      // Never across markup (a term split by an XML element): that edit would delete tags.
      for (const s of f.suggestions ?? []) {
        suggestions.push(action(t(locale, 'action.suggest', s), CodeActionKind.QuickFix, edit(outcome, [{ range: toRange(lines, f.range), newText: analysis.source.encodeText(s) }], options), [diagnostic]));
      }
    }
    // Model clauses are plain text: in an XML draft they belong in markup the drafting tool writes.
    if (f.insertion && analysis.source.format !== 'akn' && once(`clause:${f.insertion.clauseId}:${f.insertion.at}`)) {
      // A model clause is a drafting choice, never a preferred fix.
      const at = lines.positionAt(f.insertion.at);
      clauses.push(action(t(locale, 'action.insertClause', f.insertion.title), CodeActionKind.QuickFix, edit(outcome, [{ range: { start: at, end: at }, newText: f.insertion.text }], options), [diagnostic]));
    }
    if (f.fix && once(`fix-rule:${f.ruleId}`)) {
      const edits = ruleEdits(outcome, f.ruleId);
      if (edits.length > 1) fixAlls.push(action(t(locale, 'action.fixRule', f.ruleId), CodeActionKind.QuickFix, edit(outcome, edits, options)));
    }
    if (f.check !== 'tool') {
      const line = lines.lineOf(f.range.start);
      if (canSilence(analysis.source, line) && once(`silence:${f.check}:${line}`)) silences.push(silenceAction(outcome, f, line, diagnostic, options, locale));
      if (once(`show:${f.check}`)) {
        const title = t(locale, 'action.show', checkLabel(f.check, locale));
        shows.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: SHOW_RECOMMENDATION_COMMAND, arguments: [f.check] } });
      }
    }
  }
  return [...fixes, ...suggestions, ...clauses, ...fixAlls, ...silences, ...shows];
}

/**
 * The directive that silences one check on the finding's line, inserted above it with the
 * line's indentation: an HTML comment in Markdown and legal drafts, a bare line in plain text.
 */
function silenceAction(outcome: Analysed, f: Finding, line: number, diagnostic: Diagnostic, options: CodeActionOptions, locale: Locale): CodeAction {
  const source = outcome.analysis.source;
  const lines = source.originalLines;
  const start = lines.lineStarts[line];
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
  const id = f.check.replace(/\s+/g, '');
  // "--" may not appear inside an XML comment: XML drafts give the reason after a dash.
  const body = `lanzarote-disable-next-line ${id} ${source.format === 'akn' ? '—' : '--'} reason: …`;
  const comment = options.languageId === 'markdown' || options.languageId === 'legal-draft' || source.format === 'markdown' || source.format === 'akn';
  const text = `${indent}${comment ? `<!-- ${body} -->` : body}${lineBreakOf(source.original)}`;
  const at = lines.positionAt(start);
  return action(
    t(locale, 'action.silence', checkLabel(f.check, locale)),
    CodeActionKind.QuickFix,
    edit(outcome, [{ range: { start: at, end: at }, newText: text }], options),
    [diagnostic],
  );
}

/** In XML a directive comment may only go where a line starts outside a tag (not amid its attributes). */
function canSilence(source: Analysed['analysis']['source'], line: number): boolean {
  if (source.format !== 'akn') return true;
  const start = source.originalLines.lineStarts[line];
  if (start === 0) return true;
  return source.original.lastIndexOf('<', start - 1) <= source.original.lastIndexOf('>', start - 1);
}

/** Safe fixes of one rule, without overlaps. */
function ruleEdits(outcome: Analysed, ruleId: string): TextEdit[] {
  const { analysis } = outcome;
  return applyEdits(analysis.source.original, safeEdits(analysis.findings, ruleId)).applied.map((e) => toLsp(outcome, e));
}

/**
 * Every safe fix in the document (never inside quotations). A fix can reveal another (two terms
 * that overlapped), so the analysis is repeated on the fixed text until nothing is left: applying
 * "fix all" twice changes nothing the second time.
 */
export function fixAllEdits(outcome: Analysed): TextEdit[] {
  const { analysis, settings } = outcome;
  const { source } = analysis;
  const first = applyEdits(source.original, safeEdits(analysis.findings));
  if (first.applied.length === 0) return [];
  let text = first.output;
  let rounds = 1;
  for (; rounds < 5; rounds++) {
    const again = analyse(sourceFor(source.uri, text, source.format), settings);
    const result = applyEdits(text, safeEdits(again.findings));
    if (result.applied.length === 0) break;
    text = result.output;
  }
  if (rounds === 1) return first.applied.map((e) => toLsp(outcome, e));
  // Later rounds' offsets refer to intermediate texts: send the changed span as one edit.
  const original = source.original;
  let prefix = 0;
  while (prefix < original.length && prefix < text.length && original[prefix] === text[prefix]) prefix++;
  let suffix = 0;
  while (suffix < original.length - prefix && suffix < text.length - prefix && original[original.length - 1 - suffix] === text[text.length - 1 - suffix]) suffix++;
  return [toLsp(outcome, { range: { start: prefix, end: original.length - suffix }, newText: text.slice(prefix, text.length - suffix) })];
}

function toLsp(outcome: Analysed, e: OffsetEdit): TextEdit {
  return { range: toRange(outcome.analysis.source.originalLines, e.range), newText: e.newText };
}

function edit(outcome: Analysed, edits: TextEdit[], options: CodeActionOptions): WorkspaceEdit {
  const uri = outcome.analysis.source.uri;
  return options.documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri, version: outcome.version }, edits)] }
    : { changes: { [uri]: edits } };
}

function action(title: string, kind: string, workspaceEdit: WorkspaceEdit, diagnostics?: Diagnostic[]): CodeAction {
  const a: CodeAction = { title, kind, edit: workspaceEdit };
  if (diagnostics) a.diagnostics = diagnostics;
  return a;
}

function lineBreakOf(text: string): string {
  const m = /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\n';
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}
