import type { LanguageCues } from '../cues';
import { EXTERNAL_INSTRUMENT } from './citations';
import { isLineBreakCode, isSpaceCode, isWordCode } from '../text/characters';
import type { OffsetRange } from '../text/range';

/**
 * How quoted text relates to the draft:
 * - `quotation`: the words of another text (an existing law, the Convention, the old wording an
 *   amendment removes). Deprecated terms there are kept on purpose.
 * - `defined-term`: the draft's own defined term ("child pornography" means …).
 * - `new-wording`: text the draft inserts or substitutes: its own words.
 */
export type QuoteKind = 'quotation' | 'defined-term' | 'new-wording';

export interface QuoteSpan {
  /** From the opening mark to just after the closing mark (or the paragraph end). */
  outer: OffsetRange;
  /** The quoted words. */
  inner: OffsetRange;
  children: QuoteSpan[];
  /**
   * For a paragraph of inserted text that opens with a quotation mark and continues the quoted
   * paragraph before it (« … / « … / « … »), the first paragraph of the run: it decides the kind.
   */
  continues?: QuoteSpan;
}

/** Why a range is exempt from terminology warnings. */
export interface Exemption {
  kind: 'quotation' | 'blockquote' | 'introduced-wording' | 'cited-title';
  range: OffsetRange;
}

const enum Q {
  LeftDouble = 0x201c, RightDouble = 0x201d, LowDouble = 0x201e,
  LeftSingle = 0x2018, RightSingle = 0x2019, LowSingle = 0x201a,
  LeftGuillemet = 0xab, RightGuillemet = 0xbb, LeftAngle = 0x2039, RightAngle = 0x203a,
  Straight = 0x22, StraightSingle = 0x27,
}

interface Open {
  mark: number;
  pos: number;
  lineStart: boolean;
  children: QuoteSpan[];
  continues?: QuoteSpan;
}

const MAX_DEPTH = 6;
/** How far (in characters) inserted text opened once may run before its closing mark. */
const MAX_RUN = 40_000;

