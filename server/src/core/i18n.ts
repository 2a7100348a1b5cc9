import type { Urgency } from './recommendations';

/** Languages of the user interface (messages, hovers, reports). */
export type Locale = 'en' | 'fr';
export const LOCALES: readonly Locale[] = ['en', 'fr'];

type Dictionary = Record<string, string>;

const en: Dictionary = {
  'urgency.require': 'Require',
  'urgency.request': 'Request',
  'urgency.invite': 'Invite',
  'cite.recommendation': 'Recommendation {0}, {1}',
  'cite.convention': '{0} of the Lanzarote Convention, {1}',
  'term.replace': '“{0}” is outdated wording: use “{1}” ({2}).',
  'term.suggest': '“{0}” is outdated wording: consider “{1}” ({2}).',
  'term.noSafeRewrite': 'No automatic rewrite: the sentence needs adjusting by hand.',
  'term.hint': '“{0}” is informal: describe the conduct instead, e.g. “{1}” ({2}).',
  'term.quoted': 'In quoted text ({0}): the quoted wording is kept.',
  'quoted.quotation': 'a quotation',
  'quoted.blockquote': 'a block quotation',
  'quoted.introduced-wording': 'wording introduced as another text’s',
  'quoted.cited-title': 'the cited title of an existing instrument',
  'directive.unknownId': 'Unknown recommendation id “{0}” in a lanzarote directive: use II-1 … II-12 or Art.20(1)(a) … (f).',
  'directive.unknownLanguage': 'Unknown language “{0}” in a lanzarote-language directive: use en, fr, de or es.',
  'file.tooLarge': 'Not analysed: the file is {0} and the limit (maxFileSize) is {1}.',
  'file.binary': 'Not analysed: the file looks binary, not a text draft.',
  'file.invalidUtf8': 'The file is not valid UTF-8; undecodable bytes were read as “\uFFFD”.',
};

const fr: Dictionary = {
  'urgency.require': 'Exigence',
  'urgency.request': 'Demande',
  'urgency.invite': 'Invitation',
  'cite.recommendation': 'Recommandation {0}, {1}',
  'cite.convention': '{0} de la Convention de Lanzarote, {1}',
  'term.replace': '« {0} » est une terminologie dépassée : employer « {1} » ({2}).',
  'term.suggest': '« {0} » est une terminologie dépassée : envisager « {1} » ({2}).',
  'term.noSafeRewrite': 'Pas de réécriture automatique : la phrase doit être adaptée à la main.',
  'term.hint': '« {0} » est un terme familier : décrire plutôt le comportement, par ex. « {1} » ({2}).',
  'term.quoted': 'Dans un texte cité ({0}) : la formulation citée est conservée.',
  'quoted.quotation': 'une citation',
  'quoted.blockquote': 'un bloc de citation',
  'quoted.introduced-wording': 'un passage présenté comme le texte d’un autre instrument',
  'quoted.cited-title': 'le titre cité d’un instrument existant',
  'directive.unknownId': 'Identifiant de recommandation inconnu « {0} » dans une directive lanzarote : utiliser II-1 … II-12 ou Art.20(1)(a) … (f).',
  'directive.unknownLanguage': 'Langue inconnue « {0} » dans une directive lanzarote-language : utiliser en, fr, de ou es.',
  'file.tooLarge': 'Non analysé : le fichier fait {0} et la limite (maxFileSize) est de {1}.',
  'file.binary': 'Non analysé : le fichier semble binaire et non un projet de texte.',
  'file.invalidUtf8': 'Le fichier n’est pas en UTF-8 valide ; les octets illisibles ont été lus comme « \uFFFD ».',
};

const dictionaries: Record<Locale, Dictionary> = { en, fr };

/** Register further strings (compliance checks, report) without this module knowing them. */
export function addMessages(locale: Locale, entries: Dictionary): void {
  Object.assign(dictionaries[locale], entries);
}

export function t(locale: Locale, key: string, ...args: (string | number)[]): string {
  const template = dictionaries[locale][key] ?? dictionaries.en[key] ?? key;
  if (!template.includes('{')) return template;
  return template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

export function urgencyWord(locale: Locale, urgency: Urgency): string {
  return t(locale, `urgency.${urgency}`);
}

/** "Recommendation II-6, Request" / "Article 20(1)(f) of the Lanzarote Convention, Require". */
export function citation(locale: Locale, check: string, urgency: Urgency): string {
  return check.startsWith('II-')
    ? t(locale, 'cite.recommendation', check, urgencyWord(locale, urgency))
    : t(locale, 'cite.convention', check, urgencyWord(locale, urgency));
}

export function localeFrom(value: string | undefined): Locale {
  return value && /^fr(?:[_.@-]|$)/i.test(value) ? 'fr' : 'en';
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
