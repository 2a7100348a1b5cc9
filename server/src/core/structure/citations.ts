import type { LanguageCues } from '../cues';
import type { LineIndex } from '../text/lineIndex';
import type { OffsetRange } from '../text/range';
import { PhraseTrie } from '../text/phraseTrie';

/**
 * Passages the draft introduces as the wording of another text:
 *   "Article 20(2) of the Convention reads as follows:" followed by the quoted passage.
 * Amending formulas that introduce the draft's *new* wording ("shall read as follows",
 * « est ainsi rédigé ») are excluded: that text is the draft's own.
 */
export function introducedPassages(lines: LineIndex, cues: readonly LanguageCues[]): OffsetRange[] {
  const out: OffsetRange[] = [];
  const text = lines.text;
  const count = lines.lineCount;
  for (let line = 0; line < count; line++) {
    const start = lines.lineStarts[line];
    const end = lines.lineEnd(line);
    // Cheap filter first: an introduction ends its line with a colon.
    let e = end;
    while (e > start && /\s/.test(text[e - 1])) e--;
    if (e <= start || text[e - 1] !== ':') continue;
    const content = text.slice(start, e - 1);
    // Only the wording of another instrument is a quotation: in an amending bill, "Article 240b
    // reads as follows:" introduces the draft's own new text.
    if (!EXTERNAL_INSTRUMENT.test(content)) continue;
    if (cues.some((c) => c.introductionExclusions.endsText(content))) continue;
    if (!cues.some((c) => c.introductionCues.endsText(content))) continue;
    const block = passageAfter(lines, line);
    if (block) out.push(block);
  }
  return out;
}

/** Instruments other than the draft and the code it amends: their wording is quoted, never enacted. */
export const EXTERNAL_INSTRUMENT = /\b(?:Convention|Directive|Protocol|Treaty|Charter|Framework Decision|Explanatory Report|Opinion|convention|directive|protocole|Protocole|traité|charte|décision-cadre|Richtlinie|Übereinkommen|Protokoll|Rahmenbeschluss|Convenio|Directiva|Protocolo)\b/u;

const LIST_ITEM = /^\s*(?:\(?[a-z]\)|\(?[ivx]+\)|\(?\d+\)|\d+\.|[a-z]\.|[–—•\-*])\s/iu;

function passageAfter(lines: LineIndex, introLine: number): OffsetRange | undefined {
  const count = lines.lineCount;
  // The draft's own numbering style just before the introduction: a line in that style after it
  // is the draft again, not the quoted passage.
  let ownStyle: string | undefined;
  for (let l = introLine; l >= Math.max(0, introLine - 20) && !ownStyle; l--) ownStyle = markerStyle(lines.lineText(l));
  let line = introLine + 1;
  while (line < count && lines.lineText(line).trim() === '') line++;
  if (line >= count) return undefined;
  const start = lines.lineStarts[line];
  let last = line;
  for (let l = line + 1; l < count; l++) {
    const t = lines.lineText(l);
    if (HEADING.test(t) || (ownStyle && markerStyle(t) === ownStyle && ownStyle !== markerStyle(lines.lineText(line)))) break;
    if (t.trim() === '') {
      // Continue across a blank line only inside an enumeration ("a) …;" then "b) …").
      let k = l + 1;
      while (k < count && lines.lineText(k).trim() === '') k++;
      const prev = lines.lineText(last).trimEnd();
      if (k < count && LIST_ITEM.test(lines.lineText(k)) && /[;:,]$/.test(prev) && markerStyle(lines.lineText(k)) !== ownStyle) {
        l = k - 1;
        continue;
      }
      break;
    }
    last = l;
  }
  return { start, end: lines.lineEnd(last) };
}

const HEADING = /^\s*(?:Article|Art\.|Section|Chapter|Part|Title|Chapitre|Titre|Livre|Artikel|Abschnitt|Artículo|Capítulo)\s+[\dIVXLC]+[\p{L}\d\-]*\s*(?:[.:–—-]|$)/iu;

/** The style of a line's leading provision marker: "(n)", "n.", "(a)", "a)", "(i)", "§". */
export function markerStyle(line: string): string | undefined {
  const m = /^\s*(\(\d+[a-z]?\)|\d+[a-z]?\.(?!\d)|\([ivx]+\)|\([a-z]\)|[a-z]\)|\d+\)|§)\s/iu.exec(line);
  if (!m) return undefined;
  const t = m[1];
  if (/^\(\d/.test(t)) return '(n)';
  if (/^\d+[a-z]?\./i.test(t)) return 'n.';
  if (/^\d+\)/.test(t)) return 'n)';
  if (/^\([ivx]+\)$/i.test(t) && t.length > 3) return '(i)';
  if (/^\(/.test(t)) return '(a)';
  if (t === '§') return '§';
  return 'a)';
}

const TITLE_WINDOW = 300;

/**
 * The cited title of an existing instrument around `range`, if the term is part of one:
 * "Directive 2011/93/EU … on combating the sexual abuse and sexual exploitation of children and
 * child pornography", the Optional Protocol "on the sale of children, child prostitution and
 * child pornography", "the Child Pornography Prevention Act of 1996".
 */
