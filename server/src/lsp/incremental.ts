import type { Analysis } from '../core/analyse';
import { severityResolver, type CheckContext } from '../core/check';
import type { Finding } from '../core/findings';
import { detectLanguage } from '../core/language';
import { quotedText } from '../core/quoted';
import type { Settings } from '../core/settings';
import { plainTextSource } from '../core/source';
import { checkTerminology } from '../core/terminology/rule';
import { documentApostrophe } from '../core/terminology/rewrite';
import type { LanguageCode } from '../core/terminology/pack';

/**
 * Terminology after a keystroke without reading the whole draft again.
 *
 * A deprecated term's finding depends on the text around it: the term itself, the quotation it
 * may sit in (quotation marks pair within a block of text between blank lines), the cited title
 * or introduction just before it (a few hundred characters at most). So after an edit inside one
 * block, only the terms near the edit can change. Those are read again from an excerpt: whole
 * blocks from MARGIN·2 before the edit to MARGIN·2 after it, cut where nothing can carry across
 * (a blank line, then a line that neither opens a quotation nor continues an enumeration). Of the
 * excerpt's findings only the core, MARGIN inside both cuts, is kept; the rest of the draft keeps
 * its findings, moved by the length the edit added or removed.
 *
 * Two checks turn any dependency this reasoning missed into a full analysis rather than a wrong
 * diagnostic: the excerpt read *before* the edit must give exactly the findings the whole draft
 * had in the core (the excerpt sees enough context), and the excerpt's findings outside the core
 * must be the same before and after the edit (the edit's effect stays in the core).
 *
 * Plain text without directive comments only; anything else (Markdown, Akoma Ntoso, several
 * changes at once, an edit in the part of the draft that decides its language or apostrophe)
 * waits for the full analysis.
 */

/** What a document's last exact terminology is, with the findings the full analysis added. */
export interface TermState {
  version: number;
  text: string;
  settings: Settings;
  /** Settings generation the findings were computed under. */
  generation: number;
  language: LanguageCode;
  apostrophe: string;
  /** Terminology findings, exact for `text`, sorted by position. */
  termFindings: Finding[];
  /**
   * Findings of the whole-draft analysis (checklist, tool), from the last full analysis, moved
   * with every edit since: replaced when the full analysis of a newer version is done.
   */
  carried: Finding[];
}

export interface Change {
  /** Offsets in the previous text. */
  start: number;
  end: number;
  text: string;
}

/** Context read on each side of the part that is kept: longer than any window a finding reads. */
export const MARGIN = 1024;
/** How far from the edit a cut is looked for before giving up. */
const MAX_REACH = 64 * 1024;
/** Detection reads the draft's first 20,000 characters, the apostrophe count its first 200,000. */
const LANGUAGE_SAMPLE = 20_000;
const APOSTROPHE_SAMPLE = 200_000;

/** The state a full analysis of `text` gives, or undefined where edits cannot be followed. */
export function stateFromAnalysis(analysis: Analysis, text: string, version: number, settings: Settings, generation: number): TermState | undefined {
  const source = analysis.source;
  if (source.format !== 'plaintext' || source.segments || source.original !== text || analysis.directives.length) return undefined;
  const termFindings: Finding[] = [];
  const carried: Finding[] = [];
  for (const f of analysis.findings) (isTermFinding(f) ? termFindings : carried).push(f);
  return { version, text, settings, generation, language: analysis.language, apostrophe: documentApostrophe(text), termFindings, carried };
}

export function isTermFinding(f: Finding): boolean {
  return f.ruleId.startsWith('term/');
}

/** Every finding of the state, sorted as the full analysis sorts them. */
export function findingsOf(state: TermState): Finding[] {
  return merge(state.termFindings, state.carried);
}

/**
 * The state after `change` (one edit of the previous text giving `text`), or undefined when
 * this edit needs the full analysis.
 */