/** Pair quotation marks of every common style into nested spans. One linear pass. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const top: QuoteSpan[] = [];
  const stack: Open[] = [];
  const n = text.length;
  let lineStart = true; // only spaces since the last line break

  const emit = (span: QuoteSpan) => {
    if (stack.length) stack[stack.length - 1].children.push(span);
    else top.push(span);
  };
  const closeTo = (index: number, end: number) => {
    // Close stack[index] at `end`; marks opened inside it and left open are dropped.
    const open = stack[index];
    stack.length = index;
    emit({ outer: { start: open.pos, end }, inner: { start: open.pos + 1, end: end - 1 }, children: open.children, continues: open.continues });
    if (index === 0) openRun = pending = undefined;
  };
  // The last top-level span if it ran unclosed to its paragraph's end: the next paragraph's
  // opening mark may continue it.
  let openRun: QuoteSpan | undefined;
  // German and Spanish style: inserted text opens once and closes paragraphs later („§ 207a. …
  // ¶ (2) … ¶ (6) ….“). The last paragraph of such a run that opened with a mark stays pending;
  // a closing mark that closes nothing, within reach, extends it over the paragraphs between.
  let pending: { span: QuoteSpan; mark: number; topLength: number; openedAt: number } | undefined;
  const closePending = (end: number) => {
    const p = pending!;
    p.span.outer.end = end;
    p.span.inner.end = end - 1;
    p.span.children.push(...top.splice(p.topLength));
    pending = undefined;
    openRun = undefined;
  };
  const pendingCloses = (i: number, ...marks: number[]): boolean => {
    if (!pending || stack.length || !marks.includes(pending.mark)) return false;
    if (i - pending.openedAt > MAX_RUN) {
      pending = undefined;
      return false;
    }
    return true;
  };
  const endParagraph = (at: number) => {
    // Unclosed quotes: inserted text in UK and French style opens each paragraph with a mark and
    // closes only the last; treat such a paragraph as quoted to its end. Any other unclosed mark
    // is a typo and is dropped.
    let run: QuoteSpan | undefined;
    while (stack.length) {
      const open = stack[stack.length - 1];
      stack.length--;
      if (open.lineStart) {
        const span: QuoteSpan = { outer: { start: open.pos, end: at }, inner: { start: open.pos + 1, end: at }, children: open.children };
        if (!stack.length) {
          span.continues = open.continues;
          run = span.continues ?? span;
        }
        emit(span);
        if (!stack.length) pending = { span, mark: open.mark, topLength: top.length, openedAt: (span.continues ?? span).outer.start };
      } else if (stack.length) {
        stack[stack.length - 1].children.push(...open.children);
      } else {
        top.push(...open.children);
      }
    }
    openRun = run;
  };
  const findOpen = (...marks: number[]) => {
    for (let k = stack.length - 1; k >= 0; k--) if (marks.includes(stack[k].mark)) return k;
    return -1;
  };
  const open = (mark: number, pos: number) => {
    if (stack.length >= MAX_DEPTH) return;
    const continues = !stack.length && lineStart ? openRun : undefined;
    stack.push({ mark, pos, lineStart, children: [], continues });
  };

  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isLineBreakCode(c)) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      // A blank line ends the paragraph.
      let j = i + 1;
      while (j < n && isSpaceCode(text.charCodeAt(j))) j++;
      if (j < n && isLineBreakCode(text.charCodeAt(j))) endParagraph(i + 1);
      lineStart = true;
      continue;
    }
    if (isSpaceCode(c)) continue;
    // Nearly every character is no quotation mark: it only ends the line's leading spaces.
    if (c < 0xab ? c !== Q.Straight && c !== Q.StraightSingle : !isQuotationMark(c)) {
      lineStart = false;
      continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 32;
    switch (c) {
      case Q.LeftDouble: {
        if (lineStart && stack.some((o) => o.mark === Q.LeftDouble && o.lineStart)) break;
        // “ closes „ in German.
        if (!lineStart && !isSpaceCode(prev) && pendingCloses(i, Q.LowDouble)) {
          closePending(i + 1);
          break;
        }
        const k = findOpen(Q.LowDouble);
        if (k >= 0 && k === stack.length - 1) closeTo(k, i + 1);
        else open(c, i);
        break;
      }
      case Q.LowDouble:
      case Q.LeftGuillemet:
      case Q.LeftAngle:
      case Q.LeftSingle:
      case Q.LowSingle:
        if (c === Q.LeftSingle) {
          const k = findOpen(Q.LowSingle);
          if (k >= 0 && k === stack.length - 1) {
            closeTo(k, i + 1);
            break;
          }
        }
        open(c, i);
        break;
      case Q.RightDouble: {
        const k = findOpen(Q.LeftDouble, Q.LowDouble);
        if (k >= 0) closeTo(k, i + 1);
        else if (pendingCloses(i, Q.LeftDouble, Q.LowDouble)) closePending(i + 1);
        break;
      }
      case Q.RightGuillemet: {
        const k = findOpen(Q.LeftGuillemet);
        if (k >= 0) closeTo(k, i + 1);
        else if (pendingCloses(i, Q.LeftGuillemet)) closePending(i + 1);
        break;
      }
      case Q.RightAngle: {
        const k = findOpen(Q.LeftAngle);
        if (k >= 0) closeTo(k, i + 1);
        break;
      }
      case Q.RightSingle: {
        if (isWordCode(prev) && isWordCode(next)) break; // apostrophe: child’s
        const k = findOpen(Q.LeftSingle, Q.LowSingle);
        if (k >= 0 && !isSpaceCode(prev)) closeTo(k, i + 1);
        break;
      }
      case Q.Straight: {
        // US style: every line of an inserted text opens with a quotation mark; only the last
        // closes. A line-opening mark inside such a quotation continues it.
        if (lineStart && stack.some((o) => o.mark === Q.Straight && o.lineStart)) break;
        const k = findOpen(Q.Straight);
        if (k >= 0 && k === stack.length - 1 && !isSpaceCode(prev) && !isLineBreakCode(prev)) closeTo(k, i + 1);
        else if (k < 0 && !isSpaceCode(prev) && !isLineBreakCode(prev) && !isWordCode(next) && pendingCloses(i, Q.Straight)) closePending(i + 1);
        else if (!isWordCode(prev) && !isSpaceCode(next) && !isLineBreakCode(next) && i + 1 < n) open(c, i);
        break;
      }
      case Q.StraightSingle: {
        if (isWordCode(prev) && isWordCode(next)) break; // apostrophe: d'un, child's
        const k = findOpen(Q.StraightSingle);
        if (k >= 0 && k === stack.length - 1 && !isSpaceCode(prev)) closeTo(k, i + 1);
        else if (!isWordCode(prev) && isWordCode(next)) open(c, i);
        break;
      }
      default:
        break;
    }
    lineStart = false;
  }
  endParagraph(n);
  return top;
}

function isQuotationMark(c: number): boolean {
  return c === Q.LeftDouble || c === Q.RightDouble || c === Q.LowDouble || c === Q.LeftSingle || c === Q.RightSingle || c === Q.LowSingle ||
    c === Q.LeftGuillemet || c === Q.RightGuillemet || c === Q.LeftAngle || c === Q.RightAngle || c === Q.Straight || c === Q.StraightSingle;
}

/** Quoted spans of a text, classified on demand. */
export class Quotations {
  readonly spans: QuoteSpan[];
  readonly #kinds = new Map<QuoteSpan, QuoteKind>();