export function citedTitleAround(text: string, range: OffsetRange, cues: readonly LanguageCues[], index = new CitationIndex(text, cues)): OffsetRange | undefined {
  const from = Math.max(0, range.start - TITLE_WINDOW);
  const to = Math.min(text.length, range.end + TITLE_WINDOW);
  const titles = index.titlesNear(from, to);
  for (const hit of titles) {
    if (hit.start <= range.start && range.end <= hit.end) return { start: hit.start, end: hit.end };
  }

  const instruments = index.instrumentsNear(from, range.start);
  const window = instruments.length ? text.slice(from, to) : '';
  const before = instruments.length ? clauseBefore(window, range.start - from) : { text: '', offset: 0 };
  for (const c of cues) {
    for (const hit of instruments) {
      if (hit.cues !== c) continue;
      const inst = { start: hit.start - from - before.offset, end: hit.end - from - before.offset };
      if (inst.start < 0) continue;
      const word = before.text.slice(inst.start, inst.end);
      // A cited instrument is named with a capital (except in French, where « la directive » is usual).
      if (c.language !== 'fr' && !/^\p{Lu}/u.test(word)) continue;
      const lead = before.text.slice(Math.max(0, inst.start - 16), inst.start);
      if (c.ownInstrument.endsText(lead)) continue;
      const between = before.text.slice(inst.end);
      if (c.connectors.find(between).length === 0) continue;
      if (between.split(/\s+/).length > 40) continue;
      // "The Convention on … requires Parties to criminalise child pornography" describes, not cites.
      if (cues.some((k) => k.titleBreakers.find(between).length > 0)) continue;
      return { start: from + before.offset + inst.start, end: range.end };
    }
  }

  // "the Child Pornography Prevention Act of 1996": a Title-Case name ending in Act/Law … and a year.
  const term = text.slice(range.start, range.end);
  if (/^\p{Lu}/u.test(term)) {
    const afterText = text.slice(range.end, Math.min(text.length, range.end + 120));
    for (const c of cues) {
      // "… Act of 1996", and the bracketed part of a short title: "Crimes Amendment (Child Pornography) Act 2004".
      const m = /^\)?((?:\s+(?:\p{Lu}[\p{L}'’-]*|and|of|on|for|the|de|du|des|la|le|zur|und))*?)\s+(\p{Lu}\p{L}+)(,?\s+(?:of\s+|de\s+|du\s+|vom\s+)?(?:\d{1,2}\s+\p{L}+\s+)?\d{4})/u.exec(afterText);
      if (!m || !c.statuteWords.startsText(m[2])) continue;
      const lead = text.slice(Math.max(0, range.start - 80), range.start);
      if (c.shortTitleCues.endsText(lead.replace(/\s*(?:the|la|le|l')?\s*$/i, ''))) continue;
      return { start: range.start, end: range.end + m[0].length };
    }
  }
  return undefined;
}

const tries = new Map<string, PhraseTrie<{ cues: LanguageCues; kind: 'title' | 'instrument' }>>();

function citationTrie(cues: readonly LanguageCues[]) {
  const key = cues.map((c) => c.language).join();
  let trie = tries.get(key);
  if (!trie) {
    trie = new PhraseTrie();
    for (const c of cues) {
      for (const p of c.knownTitles.phrases) trie.add(p, { cues: c, kind: 'title' });
      for (const p of c.instruments.phrases) trie.add(p, { cues: c, kind: 'instrument' });
    }
    tries.set(key, trie);
  }
  return trie;
}

interface IndexedHit {
  start: number;
  end: number;
  cues: LanguageCues;
}

/**
 * Where the draft names instruments ("Directive", "Optional Protocol", « la directive ») and known
 * cited titles, found in one linear pass over the text, so that asking about each deprecated
 * term costs a binary search rather than a scan of its surroundings.
 */
export class CitationIndex {
  readonly #titles: IndexedHit[] = [];
  readonly #instruments: IndexedHit[] = [];

  /** `around`: only these ranges (sorted) and their surroundings need looking at (the deprecated terms). */
  constructor(text: string, cues: readonly LanguageCues[], around?: readonly OffsetRange[]) {
    const trie = citationTrie(cues);
    const scan = (from: number, to: number) =>
      trie.scanAll(text, from, to, (m) => {
        for (const p of m.payloads) (p.kind === 'title' ? this.#titles : this.#instruments).push({ start: m.start, end: m.end, cues: p.cues });
      });
    if (!around) {
      scan(0, text.length);
      return;
    }
    // Windows around the terms, merged: a title or an instrument starts at most TITLE_WINDOW
    // before a term and a known title reaches at most that far after it.
    let from = -1;
    let to = -1;
    for (const r of around) {
      const a = Math.max(0, r.start - TITLE_WINDOW);
      const b = Math.min(text.length, r.end + TITLE_WINDOW);
      if (a > to) {
        if (to > from) scan(from, to);
        from = a;
      }
      to = Math.max(to, b);
    }
    if (to > from) scan(from, to);
  }

  titlesNear(from: number, to: number): IndexedHit[] {
    return between(this.#titles, from, to);
  }

  instrumentsNear(from: number, to: number): IndexedHit[] {
    return between(this.#instruments, from, to);
  }
}

/** Hits (sorted by start) that start in [from, to). */
function between(hits: IndexedHit[], from: number, to: number): IndexedHit[] {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: IndexedHit[] = [];
  for (let k = lo; k < hits.length && hits[k].start < to; k++) out.push(hits[k]);
  return out;
}

/** The part of `window` before `at` that belongs to the same clause (no ; : or sentence end). */
function clauseBefore(window: string, at: number): { text: string; offset: number } {
  const slice = window.slice(0, at);
  let cut = -1;
  const re = /[;:]|\n\s*\n|[.!?]\s+(?=\p{Lu})/gu;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    // A period inside a number or an abbreviation ("No. 201", "2011/93/EU.") is not a sentence end.
    if (m[0].startsWith('.') && /(?:No|Art|art|para|p|pp|ch|s|ss|cf|e\.g|i\.e|Nr|n°)$/.test(slice.slice(Math.max(0, m.index - 4), m.index))) continue;
    cut = m.index + m[0].length;
  }
  return cut >= 0 ? { text: slice.slice(cut), offset: cut } : { text: slice, offset: 0 };
}

