import {
  foldCode, foldString, isApostropheCode, isHyphenCode, isInvisibleCode, isLineBreakCode,
  isSpaceCode, isWordCode,
} from './characters';

/**
 * A character trie of literal phrases over folded text: lower case, no accents, any run of
 * spaces/hyphens with at most one line break read as one space, apostrophes unified. Walks
 * start only at word starts and go at most as deep as the longest phrase, so scanning is linear
 * in the length of the text whatever the number of phrases. Phrases are data, never regular
 * expressions; a phrase ending in "*" matches any word that starts with it (possess* →
 * possesses, possession).
 */
export class PhraseTrie<T> {
  readonly #root = new Node<T>();

  add(phrase: string, payload: T): void {
    const prefix = phrase.endsWith('*');
    const key = normalisePhrase(prefix ? phrase.slice(0, -1) : phrase);
    if (!key) return;
    let node = this.#root;
    for (let i = 0; i < key.length; i++) {
      // A "*" inside a phrase ("indecent photograph* of a child") lets that word take any ending.
      const c = key.charCodeAt(i) === STAR ? WILDCARD : key.charCodeAt(i);
      let next = node.children.get(c);
      if (!next) {
        next = new Node<T>();
        node.children.set(c, next);
      }
      node = next;
    }
    if (prefix) (node.prefixPayloads ??= []).push(payload);
    else (node.payloads ??= []).push(payload);
  }

  /** Every non-overlapping longest match (deprecated terms). */
  scanLongest(text: string): Match<T>[] {
    const out: Match<T>[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isWordCode(c)) {
        i++;
        continue;
      }
      const first = foldCode(c);
      if (first !== 0 && this.#root.children.has(first)) {
        let best: Match<T> | undefined;
        this.#walk(text, this.#root, i, 0, false, (end, payloads) => {
          if (!best || end > best.end) best = { start: i, end, payloads };
        });
        if (best) {
          out.push(best);
          i = best.end;
          continue;
        }
      }
      i = skipWord(text, i);
    }
    return out;
  }

  /** Every match at every word start, overlapping ones included (drafting cues). */
  scanAll(text: string, from = 0, to = text.length, onMatch: (m: Match<T>) => void): void {
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (!isWordCode(c)) {
        i++;
        continue;
      }
      const first = foldCode(c);
      if (first !== 0 && this.#root.children.has(first)) {
        const start = i;
        this.#walk(text, this.#root, i, 0, true, (end, payloads) => onMatch({ start, end, payloads }));
      }
      i = skipWord(text, i);
    }
  }

  /**
   * Walk the trie from `from`. A prefix phrase ends where the prefix ends for deprecated terms
   * (the compound's head is what is flagged) and at the end of the word for cues (so cues of
   * different categories covering the same word compare by the same span).
   */
  #walk(text: string, start: Node<T>, from: number, depth: number, prefixToWordEnd: boolean, report: (end: number, payloads: T[]) => void): void {
    const n = text.length;
    let node = start;
    let pos = from;
    for (;;) {
      if (pos > from) {
        const atBoundary = pos >= n || !isWordCode(text.charCodeAt(pos));
        if (node.payloads && atBoundary) report(pos, node.payloads);
        if (node.prefixPayloads) report(prefixToWordEnd && !atBoundary ? skipWord(text, pos - 1) : pos, node.prefixPayloads);
      }
      if (pos >= n) return;
      const wild = node.children.get(WILDCARD);
      if (wild && pos > from && isWordCode(text.charCodeAt(pos - 1)) && depth < 8) {
        this.#walk(text, wild, wordEnd(text, pos), depth + 1, prefixToWordEnd, report);
      }
      const c = text.charCodeAt(pos);
      if (isWordCode(c) || isApostropheCode(c)) {
        const f = isApostropheCode(c) ? APOSTROPHE : foldCode(c);
        if (f === 0) {
          pos++; // a combining mark belongs to the letter before it
          continue;
        }
        const next = node.children.get(f);
        if (!next) return;
        node = next;
        pos++;
        continue;
      }
      if (isInvisibleCode(c)) {
        pos++;
        continue;
      }
      if (!(isSpaceCode(c) || isHyphenCode(c) || isLineBreakCode(c))) {
        // Punctuation inside a literal phrase ("Act (No. 2)") is matched as itself.
        const literal = node.children.get(c);
        if (!literal) return;
        node = literal;
        pos++;
        continue;
      }
      // A separator run: spaces, hyphens and at most one line break.
      let q = pos;
      let breaks = 0;
      let hyphenBeforeBreak = false;
      let sawHyphen = false;
      let sawSpace = false;
      while (q < n && q - pos <= MAX_SEPARATOR) {
        const d = text.charCodeAt(q);
        if (isLineBreakCode(d)) {
          if (d === 13 && text.charCodeAt(q + 1) === 10) q++;
          breaks++;
          if (sawHyphen) hyphenBeforeBreak = true;
        } else if (isHyphenCode(d)) sawHyphen = true;
        else if (isSpaceCode(d)) sawSpace = true;
        else if (!isInvisibleCode(d)) break;
        q++;
      }
      if (breaks > 1 || q >= n || q - pos > MAX_SEPARATOR) return;
      // "pornog-\nraphy" (a hyphen at a line end) and "pédo-pornographie" (a hyphen inside a
      // word) may join the halves of one word: try that as well as the separated reading.
      if ((hyphenBeforeBreak || (sawHyphen && !sawSpace && breaks === 0)) && depth < 4 && isWordCode(text.charCodeAt(q))) {
        this.#walk(text, node, q, depth + 1, prefixToWordEnd, report);
      }
      const next = node.children.get(SPACE);
      if (!next) return;
      node = next;
      pos = q;
    }
  }
}

export interface Match<T> {
  start: number;
  end: number;
  payloads: T[];
}

class Node<T> {
  readonly children = new Map<number, Node<T>>();
  payloads: T[] | undefined;
  prefixPayloads: T[] | undefined;
}

const SPACE = 32;
const APOSTROPHE = 39;
const STAR = 42;
/** Edge code for "any ending of this word" (not a character of folded text). */
const WILDCARD = 0xfffe;
/** A separator run longer than this is layout, not the gap inside a phrase. */
const MAX_SEPARATOR = 40;

/** The end of the word that `i` is inside of (or `i` itself at a word's end). */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n && (isWordCode(text.charCodeAt(i)) || isInvisibleCode(text.charCodeAt(i)))) i++;
  return i;
}

function skipWord(text: string, i: number): number {
  const n = text.length;
  i++;
  while (i < n && (isWordCode(text.charCodeAt(i)) || isInvisibleCode(text.charCodeAt(i)))) i++;
  return i;
}

/** The key a phrase is stored under: folded, separators as single spaces. */
export function normalisePhrase(phrase: string): string {
  return foldString(phrase).replace(/[\s\u00a0\u202f\-\u2010\u2011]+/g, ' ').trim();
}