export function applyChange(state: TermState, change: Change, text: string, version: number): TermState | undefined {
  const old = state.text;
  const { start, end } = change;
  const delta = change.text.length - (end - start);
  if (start < 0 || end < start || end > old.length || text.length !== old.length + delta) return undefined;
  // The draft had no directive comment: only the edited words can have made one.
  if (text.slice(Math.max(0, start - 32), start + change.text.length + 32).includes('lanzarote-')) return undefined;

  let language = state.language;
  if (start < LANGUAGE_SAMPLE + 64 && state.settings.documentLanguage === 'auto') {
    language = detectLanguage(text);
    if (language !== state.language) return undefined;
  }
  if (start < APOSTROPHE_SAMPLE + 2 && documentApostrophe(text) !== state.apostrophe) return undefined;

  // Cuts: the same offset before the edit in both texts; after it, at the same text.
  const a = cutBefore(old, start - 2 * MARGIN);
  if (a === undefined) return undefined;
  const bOld = cutAfter(old, end + 2 * MARGIN);
  if (bOld === undefined) return undefined;
  const bNew = bOld + delta;

  const before = excerptFindings(old.slice(a, bOld), a, state, language);
  const after = excerptFindings(text.slice(a, bNew), a, state, language);
  if (!before || !after) return undefined;

  // At the draft's own start or end nothing is cut off: the core reaches it.
  const coreStart = a === 0 ? 0 : a + MARGIN;
  const coreEndOld = bOld === old.length ? Infinity : bOld - MARGIN;
  const coreEndNew = bNew === text.length ? Infinity : bNew - MARGIN;
  const inCore = (f: Finding, coreEnd: number) => f.range.start >= coreStart && f.range.start < coreEnd;

  // 1. The excerpt sees enough: before the edit it reads the core as the whole draft did.
  const wholeCore = state.termFindings.filter((f) => inCore(f, coreEndOld));
  if (!sameFindings(wholeCore, before.filter((f) => inCore(f, coreEndOld)))) return undefined;
  // 2. The edit's effect stays in the core.
  const outsideBefore = before.filter((f) => !inCore(f, coreEndOld)).map((f) => (f.range.start >= coreEndOld ? shiftFinding(f, end, delta) : f));
  const outsideAfter = after.filter((f) => !inCore(f, coreEndNew));
  if (!sameFindings(outsideBefore, outsideAfter)) return undefined;

  const termFindings: Finding[] = [];
  for (const f of state.termFindings) if (f.range.start < coreStart) termFindings.push(f);
  for (const f of after) if (inCore(f, coreEndNew)) termFindings.push(f);
  for (const f of state.termFindings) if (f.range.start >= coreEndOld) termFindings.push(shiftFinding(f, end, delta));
  const carried = state.carried.map((f) => shiftAround(f, start, end, delta));
  return { ...state, version, text, language, termFindings, carried };
}

/** Terminology of an excerpt, in the whole text's offsets; undefined if it quotes an introduced passage. */
function excerptFindings(excerpt: string, offset: number, state: TermState, language: LanguageCode): Finding[] | undefined {
  const source = plainTextSource('excerpt:', excerpt);
  const ctx: CheckContext = {
    source,
    text: excerpt,
    settings: state.settings,
    language,
    locale: state.settings.locale,
    severityFor: severityResolver(state.settings),
    quoted: quotedText(source, excerpt, language),
  };
  const findings = checkTerminology(ctx, state.apostrophe);
  // A passage introduced as another text's wording ("… reads as follows:") reaches as far as its
  // enumeration goes: not something an excerpt can bound.
  if (findings.length && ctx.quoted.introduced.length) return undefined;
  return offset ? findings.map((f) => shiftFinding(f, 0, offset)) : findings;
}

