import { elements, type XmlNode } from '../xml/tree';

/** FRBR metadata uses ISO 639-2 codes (bibliographic or terminology form); the core uses ISO 639-1. */
const ISO_639_2: Record<string, string> = { eng: 'en', fra: 'fr', fre: 'fr', deu: 'de', ger: 'de', spa: 'es' };

/**
 * The language the document declares: the expression's FRBRlanguage (the language of this
 * version of the text), else any FRBRlanguage, else xml:lang on the root. Lower-case ISO 639-1
 * when we know the code; any other code is returned as given (the analysis ignores it).
 */
export function declaredLanguage(roots: readonly XmlNode[]): string | undefined {
  let fallback: string | undefined;
  for (const e of elements(roots)) {
    if (e.local === 'FRBRlanguage' && e.attributes.language) {
      if (e.parent?.local === 'FRBRExpression') return normalise(e.attributes.language);
      fallback ??= e.attributes.language;
    }
  }
  if (fallback) return normalise(fallback);
  const root = roots.find((n) => n.kind === 'element');
  const lang = root?.kind === 'element' ? root.attributes['xml:lang'] : undefined;
  return lang ? normalise(lang) : undefined;
}

function normalise(code: string): string {
  const c = code.trim().toLowerCase();
  return ISO_639_2[c] ?? (/^[a-z]{2}(?:[-_]|$)/.test(c) ? c.slice(0, 2) : c);
}