  constructor(
    readonly text: string,
    readonly cues: readonly LanguageCues[],
  ) {
    this.spans = findQuoteSpans(text);
  }

  /** The spans that contain `range`, outermost first. */
  containing(range: OffsetRange): QuoteSpan[] {
    const chain: QuoteSpan[] = [];
    let level = this.spans;
    for (;;) {
      const span = findContaining(level, range);
      if (!span) return chain;
      chain.push(span);
      level = span.children;
    }
  }

  kind(span: QuoteSpan): QuoteKind {
    if (span.continues) return this.kind(span.continues);
    let k = this.#kinds.get(span);
    if (!k) {
      k = classify(this.text, span, this.cues);
      this.#kinds.set(span, k);
    }
    return k;
  }

  /** The quotation of another text that contains `range`, if any. */
  quotationAround(range: OffsetRange): QuoteSpan | undefined {
    return this.containing(range).find((s) => this.kind(s) === 'quotation');
  }

  /** Every span (any depth) the draft uses to define a term. */
  definedTerms(): QuoteSpan[] {
    const out: QuoteSpan[] = [];
    const visit = (spans: QuoteSpan[]) => {
      for (const s of spans) {
        if (this.kind(s) === 'defined-term') out.push(s);
        visit(s.children);
      }
    };
    visit(this.spans);
    return out;
  }
}

function findContaining(spans: QuoteSpan[], range: OffsetRange): QuoteSpan | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid].inner;
    if (s.end < range.end) lo = mid + 1;
    else if (s.start > range.start) hi = mid - 1;
    else return spans[mid];
  }
  return undefined;
}

const WINDOW = 200;

/** Verbs of amending formulas, in the languages drafted here. */
const AMENDING = /(?<![\p{L}\p{N}])(?:insert|substitut|replac|amend|add|remplac|insér|ajout|modifi|complét|rédig|ersetzt|eingefügt|geändert|angefügt|gefasst|sustitu|añad|modific|incorp|agreg|redact)\p{L}*/iu;

/** Text before the opening mark, back to the start of its sentence (at most WINDOW characters). */
function textBefore(text: string, at: number): string {
  const from = Math.max(0, at - WINDOW);
  // The introduction may stand a blank line above the quotation ("… est ainsi rédigé :" ¶ « …).
  const slice = text.slice(from, at).replace(/\s+$/, '');
  // Stop at a sentence end (". " then a capital), a semicolon or a blank line.
  const cut = Math.max(slice.lastIndexOf(';'), slice.search(/\n\s*\n(?![\s\S]*\n\s*\n)/), lastSentenceEnd(slice));
  return cut >= 0 ? slice.slice(cut + 1) : slice;
}

function lastSentenceEnd(s: string): number {
  const re = /[.!?]\s+(?=\p{Lu})/gu;
  let last = -1;
  for (let m = re.exec(s); m; m = re.exec(s)) last = m.index;
  return last;
}

function textAfter(text: string, at: number): string {
  return text.slice(at, Math.min(text.length, at + WINDOW));
}

/** Skip "or “X”", "and ‘Y’" lists after a quoted term: ‘“a” or “b” means …’. */
function afterAlternatives(after: string): string {
  let rest = after;
  for (let k = 0; k < 4; k++) {
    const m = /^\s*(?:,|or|and|ou|et|oder|und|o|y)\s*["“«„‘'‚‹]\s*[^"“”«»„‘’'‚‹›\n]{1,80}?\s*["”»“’'‘›]/u.exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
  }
  return rest;
}

