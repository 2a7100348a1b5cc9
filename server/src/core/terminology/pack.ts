import en from '../data/terminology/en.json';
import fr from '../data/terminology/fr.json';
import de from '../data/terminology/de.json';
import es from '../data/terminology/es.json';
import type { RecommendationId } from '../recommendations';

export type LanguageCode = 'en' | 'fr' | 'de' | 'es';
export const LANGUAGES: readonly LanguageCode[] = ['en', 'fr', 'de', 'es'];

export type Gender = 'm' | 'f';

/** One spelling of a deprecated term, with its own replacement when it differs (plurals). */
export interface TermForm {
  form: string;
  replacement?: string;
}

export interface TermEntry {
  id: string;
  /** Rule family: findings carry the rule id "term/<family>". */
  family: string;
  recommendation: RecommendationId;
  forms: (string | TermForm)[];
  unsourcedForms: (string | TermForm)[];
  /** Wording to use instead; absent when no safe rewrite exists. */
  replacement?: string;
  /** Whether the replacement may be applied automatically in the common cases. */
  autofix: boolean;
  /** The replacement still reads well when the term modifies a following noun ("… offences"). */
  nounModifierSafe?: boolean;
  /** The replacement still reads well before a possessive 's. */
  possessiveSafe?: boolean;
  /** Grammatical gender of the deprecated and preferred wording (French, Spanish). */
  gender?: { deprecated: Gender; preferred: Gender };
  /** May begin a compound word (German: Kinderpornografiedelikt). */
  compound?: boolean;
  /** Fixed severity for terms that are only worth a hint. */
  level?: 'hint';
  suggestions?: string[];
  confidence: string;
  sources: string[];
  examples: { positive: { text: string; fixed?: string }[]; negative: string[] };
}

export interface TerminologyPack {
  language: LanguageCode;
  /** Words kept in lower case when a replacement is written in Title Case. */
  smallWords: string[];
  terms: TermEntry[];
}

export const PACKS: readonly TerminologyPack[] = [en, fr, de, es] as unknown as TerminologyPack[];

export function packFor(language: LanguageCode): TerminologyPack {
  return PACKS.find((p) => p.language === language)!;
}

export function allForms(entry: TermEntry): TermForm[] {
  return [...entry.forms, ...entry.unsourcedForms].map((f) => (typeof f === 'string' ? { form: f } : f));
}
