import en from './data/cues/en.json';
import fr from './data/cues/fr.json';
import de from './data/cues/de.json';
import es from './data/cues/es.json';
import { foldCode, isApostropheCode } from './text/characters';
import type { LanguageCode } from './terminology/pack';

/**
 * Drafting cues are literal phrases kept as data per language. They are compiled here, once,
 * into anchored alternations of escaped literals: linear to run, and no phrase is ever
 * interpreted as a regular expression.
 */
export class PhraseSet {
  readonly #atEnd: RegExp | undefined;
  readonly #atStart: RegExp | undefined;
  readonly #anywhere: RegExp | undefined;

  constructor(readonly phrases: readonly string[]) {
    const alternatives = [...new Set(phrases.map((p) => foldLength(p.trim())).filter((p) => p.length > 0))]
      .sort((a, b) => b.length - a.length)
      .map(literalPattern)
      .join('|');
    if (alternatives) {
      this.#atEnd = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${alternatives})[\\s:,—–-]*$`, 'u');
      this.#atStart = new RegExp(`^[\\s,:]*(?:${alternatives})(?![\\p{L}\\p{N}])`, 'u');
      this.#anywhere = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu');
    }
  }

  /** `text` ends with one of the phrases (then optional punctuation and spaces). */
  endsText(text: string): boolean {
    return !!this.#atEnd && this.#atEnd.test(foldLength(text));
  }

  /** `text` starts (after spaces) with one of the phrases; returns the length matched. */
  startsText(text: string): number {
    if (!this.#atStart) return 0;
    const m = this.#atStart.exec(foldLength(text));
    return m ? m[0].length : 0;
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
