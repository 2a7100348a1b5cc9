import en from './data/cues/en.json';
import fr from './data/cues/fr.json';
import de from './data/cues/de.json';
import es from './data/cues/es.json';
import { foldCode, isApostropheCode } from './text/characters';
import type { LanguageCode } from './terminology/pack';

/**
 * Drafting cues are literal phrases kept as data per language. "Does this text end (or start)
 * with one of the phrases?" is answered by walking a trie of the folded phrases backwards from
 * the end (or forwards from the start): the cost is the length of the longest phrase, whatever
 * the length of the text or the number of phrases, and no phrase is ever a regular expression.
 */
export class PhraseSet {
  readonly #forward = new CharTrie();
  readonly #backward = new CharTrie();
  readonly #anywhere: RegExp | undefined;

  constructor(readonly phrases: readonly string[]) {
    const keys = [...new Set(phrases.map((p) => foldLength(p.trim()).replace(/\s+/g, ' ')).filter((p) => p.length > 0))];
    for (const k of keys) {
      this.#forward.add(k);
      this.#backward.add([...k].reverse().join(''));
    }
    const alternatives = keys.sort((a, b) => b.length - a.length).map(literalPattern).join('|');
    if (alternatives) this.#anywhere = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu');
  }

  /** `text` ends with one of the phrases (then optional punctuation and spaces), on a word boundary. */
  endsText(text: string): boolean {
    let j = text.length;
    while (j > 0 && isTrailingPunctuation(text.charCodeAt(j - 1))) j--;
    let node: CharTrie | undefined = this.#backward;
    let i = j - 1;
    while (node && i >= 0) {
      const c = text.charCodeAt(i);
      if (isSpaceLike(c)) {
        while (i > 0 && isSpaceLike(text.charCodeAt(i - 1))) i--;
        node = node.next(32);
      } else node = node.next(foldKey(c));
      if (node?.terminal && (i === 0 || !isLetterOrDigit(text.charCodeAt(i - 1)))) return true;
      i--;
    }
    return false;
  }

  /** `text` starts (after spaces, commas and colons) with one of the phrases; returns the length matched. */
  startsText(text: string): number {
    const n = text.length;
    let i = 0;
    while (i < n && (isSpaceLike(text.charCodeAt(i)) || text.charCodeAt(i) === 44 || text.charCodeAt(i) === 58)) i++;
    let node: CharTrie | undefined = this.#forward;
    let best = 0;
    while (node && i < n) {
      const c = text.charCodeAt(i);
      if (isSpaceLike(c)) {
        while (i + 1 < n && isSpaceLike(text.charCodeAt(i + 1))) i++;
        node = node.next(32);
      } else node = node.next(foldKey(c));
      i++;
      if (node?.terminal && (i >= n || !isLetterOrDigit(text.charCodeAt(i)))) best = i;
    }
    return best;
  }

  /** Every occurrence in `text`, as [start, end) offsets (same length as `text`). */
  find(text: string): { start: number; end: number }[] {
    if (!this.#anywhere) return [];
    const folded = foldLength(text);
    const out: { start: number; end: number }[] = [];
    this.#anywhere.lastIndex = 0;
    for (let m = this.#anywhere.exec(folded); m; m = this.#anywhere.exec(folded)) {
      out.push({ start: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) this.#anywhere.lastIndex++;
    }
    return out;
  }
}

class CharTrie {
  readonly #children = new Map<number, CharTrie>();
  terminal = false;

  add(key: string): void {
    let node: CharTrie = this;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = node.#children.get(c);
      if (!next) node.#children.set(c, (next = new CharTrie()));
      node = next;
    }
    node.terminal = true;
  }

  next(c: number): CharTrie | undefined {
    return this.#children.get(c);
  }
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
function isLetterOrDigit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

function isSpaceLike(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f || c === 0x2007 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x2028 || c === 0x2029 || c === 0x85 || c === 0xfeff;
}

/** Trailing characters an end-anchored cue may be followed by: spaces, ":", ",", dashes. */
function isTrailingPunctuation(c: number): boolean {
  return isSpaceLike(c) || c === 58 || c === 44 || c === 0x2014 || c === 0x2013 || c === 45;
}

/** The folded code unit a phrase key holds for `c` (as foldLength folds it). */
function foldKey(c: number): number {
  if (isApostropheCode(c)) return 39;
  const f = foldCode(c);
  return f === 0 ? c : f;
}

/** Fold case and accents one code unit for one, so offsets in the folded text equal the original's. */
export function foldLength(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isApostropheCode(c)) out += "'";
    else if (c === 0xa0 || c === 0x202f) out += ' ';
    else {
      const f = foldCode(c);
      out += f === 0 ? text[i] : String.fromCharCode(f);
    }
  }
  return out;
}

