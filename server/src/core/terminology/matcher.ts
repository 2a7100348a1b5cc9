import {
  foldCode, foldString, isApostropheCode, isHyphenCode, isInvisibleCode, isLineBreakCode,
  isSpaceCode, isWordCode,
} from '../text/characters';
import { allForms, type LanguageCode, type TermEntry, type TerminologyPack } from './pack';

/** A deprecated term found in the text. */
export interface TermMatch {
  start: number;
  end: number;
  entry: TermEntry;
  language: LanguageCode;
  /** Replacement for the exact form matched (plural forms have their own). */
  replacement?: string;
}

interface Terminal {
  entry: TermEntry;
  language: LanguageCode;
  replacement?: string;
}

class TrieNode {
  readonly children = new Map<number, TrieNode>();
  terminals: Terminal[] | undefined;
  /** A terminal here may be followed directly by more letters (German compounds). */
  compound = false;
}

const SPACE = 32;
const APOSTROPHE = 39;
/** A separator run longer than this is layout, not the gap inside a term. */
const MAX_SEPARATOR = 40;

export class CompileError extends Error {}

/**
 * All deprecated terms of the given packs compiled into one character trie over folded text
 * (lower case, no accents, any run of spaces/hyphens/one line break as a single space).
 * Scanning starts only at word starts and walks at most the length of the longest term, so a
 * scan is linear in the length of the text whatever the number of terms.
 */
export class TermMatcher {
  readonly #root = new TrieNode();

  constructor(packs: readonly TerminologyPack[]) {
    const seen = new Map<string, string>();
    for (const pack of packs) {
      for (const entry of pack.terms) {
        for (const form of allForms(entry)) {
          const key = normaliseForm(form.form);
          if (!key) throw new CompileError(`Term "${form.form}" in pack ${pack.language} is empty after normalisation`);
          const owner = seen.get(`${pack.language}:${key}`);
          if (owner && owner !== entry.id) {
            throw new CompileError(`Term "${form.form}" appears in both ${owner} and ${entry.id} (${pack.language})`);
          }
          seen.set(`${pack.language}:${key}`, entry.id);
          this.#insert(key, { entry, language: pack.language, replacement: form.replacement ?? entry.replacement }, !!entry.compound);
        }
      }
    }
  }

  #insert(key: string, terminal: Terminal, compound: boolean): void {
    let node = this.#root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = node.children.get(c);
      if (!next) {
        next = new TrieNode();
        node.children.set(c, next);
      }
      node = next;
    }
    (node.terminals ??= []).push(terminal);
    node.compound ||= compound;
  }

  /**
   * Every non-overlapping longest match in `text`, in order. `preferred` picks among entries of
   * different languages that share a spelling (English and German "sextortion").
   */
  scan(text: string, preferred: readonly LanguageCode[] = []): TermMatch[] {
    const out: TermMatch[] = [];
    const n = text.length;
    const root = this.#root;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isWordCode(c)) {
        i++;
        continue;
      }
      const first = foldCode(c);
      if (first !== 0 && root.children.has(first)) {
        const found = this.#walk(text, root, i, 0);
        if (found) {
          out.push(toMatch(i, found.end, found.node.terminals!, preferred));
          i = found.end;
          continue;
        }
      }
      // Skip the rest of this word: terms start only at word starts.
      i++;
      while (i < n && (isWordCode(text.charCodeAt(i)) || isInvisibleCode(text.charCodeAt(i)))) i++;
    }
    return out;
  }

  #walk(text: string, start: TrieNode, from: number, depth: number): { end: number; node: TrieNode } | undefined {
    const n = text.length;
    let node = start;
    let pos = from;
    let best: { end: number; node: TrieNode } | undefined;
    for (;;) {
      if (node.terminals && pos > from && (node.compound || pos >= n || !isWordCode(text.charCodeAt(pos)))) {
        best = { end: pos, node };
      }
      if (pos >= n) break;
      const c = text.charCodeAt(pos);
      if (isWordCode(c) || isApostropheCode(c)) {
        const f = isApostropheCode(c) ? APOSTROPHE : foldCode(c);
        if (f === 0) {
          pos++; // a combining mark: part of the letter before it
          continue;
        }
        const next = node.children.get(f);
        if (!next) break;
        node = next;
        pos++;
        continue;
      }
      if (isInvisibleCode(c)) {
        pos++;
        continue;
      }
      if (!(isSpaceCode(c) || isHyphenCode(c) || isLineBreakCode(c))) {
        // Punctuation inside a user's literal phrase ("Act (No. 2)") is matched as itself.
        const literal = node.children.get(c);
        if (!literal) break;
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
        } else if (isHyphenCode(d)) {
          sawHyphen = true;
        } else if (isSpaceCode(d)) {
          sawSpace = true;
        } else if (!isInvisibleCode(d)) {
          break;
        }
        q++;
      }
      if (breaks > 1 || q >= n || q - pos > MAX_SEPARATOR) break;
      // "pornog-\nraphy" (a hyphen at a line end) and "pédo-pornographie" (a hyphen inside a
      // word) may join the halves of one word: try that as well as the separated reading.
      if ((hyphenBeforeBreak || (sawHyphen && !sawSpace && breaks === 0)) && depth < 4 && isWordCode(text.charCodeAt(q))) {
        const joined = this.#walk(text, node, q, depth + 1);
        if (joined && (!best || joined.end > best.end)) best = joined;
      }
      const next = node.children.get(SPACE);
      if (!next) break;
      node = next;
      pos = q;
    }
    return best;
  }
}

function toMatch(start: number, end: number, terminals: Terminal[], preferred: readonly LanguageCode[]): TermMatch {
  let chosen = terminals[0];
  for (const lang of preferred) {
    const t = terminals.find((x) => x.language === lang);
    if (t) {
      chosen = t;
      break;
    }
  }
  return { start, end, entry: chosen.entry, language: chosen.language, replacement: chosen.replacement };
}

/** The key a form is stored under: folded, separators as single spaces. */
export function normaliseForm(form: string): string {
  return foldString(form)
    .replace(/[\s\u00a0\u202f\-\u2010\u2011]+/g, ' ')
    .trim();
}