function classify(text: string, span: QuoteSpan, cues: readonly LanguageCues[]): QuoteKind {
  const before = textBefore(text, span.outer.start);
  const after = afterAlternatives(textAfter(text, span.outer.end));
  const trimmedBefore = before.replace(/\s+$/, '');
  // ‘(“child pornography”)’ labelling a description just given, and ‘“X” means …’.
  if (/\(\s*$/.test(trimmedBefore) && /^\s*\)/.test(after)) return 'defined-term';
  for (const c of cues) {
    if (c.definitionVerbs.startsText(after.replace(/^\s*[,)]?\s*/, ''))) return 'defined-term';
  }
  for (const c of cues) {
    if (c.definitionIntroducers.endsText(trimmedBefore.replace(/[(\s]+$/, ''))) return 'defined-term';
  }
  if (opensGlossaryEntry(text, span)) return 'defined-term';
  if (introducesNewWording(trimmedBefore, cues)) return 'new-wording';
  // Quoted text that opens with an article heading ("« Art. 385-2. …") is an amendment's new
  // provision, unless it was introduced as the wording of another text.
  const opening = text.slice(span.inner.start, Math.min(span.inner.end, span.inner.start + 160));
  if (/^\s*(?:[^\n]*\n\s*)?(?:Art\.|ART\.|Article|ARTICLE|Section|SECTION|§|Artikel|ARTIKEL|Artículo|ARTÍCULO)\s*\d/u.test(opening) &&
    !(EXTERNAL_INSTRUMENT.test(trimmedBefore) && cues.some((c) => c.introductionCues.endsText(trimmedBefore.replace(/[:\s]+$/, ''))))) {
    return 'new-wording';
  }
  const blockStart = /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, span.outer.start - 40), span.outer.start));
  if (blockStart && introducesBlock(trimmedBefore)) return 'new-wording';
  return 'quotation';
}

/**
 * A short quoted term that opens a list item and is followed by its meaning, as in German and
 * Scandinavian definition lists: „Im Sinne dieses Gesetzes sind a) "Minderjährige" Personen, die
 * …; b) "Darstellungen sexuellen Kindesmissbrauchs" 1. bildliche …“.
 */
function opensGlossaryEntry(text: string, span: QuoteSpan): boolean {
  const { start, end } = span.inner;
  if (end - start > 80 || /[\r\n.;:]/.test(text.slice(start, end))) return false;
  let lineStart = span.outer.start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && span.outer.start - lineStart < 12) lineStart--;
  if (lineStart > 0 && text[lineStart - 1] !== '\n') return false;
  if (!/^\s*(?:\(?[a-z]{1,3}\)|\(?\d{1,3}\)|\d{1,3}\.|[a-z]\.|[–—•-])\s*$/u.test(text.slice(lineStart, span.outer.start))) return false;
  return /^[ \t]*(?:$|\r?\n|\p{L}|[:—–-])/u.test(text.slice(span.outer.end, span.outer.end + 4));
}

/**
 * The sentence before a quotation (or a blockquote) ends with an amending formula that
 * introduces the draft's own new wording: "shall read as follows", « est ainsi rédigé »,
 * "lautet", "wird wie folgt gefasst", "queda redactado como sigue", "por el siguiente". The
 * wording of another instrument ("Article 20 of the Convention reads as follows") is not.
 */
export function introducesNewWording(before: string, cues: readonly LanguageCues[]): boolean {
  const trimmed = before.replace(/\s+$/, '');
  if (!cues.some((c) => c.newWordingCues.endsText(trimmed))) return false;
  return !(EXTERNAL_INSTRUMENT.test(trimmed) && !AMENDING.test(trimmed));
}

/**
 * A block opening its own line after "… replace section 377BH with —" / "… by:", or after an
 * amending sentence ending in a colon or dash ("a new Article 175a is inserted, which reads:").
 */
function introducesBlock(trimmedBefore: string): boolean {
  if (/(?:^|[^\p{L}])(?:with|by|par|durch|por)\s*[:—–-]*$/iu.test(trimmedBefore)) return true;
  return /[:—–-]\s*$/u.test(trimmedBefore) && AMENDING.test(trimmedBefore);
}

/**
 * A blockquote the draft introduces as its own new wording (Markdown "> …" after "Article 128
 * is replaced by the following:"): the draft's text, not a quotation.
 */
export function blockIsNewWording(text: string, at: number, cues: readonly LanguageCues[]): boolean {
  const before = textBefore(text, at).replace(/\s+$/, '');
  return introducesNewWording(before, cues) || introducesBlock(before);
}