function literalPattern(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('\\s+');
}

export interface ArticleChange {
  from: string;
  to: string;
  gender: string;
}

interface RawCues {
  language: string;
  grammar: { functionWords: string[]; indefiniteArticles?: { consonant: string; vowel: string }; articleChanges?: ArticleChange[] };
  quotation: {
    definitionVerbs: string[];
    definitionIntroducers: string[];
    newWordingCues: string[];
    introductionCues: string[];
    introductionExclusions: string[];
  };
  citation: {
    instruments: string[];
    connectors: string[];
    ownInstrument: string[];
    statuteWords: string[];
    shortTitleCues: string[];
    knownTitles: string[];
    titleBreakers: string[];
  };
}

export interface LanguageCues {
  language: LanguageCode;
  functionWords: Set<string>;
  indefiniteArticles?: { consonant: string; vowel: string };
  articleChanges: ArticleChange[];
  definitionVerbs: PhraseSet;
  definitionIntroducers: PhraseSet;
  newWordingCues: PhraseSet;
  introductionCues: PhraseSet;
  introductionExclusions: PhraseSet;
  instruments: PhraseSet;
  connectors: PhraseSet;
  ownInstrument: PhraseSet;
  statuteWords: PhraseSet;
  shortTitleCues: PhraseSet;
  knownTitles: PhraseSet;
  titleBreakers: PhraseSet;
}

function compile(raw: RawCues): LanguageCues {
  return {
    language: raw.language as LanguageCode,
    functionWords: new Set(raw.grammar.functionWords.map((w) => foldLength(w))),
    indefiniteArticles: raw.grammar.indefiniteArticles,
    articleChanges: raw.grammar.articleChanges ?? [],
    definitionVerbs: new PhraseSet(raw.quotation.definitionVerbs),
    definitionIntroducers: new PhraseSet(raw.quotation.definitionIntroducers),
    newWordingCues: new PhraseSet(raw.quotation.newWordingCues),
    introductionCues: new PhraseSet(raw.quotation.introductionCues),
    introductionExclusions: new PhraseSet(raw.quotation.introductionExclusions),
    instruments: new PhraseSet(raw.citation.instruments),
    connectors: new PhraseSet(raw.citation.connectors),
    ownInstrument: new PhraseSet(raw.citation.ownInstrument),
    statuteWords: new PhraseSet(raw.citation.statuteWords),
    shortTitleCues: new PhraseSet(raw.citation.shortTitleCues),
    knownTitles: new PhraseSet(raw.citation.knownTitles),
    titleBreakers: new PhraseSet(raw.citation.titleBreakers),
  };
}

let compiled: Map<LanguageCode, LanguageCues> | undefined;

export function cuesFor(language: LanguageCode): LanguageCues {
  compiled ??= new Map([en, fr, de, es].map((raw) => [raw.language as LanguageCode, compile(raw as RawCues)]));
  return compiled.get(language)!;
}

/** Cues of every language: quotations in a French draft may still use English formulas. */
export function allCues(): LanguageCues[] {
  return (['en', 'fr', 'de', 'es'] as LanguageCode[]).map(cuesFor);
}
