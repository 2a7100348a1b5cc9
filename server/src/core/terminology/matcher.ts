import { PhraseTrie, normalisePhrase } from '../text/phraseTrie';
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

export class CompileError extends Error {}

/**
 * All deprecated terms of the given packs compiled into one phrase trie. German entries may
 * begin a compound (Kinderpornografiedelikt): they are stored as prefixes.
 */
export class TermMatcher {
  readonly #trie = new PhraseTrie<Terminal>();

  constructor(packs: readonly TerminologyPack[]) {
    const seen = new Map<string, string>();
    for (const pack of packs) {
      for (const entry of pack.terms) {
        for (const form of allForms(entry)) {
          const key = normalisePhrase(form.form);
          if (!key) throw new CompileError(`Term "${form.form}" in pack ${pack.language} is empty after normalisation`);
          const owner = seen.get(`${pack.language}:${key}`);
          if (owner && owner !== entry.id) {
            // A user's term spelt like one already compiled (validation refuses it) must not stop the analysis.
            if (entry.family === 'user') continue;
            throw new CompileError(`Term "${form.form}" appears in both ${owner} and ${entry.id} (${pack.language})`);
          }
          seen.set(`${pack.language}:${key}`, entry.id);
          this.#trie.add(entry.compound ? `${form.form}*` : form.form, { entry, language: pack.language, replacement: form.replacement ?? entry.replacement });
        }
      }
    }
  }

  /**
   * Every non-overlapping longest match in `text`, in order. `preferred` picks among entries of
   * different languages that share a spelling (English and German "sextortion").
   */
  scan(text: string, preferred: readonly LanguageCode[] = []): TermMatch[] {
    return this.#trie.scanLongest(text).map((m) => {
      let chosen = m.payloads[0];
      for (const lang of preferred) {
        const t = m.payloads.find((x) => x.language === lang);
        if (t) {
          chosen = t;
          break;
        }
      }
      return { start: m.start, end: m.end, entry: chosen.entry, language: chosen.language, replacement: chosen.replacement };
    });
  }
}

export { normalisePhrase as normaliseForm };