const QUOTE_OR_LIST = /^[\s]*(?:["“”„‘’‚'«»‹›]|\(?[a-z]{1,2}[.)]\s|\(?[ivxlc]+[.)]|\(?\d|[–—•\-*])/iu;

/**
 * Whether the text can be cut at `at` (a line start): a blank line just before it, and a line
 * after it that starts a new block of its own (a capitalised word: no quotation mark that could
 * continue a quotation, no enumeration item that could continue a quoted passage).
 */
function isCut(text: string, at: number): boolean {
  if (at === 0 || at === text.length) return true;
  if (text.charCodeAt(at - 1) !== 10 && text.charCodeAt(at - 1) !== 13) return false;
  // A blank line: the line before `at` holds spaces only and follows a line break.
  let i = at - 1;
  if (text.charCodeAt(i) === 10 && text.charCodeAt(i - 1) === 13) i--;
  i--;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i < 0 || (text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13)) return false;
  const line = text.slice(at, Math.min(text.length, at + 16));
  return /^\p{Lu}\p{Ll}/u.test(line) && !QUOTE_OR_LIST.test(line);
}

/** The last cut at or before `from` (a line start), not further than MAX_REACH. */
function cutBefore(text: string, from: number): number | undefined {
  if (from <= 0) return 0;
  const limit = from - MAX_REACH;
  for (let at = text.lastIndexOf('\n', from - 1) + 1; ; at = text.lastIndexOf('\n', at - 2) + 1) {
    if (at <= 0) return 0;
    if (at < limit) return undefined;
    if (isCut(text, at)) return at;
  }
}

/** The first cut at or after `from` (a line start), not further than MAX_REACH. */
function cutAfter(text: string, from: number): number | undefined {
  if (from >= text.length) return text.length;
  const limit = from + MAX_REACH;
  for (let nl = text.indexOf('\n', from); ; nl = text.indexOf('\n', nl + 1)) {
    if (nl < 0) return text.length;
    if (nl + 1 > limit) return undefined;
    if (isCut(text, nl + 1)) return nl + 1;
  }
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (findingKey(a[k]) !== findingKey(b[k])) return false;
  return true;
}

/** Everything a terminology finding shows, in a fixed order (findings may have crossed threads). */
export function findingKey(f: Finding): string {
  return JSON.stringify([f.ruleId, f.check, f.urgency, f.severity, f.message, f.range.start, f.range.end, f.quoted,
    f.fix ? [f.fix.range.start, f.fix.range.end, f.fix.newText] : null, f.suggestions ?? null, f.term ? [f.term.id, f.term.text, f.term.preferred] : null]);
}

/** Move every offset at or after `from` by `delta`. */
function shiftFinding(f: Finding, from: number, delta: number): Finding {
  if (delta === 0) return f;
  const at = (x: number) => (x >= from ? x + delta : x);
  const range = (r: { start: number; end: number }) => ({ start: at(r.start), end: at(r.end) });
  const out: Finding = { ...f, range: range(f.range) };
  if (f.fix) out.fix = { ...f.fix, range: range(f.fix.range) };
  if (f.evidence) out.evidence = f.evidence.map((e) => ({ ...e, range: range(e.range) }));
  if (f.insertion) out.insertion = { ...f.insertion, at: at(f.insertion.at) };
  return out;
}

/** A carried finding around an edit of [start, end): offsets inside the replaced text go to its start. */
function shiftAround(f: Finding, start: number, end: number, delta: number): Finding {
  const at = (x: number) => (x >= end ? x + delta : x > start ? start : x);
  const range = (r: { start: number; end: number }) => ({ start: at(r.start), end: Math.max(at(r.start), at(r.end)) });
  const out: Finding = { ...f, range: range(f.range) };
  if (f.fix) out.fix = { ...f.fix, range: range(f.fix.range) };
  if (f.evidence) out.evidence = f.evidence.map((e) => ({ ...e, range: range(e.range) }));
  if (f.insertion) out.insertion = { ...f.insertion, at: at(f.insertion.at) };
  return out;
}

function merge(a: Finding[], b: Finding[]): Finding[] {
  const out = [...a, ...b];
  out.sort((x, y) => x.range.start - y.range.start || x.range.end - y.range.end || x.ruleId.localeCompare(y.ruleId));
  return out;
}
