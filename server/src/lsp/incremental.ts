import type { Analysis } from '../core/analyse';
import { severityResolver, type CheckContext } from '../core/check';
import { compareFindings, type Finding } from '../core/findings';
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

/** Text read in pieces: a string, or an open document held in pieces (chunkedDocument.ts). */
export interface Text {
  readonly length: number;
  slice(start: number, end?: number): string;
}

/** What a document's last exact terminology is, with the findings the full analysis added. */
export interface TermState {
  version: number;
  /** Length of the text the state is exact for. */
  length: number;
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
  /**
   * The excerpt the last edit was read from, in this text, and its findings: typing on in the
   * same block reads the same excerpt, which need not be read again as it was before the edit.
   */
  excerpt?: { start: number; end: number; findings: Finding[] };
}

export interface Change {
  /** Offsets in the previous text. */
  start: number;
  end: number;
  /** The text put there. */
  text: string;
  /** The text that was there. */
  removed: string;
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
  return { version, length: text.length, settings, generation, language: analysis.language, apostrophe: documentApostrophe(text), termFindings, carried };
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
export function applyChange(state: TermState, change: Change, text: Text, version: number): TermState | undefined {
  const { start, end } = change;
  const inserted = change.text.length;
  const delta = inserted - (end - start);
  if (start < 0 || end < start || end > state.length || change.removed.length !== end - start || text.length !== state.length + delta) return undefined;
  // The draft had no directive comment: only the edited words can have made one.
  if (text.slice(Math.max(0, start - 32), start + inserted + 32).includes('lanzarote-')) return undefined;

  let language = state.language;
  if (start < LANGUAGE_SAMPLE + 64 && state.settings.documentLanguage === 'auto') {
    language = detectLanguage(text.slice(0, LANGUAGE_SAMPLE));
    if (language !== state.language) return undefined;
  }
  if (apostropheMayChange(change, text, delta) && documentApostrophe(text.slice(0, APOSTROPHE_SAMPLE)) !== state.apostrophe) return undefined;

  // Cuts, in the new text: before the edit the old text is the same; after it, the same moved by delta.
  const a = cutBefore(text, start - 2 * MARGIN);
  if (a === undefined) return undefined;
  const bNew = cutAfter(text, start + inserted + 2 * MARGIN);
  if (bNew === undefined) return undefined;
  const bOld = bNew - delta;

  const head = text.slice(a, start);
  const tail = text.slice(start + inserted, bNew);
  const cached = state.excerpt && state.excerpt.start === a && state.excerpt.end === bOld ? state.excerpt.findings : undefined;
  const before = cached ?? excerptFindings(head + change.removed + tail, a, state, language);
  const after = excerptFindings(head + change.text + tail, a, state, language);
  if (!before || !after) return undefined;

  // At the draft's own start or end nothing is cut off: the core reaches it.
  const coreStart = a === 0 ? 0 : a + MARGIN;
  const coreEndOld = bOld === state.length ? Infinity : bOld - MARGIN;
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
  // Offsets inside removed text all go to its start: findings there may need sorting again.
  if (end > start) carried.sort(compareFindings);
  return { ...state, version, length: text.length, language, termFindings, carried, excerpt: { start: a, end: bNew, findings: after } };
}

const APOSTROPHES = /['\u2019]/;

/**
 * Whether the edit can change which apostrophe the draft uses most: documentApostrophe counts
 * ' and ’ between two letters in the first APOSTROPHE_SAMPLE characters. Only apostrophes in
 * the edit, beside it, or at the edge of that sample (which moves when the length changes) can
 * count differently.
 */
function apostropheMayChange(change: Change, text: Text, delta: number): boolean {
  const { start } = change;
  if (start > APOSTROPHE_SAMPLE + 1) return false;
  if (APOSTROPHES.test(change.removed) || APOSTROPHES.test(text.slice(Math.max(0, start - 1), start + change.text.length + 1))) return true;
  if (delta === 0 || Math.max(text.length, text.length - delta) < APOSTROPHE_SAMPLE - 2) return false;
  const edge = 8 + Math.abs(delta);
  if (start + change.text.length + edge > APOSTROPHE_SAMPLE - edge) return true;
  return APOSTROPHES.test(text.slice(APOSTROPHE_SAMPLE - 2 * edge, APOSTROPHE_SAMPLE + 2 * edge));
}

const prepared = new Set<string>();

/**
 * Make ready, before the first keystrokes need it, what an excerpt is read with: the compiled
 * terms and drafting cues (tens of milliseconds the first time in a thread: a long draft's full
 * analysis runs in the worker thread, so this one has not built them) and the code that reads
 * an excerpt, run on a few excerpts of the draft itself until the engine has compiled it (the
 * first keystrokes otherwise run it cold, several times slower). Once per language and
 * settings, one excerpt per turn of the event loop, so that the editor's messages come first.
 */
export function prepare(state: TermState, text: Text): void {
  const key = `${state.generation}:${state.language}`;
  if (prepared.has(key)) return;
  prepared.add(key);
  let run = 0;
  const next = () => {
    if (run >= PREPARE_RUNS || text.length !== state.length) return;
    // An empty edit somewhere in the draft: the whole path a keystroke takes, result unused.
    const at = Math.floor(((run + 0.5) / PREPARE_RUNS) * text.length);
    try {
      applyChange(state, { start: at, end: at, text: '', removed: '' }, text, state.version);
    } catch {
      // The draft changed under it (same length, other text): nothing to prepare for any more.
      return;
    }
    run++;
    setImmediate(next);
  };
  next();
}

const PREPARE_RUNS = 24;

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
 * Whether `w` (a piece of the text, `w[0]` at offset `base`) can be cut at `at` (a line start):
 * a blank line just before it, and a line after it that starts a new block of its own (a
 * capitalised word: no quotation mark that could continue a quotation, no enumeration item
 * that could continue a quoted passage).
 */
function isCut(w: string, base: number, at: number, length: number): boolean {
  if (at === 0 || at === length) return true;
  let i = at - base - 1;
  if (i < 2 || (at - base + 16 > w.length && at + 16 <= length)) return false;
  if (w.charCodeAt(i) !== 10 && w.charCodeAt(i) !== 13) return false;
  // A blank line: the line before `at` holds spaces only and follows a line break.
  if (w.charCodeAt(i) === 10 && w.charCodeAt(i - 1) === 13) i--;
  i--;
  while (i >= 0 && (w.charCodeAt(i) === 32 || w.charCodeAt(i) === 9)) i--;
  if (i < 0 || (w.charCodeAt(i) !== 10 && w.charCodeAt(i) !== 13)) return false;
  const line = w.slice(at - base, at - base + 16);
  return /^\p{Lu}\p{Ll}/u.test(line) && !QUOTE_OR_LIST.test(line);
}

/** The last cut at or before `from` (a line start), not further than MAX_REACH. */
function cutBefore(text: Text, from: number): number | undefined {
  if (from <= 0) return 0;
  // Most drafts have a cut within a few kilobytes: look there first.
  for (const reach of [8 * 1024, MAX_REACH]) {
    const base = Math.max(0, from - reach);
    const w = text.slice(base, from + 32);
    for (let at = w.lastIndexOf('\n', from - base - 1) + 1 + base; ; at = w.lastIndexOf('\n', at - base - 2) + 1 + base) {
      if (at <= base) {
        if (base === 0) return 0;
        break;
      }
      if (isCut(w, base, at, text.length)) return at;
    }
  }
  return undefined;
}

/** The first cut at or after `from` (a line start), not further than MAX_REACH. */
function cutAfter(text: Text, from: number): number | undefined {
  if (from >= text.length) return text.length;
  for (const reach of [8 * 1024, MAX_REACH]) {
    const base = Math.max(0, from - 8);
    const w = text.slice(base, from + reach + 32);
    for (let nl = w.indexOf('\n', from - base); ; nl = w.indexOf('\n', nl + 1)) {
      if (nl < 0 || base + nl + 1 > from + reach) {
        if (base + w.length >= text.length) return text.length;
        break;
      }
      if (isCut(w, base, base + nl + 1, text.length)) return base + nl + 1;
    }
  }
  return undefined;
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

/** Two lists sorted by compareFindings, merged as sorting them together would (stable: `a` first on ties). */
function merge(a: Finding[], b: Finding[]): Finding[] {
  const out: Finding[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareFindings(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
