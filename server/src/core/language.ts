import type { LanguageCode } from './terminology/pack';

/**
 * Guess a draft's language from its most frequent function words. Drafts are long and
 * formulaic, so a few thousand characters are plenty; the rest of the text is not read.
 */
const STOPWORDS: Record<LanguageCode, string[]> = {
  en: ['the', 'of', 'and', 'shall', 'any', 'person', 'which', 'or', 'to', 'is', 'who', 'an', 'this', 'be'],
  fr: ['le', 'la', 'les', 'des', 'du', 'est', 'une', 'qui', 'dans', 'par', 'au', 'aux', 'sont', 'ou', 'pour'],
  de: ['der', 'die', 'das', 'und', 'wird', 'nicht', 'ist', 'mit', 'den', 'von', 'oder', 'wer', 'einer', 'zu'],
  es: ['el', 'los', 'las', 'del', 'que', 'será', 'por', 'una', 'con', 'para', 'se', 'quien', 'cuando'],
};

const lookup = new Map<string, LanguageCode[]>();
for (const [lang, words] of Object.entries(STOPWORDS) as [LanguageCode, string[]][]) {
  for (const w of words) lookup.set(w, [...(lookup.get(w) ?? []), lang]);
}

export function detectLanguage(text: string, sample = 20_000): LanguageCode {
  const counts: Record<LanguageCode, number> = { en: 0, fr: 0, de: 0, es: 0 };
  const re = /\p{L}+/gu;
  const slice = text.length > sample ? text.slice(0, sample) : text;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const langs = lookup.get(m[0].toLowerCase());
    if (langs) for (const l of langs) counts[l]++;
  }
  let best: LanguageCode = 'en';
  for (const l of ['fr', 'de', 'es'] as LanguageCode[]) if (counts[l] > counts[best]) best = l;
  return best;
}
