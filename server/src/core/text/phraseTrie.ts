import { foldCode, foldString, isCombiningMark, isWordCode } from './characters';

/**
 * A character trie of literal phrases over folded text: lower case, no accents, any run of
 * spaces/hyphens with at most one line break read as one space, apostrophes unified. Walks
 * start only at word starts and go at most as deep as the longest phrase, so scanning is linear
 * in the length of the text whatever the number of phrases. Phrases are data, never regular
 * expressions; a phrase ending in "*" matches any word that starts with it (possess* →
 * possesses, possession); a "*" inside a phrase lets that word take any ending.
 *
 * Phrases are added to a tree of nodes, which is compiled on first use into flat tables (one
 * row of 128 entries per node for ASCII, a map for other characters): scanning a 10 MiB draft
 * against thousands of phrases then costs tens of milliseconds.
 */
export class PhraseTrie<T> {
  readonly #root = new BuildNode();
  readonly #payloads: T[] = [];
  #compiled: Compiled | undefined;

  add(phrase: string, payload: T): void {
    const prefix = phrase.endsWith('*');
    const key = normalisePhrase(prefix ? phrase.slice(0, -1) : phrase);
    if (!key) return;
    this.#compiled = undefined;
    let node = this.#root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i) === STAR ? WILDCARD : key.charCodeAt(i);
      let next = node.children.get(c);
      if (!next) node.children.set(c, (next = new BuildNode()));
      node = next;
    }
    this.#payloads.push(payload);
    (prefix ? node.prefix : node.exact).push(this.#payloads.length - 1);
  }

  /** Every non-overlapping longest match (deprecated terms). */
  scanLongest(text: string): Match<T>[] {
    const t = this.#tables();
    const out: Match<T>[] = [];
    const n = text.length;
    let bestEnd = -1;
    let bestNode = -1;
    let bestPrefix = false;
    const report = (end: number, node: number, prefix: boolean) => {
      if (end > bestEnd) {
        bestEnd = end;
        bestNode = node;
        bestPrefix = prefix;
      }
    };
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (classOf(c) !== WORD) {
        i++;
        continue;
      }
      if (t.step(0, foldKey(c)) >= 0) {
        bestEnd = -1;
        walk(t, text, 0, i, 0, false, report);
        if (bestEnd > i) {
          out.push({ start: i, end: bestEnd, payloads: t.payloadsOf(bestNode, bestPrefix).map((k) => this.#payloads[k]) });
          i = bestEnd;
          continue;
        }
      }
      i = wordEnd(text, i + 1);
    }
    return out;
  }

  /** Every match at every word start, overlapping ones included (drafting cues). */
  scanAll(text: string, from = 0, to = text.length, onMatch: (m: Match<T>) => void): void {
    const t = this.#tables();
    let start = 0;
    const report = (end: number, node: number, prefix: boolean) => {
      onMatch({ start, end, payloads: t.payloadsOf(node, prefix).map((k) => this.#payloads[k]) });
    };
    // Never start in the middle of a word.
    let i = from > 0 && classOf(text.charCodeAt(from - 1)) === WORD ? wordEnd(text, from) : from;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (classOf(c) !== WORD) {
        i++;
        continue;
      }
      if (t.step(0, foldKey(c)) >= 0) {
        start = i;
        walk(t, text, 0, i, 0, true, report);
      }
      i = wordEnd(text, i + 1);
    }
  }

  /**
   * Like scanAll, without allocating: each match is reported as (start, end, payload index) for
   * every payload; `payload(index)` gives the payload back. Used for the hundreds of thousands of
   * cue matches in a long draft.
   */
  scanAllIds(text: string, onMatch: (start: number, end: number, payload: number) => void): void {
    const t = this.#tables();
    let start = 0;
    const report = (end: number, node: number, prefix: boolean) => {
      const ids = t.payloadsOf(node, prefix);
      for (let k = 0; k < ids.length; k++) onMatch(start, end, ids[k]);
    };
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (classOf(c) !== WORD) {
        i++;
        continue;
      }
      if (t.step(0, foldKey(c)) >= 0) {
        start = i;
        walk(t, text, 0, i, 0, true, report);
      }
      i = wordEnd(text, i + 1);
    }
  }

  payload(index: number): T {
    return this.#payloads[index];
  }

  #tables(): Compiled {
    return (this.#compiled ??= new Compiled(this.#root));
  }
}

export interface Match<T> {
  start: number;
  end: number;
  payloads: T[];
}

class BuildNode {
  readonly children = new Map<number, BuildNode>();
  readonly exact: number[] = [];
  readonly prefix: number[] = [];
}

const EMPTY: readonly number[] = [];

/**
 * The trie as flat tables: node ids are row numbers. ASCII edges live in one row per node over
 * the ASCII characters the phrases actually use (a few dozen, not 128: the table of thousands of
 * cue phrases stays a few megabytes and is quick to build).
 */
class Compiled {
  /** Column of each ASCII code in a row, 0 for a code no phrase uses. */
  readonly column = new Uint8Array(128);
  readonly width: number;
  readonly ascii: Int32Array;
  readonly other: (Map<number, number> | undefined)[] = [];
  readonly wild: Int32Array;
  readonly exact: (readonly number[])[] = [];
  readonly prefix: (readonly number[])[] = [];
  /** Per node: ENDS_EXACT when an exact phrase ends there, ENDS_PREFIX when a prefix phrase does. */
  readonly ends: Uint8Array;

  constructor(root: BuildNode) {
    const nodes: BuildNode[] = [];
    const ids = new Map<BuildNode, number>();
    let width = 1;
    const visit = (n: BuildNode) => {
      ids.set(n, nodes.length);
      nodes.push(n);
      for (const [c, child] of n.children) {
        if (c < 128 && this.column[c] === 0) this.column[c] = width++;
        visit(child);
      }
    };
    visit(root);
    this.width = width;
    this.ascii = new Int32Array(nodes.length * width).fill(-1);
    this.wild = new Int32Array(nodes.length).fill(-1);
    this.ends = new Uint8Array(nodes.length);
    nodes.forEach((n, id) => {
      this.exact[id] = n.exact.length ? n.exact : EMPTY;
      this.prefix[id] = n.prefix.length ? n.prefix : EMPTY;
      this.ends[id] = (n.exact.length ? ENDS_EXACT : 0) | (n.prefix.length ? ENDS_PREFIX : 0);
      for (const [c, child] of n.children) {
        const cid = ids.get(child)!;
        if (c === WILDCARD) this.wild[id] = cid;
        else if (c < 128) this.ascii[id * width + this.column[c]] = cid;
        else (this.other[id] ??= new Map()).set(c, cid);
      }
    });
  }

  /** The child of `node` for folded code `c`, or -1. */
  step(node: number, c: number): number {
    if (c < 128) {
      const col = this.column[c];
      return col === 0 ? -1 : this.ascii[node * this.width + col];
    }
    const m = this.other[node];
    const next = m?.get(c);
    return next === undefined ? -1 : next;
  }

  payloadsOf(node: number, prefix: boolean): readonly number[] {
    return prefix ? this.prefix[node] : this.exact[node];
  }
}

/**
 * Walk the trie from `node` at text position `from`. A prefix phrase ends where the prefix ends
 * for deprecated terms (the compound's head is what is flagged) and at the end of the word for
 * cues (so cues of different categories covering the same word compare by the same span).
 */
function walk(
  t: Compiled,
  text: string,
  node: number,
  from: number,
  depth: number,
  prefixToWordEnd: boolean,
  report: (end: number, node: number, prefix: boolean) => void,
): void {
  const n = text.length;
  let pos = from;
  for (;;) {
    // A phrase ends at its last visible character: invisible marks after it (a bidi mark, a
    // zero-width space) stay outside the match, so a fix never deletes them.
    // Most nodes end no phrase: one look at their flags, and on to the next character.
    const ends = pos > from ? t.ends[node] : 0;
    if (ends !== 0 && classOf(text.charCodeAt(pos - 1)) !== INVISIBLE) {
      const atBoundary = pos >= n || classOf(text.charCodeAt(pos)) !== WORD;
      if (atBoundary && ends & ENDS_EXACT) report(pos, node, false);
      if (ends & ENDS_PREFIX) report(prefixToWordEnd && !atBoundary ? wordEnd(text, pos) : pos, node, true);
    }
    if (pos >= n) return;
    const wild = t.wild[node];
    if (wild >= 0 && pos > from && classOf(text.charCodeAt(pos - 1)) === WORD && depth < 8) {
      walk(t, text, wild, wordEnd(text, pos), depth + 1, prefixToWordEnd, report);
    }
    const c = text.charCodeAt(pos);
    const k = classOf(c);
    if (k === WORD || k === APOSTROPHE) {
      const f = k === APOSTROPHE ? 39 : foldCode(c);
      if (f === 0) {
        pos++; // a combining mark belongs to the letter before it
        continue;
      }
      node = t.step(node, f);
      if (node < 0) return;
      pos++;
      continue;
    }
    if (k === INVISIBLE) {
      pos++;
      continue;
    }
    if (k === OTHER) {
      // Punctuation inside a literal phrase ("Act (No. 2)") is matched as itself.
      node = t.step(node, c);
      if (node < 0) return;
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
      const dk = classOf(d);
      if (dk === BREAK) {
        if (d === 13 && text.charCodeAt(q + 1) === 10) q++;
        breaks++;
        if (sawHyphen) hyphenBeforeBreak = true;
      } else if (dk === HYPHEN) sawHyphen = true;
      else if (dk === SPACE) sawSpace = true;
      else if (dk !== INVISIBLE) break;
      q++;
    }
    if (breaks > 1 || q >= n || q - pos > MAX_SEPARATOR) return;
    // "pornog-\nraphy" (a hyphen at a line end) and "pédo-pornographie" (a hyphen inside a
    // word) may join the halves of one word: try that as well as the separated reading.
    if ((hyphenBeforeBreak || (sawHyphen && !sawSpace && breaks === 0)) && depth < 4 && classOf(text.charCodeAt(q)) === WORD) {
      walk(t, text, node, q, depth + 1, prefixToWordEnd, report);
    }
    node = t.step(node, SPACE_CODE);
    if (node < 0) return;
    pos = q;
  }
}

const ENDS_EXACT = 1;
const ENDS_PREFIX = 2;
const SPACE_CODE = 32;
const STAR = 42;
/** Edge code for "any ending of this word" (not a character of folded text). */
const WILDCARD = 0xfffe;
/** A separator run longer than this is layout, not the gap inside a phrase. */
const MAX_SEPARATOR = 40;

// Character classes, cached per UTF-16 code unit.
const UNKNOWN = 0;
const WORD = 1;
const SPACE = 2;
const BREAK = 3;
const HYPHEN = 4;
const INVISIBLE = 5;
const APOSTROPHE = 6;
const OTHER = 7;
const classes = new Uint8Array(0x10000);

function classOf(c: number): number {
  let k = classes[c];
  if (k === UNKNOWN) {
    k = computeClass(c);
    classes[c] = k;
  }
  return k;
}

function computeClass(c: number): number {
  if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85) return BREAK;
  if (c === 39 || c === 0x2019 || c === 0x02bc || c === 0x2032) return APOSTROPHE;
  if (c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2012) return HYPHEN;
  if (c === 0xad || c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0x200e || c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return INVISIBLE;
  if (c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2007 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x0c || c === 0x0b) return SPACE;
  if (isWordCode(c) || isCombiningMark(c)) return WORD;
  return OTHER;
}

/** The folded code a phrase key holds for a word character. */
function foldKey(c: number): number {
  return classOf(c) === APOSTROPHE ? 39 : foldCode(c);
}

/** The end of the word that `i` is inside of (or `i` itself at a word's end). */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const k = classOf(text.charCodeAt(i));
    if (k !== WORD && k !== INVISIBLE) break;
    i++;
  }
  return i;
}

/** The key a phrase is stored under: folded, separators as single spaces. */
export function normalisePhrase(phrase: string): string {
  return foldString(phrase).replace(/[\s\u00a0\u202f\-\u2010\u2011]+/g, ' ').trim();
}
