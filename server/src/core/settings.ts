import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { localeFrom, type Locale } from './i18n';
import { normaliseCheckKey, type Severity } from './recommendations';
import { allForms, LANGUAGES, PACKS, type LanguageCode } from './terminology/pack';
import { LineIndex } from './text/lineIndex';
import { normalisePhrase } from './text/phraseTrie';

export type SeverityOverride = Severity | 'off' | 'default';
export type QuotationPolicy = 'information' | 'hide';

export interface Jurisdiction {
  /** Legal age for sexual activities (Article 18(2)). */
  ageOfSexualConsent: number | null;
  ageOfCriminalResponsibility: number | null;
  /** Largest age difference the draft should treat as "similar age" (Recommendation II-5). */
  maxAgeDifference: number | null;
}

/** A user-defined deprecated term: a literal phrase, never a regular expression. */
export interface UserTerm {
  term: string;
  replacement?: string;
  recommendation: string;
}

export interface Settings {
  /** Terminology packs in use; all when empty. */
  languages: LanguageCode[];
  /** The draft's language, or detect it from the text. */
  documentLanguage: LanguageCode | 'auto';
  /** Severity per check id ("II-6", "Art. 20(1)(f)", "Art. 20(1)"). */
  severity: Record<string, SeverityOverride>;
  quotations: QuotationPolicy;
  /** Globs of files to skip (CLI). */
  ignore: string[];
  /** Files larger than this many bytes are announced, not analysed. */
  maxFileSize: number;
  jurisdiction: Jurisdiction;
  /** Language of messages. */
  locale: Locale;
  terms: UserTerm[];
}

export const DEFAULT_MAX_FILE_SIZE = 16 * 1024 * 1024;
const MAX_ALLOWED_FILE_SIZE = 1024 * 1024 * 1024;

export function defaultSettings(): Settings {
  return {
    languages: [],
    documentLanguage: 'auto',
    severity: {},
    quotations: 'information',
    ignore: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    jurisdiction: { ageOfSexualConsent: null, ageOfCriminalResponsibility: null, maxAgeDifference: null },
    locale: 'en',
    terms: [],
  };
}

export function cloneSettings(s: Settings): Settings {
  return {
    ...s,
    languages: [...s.languages],
    severity: { ...s.severity },
    ignore: [...s.ignore],
    jurisdiction: { ...s.jurisdiction },
    terms: s.terms.map((t) => ({ ...t })),
  };
}

export interface SettingsProblem {
  /** Dotted key path, e.g. "severity.II-13" or "jurisdiction.maxAgeDifference". */
  key: string;
  message: string;
  /** Offset and length in the configuration file, when read from one. */
  offset?: number;
  length?: number;
  /** 1-based line and column in the configuration file. */
  line?: number;
  column?: number;
}

export interface SettingsResult {
  settings: Settings;
  problems: SettingsProblem[];
}

const SEVERITIES: readonly SeverityOverride[] = ['error', 'warning', 'information', 'hint', 'off', 'default'];
const KNOWN_KEYS = ['$schema', 'languages', 'language', 'severity', 'quotations', 'ignore', 'maxFileSize', 'jurisdiction', 'locale', 'terms'];

/**
 * Validate a settings object (from `.lanzarote.json` or editor settings) on top of `base`.
 * Every problem is reported with its key; the offending value is ignored and the rest applies,
 * so a single typo never switches the tool off.
 */
export function validateSettings(value: unknown, base: Settings = defaultSettings()): SettingsResult {
  const settings: Settings = cloneSettings(base);
  const problems: SettingsProblem[] = [];
  const problem = (key: string, message: string) => problems.push({ key, message });

  if (value === null || value === undefined) return { settings, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problem('', 'The configuration must be a JSON object, e.g. { "quotations": "hide" }.');
    return { settings, problems };
  }
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!KNOWN_KEYS.includes(key)) {
      problem(key, `Unknown setting "${key}". Known settings: ${KNOWN_KEYS.slice(1).join(', ')}.`);
    }
  }

  if ('languages' in obj) {
    const v = obj.languages;
    if (!Array.isArray(v)) problem('languages', 'Must be a list of language codes, e.g. ["en", "fr"].');
    else {
      const langs: LanguageCode[] = [];
      v.forEach((l, i) => {
        if (typeof l === 'string' && (LANGUAGES as string[]).includes(l.toLowerCase())) langs.push(l.toLowerCase() as LanguageCode);
        else problem(`languages.${i}`, `Unknown language ${JSON.stringify(l)}: use ${LANGUAGES.join(', ')}.`);
      });
      settings.languages = langs;
    }
  }
  if ('language' in obj) {
    const v = obj.language;
    if (v === 'auto' || (typeof v === 'string' && (LANGUAGES as string[]).includes(v.toLowerCase()))) {
      settings.documentLanguage = (v as string).toLowerCase() as LanguageCode | 'auto';
    } else problem('language', `Must be "auto" or one of ${LANGUAGES.join(', ')}.`);
  }
  if ('locale' in obj) {
    const v = obj.locale;
    if (typeof v === 'string' && /^(en|fr)(?:[_.@-]|$)/i.test(v)) settings.locale = localeFrom(v);
    else problem('locale', 'Must be "en" or "fr".');
  }
  if ('severity' in obj) {
    const v = obj.severity;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      problem('severity', 'Must be an object mapping recommendation ids to severities, e.g. { "II-1": "warning" }.');
    } else {
      for (const [k, s] of Object.entries(v)) {
        const id = normaliseCheckKey(k);
        if (!id) problem(`severity.${k}`, `Unknown recommendation id "${k}": use II-1 … II-12, or Art. 20(1)(a) … (f).`);
        else if (typeof s !== 'string' || !(SEVERITIES as string[]).includes(s)) {
          problem(`severity.${k}`, `Severity must be one of ${SEVERITIES.join(', ')}.`);
        } else settings.severity[id] = s as SeverityOverride;
      }
    }
  }
  if ('quotations' in obj) {
    const v = obj.quotations;
    if (v === 'information' || v === 'hide') settings.quotations = v;
    else problem('quotations', 'Must be "information" (report quoted terms as information) or "hide".');
  }
  if ('ignore' in obj) {
    const v = obj.ignore;
    if (!Array.isArray(v) || v.some((g) => typeof g !== 'string')) problem('ignore', 'Must be a list of glob patterns, e.g. ["archive/**"].');
    else settings.ignore = v as string[];
  }
  if ('maxFileSize' in obj) {
    const v = obj.maxFileSize;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1024 || v > MAX_ALLOWED_FILE_SIZE) {
      problem('maxFileSize', `Must be a whole number of bytes between 1024 and ${MAX_ALLOWED_FILE_SIZE}.`);
    } else settings.maxFileSize = v;
  }
  if ('jurisdiction' in obj) {
    const v = obj.jurisdiction;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) problem('jurisdiction', 'Must be an object, e.g. { "ageOfSexualConsent": 15 }.');
    else {
      const j = v as Record<string, unknown>;
      for (const key of Object.keys(j)) {
        if (!['ageOfSexualConsent', 'ageOfCriminalResponsibility', 'maxAgeDifference'].includes(key)) {
          problem(`jurisdiction.${key}`, `Unknown setting "jurisdiction.${key}". Known: ageOfSexualConsent, ageOfCriminalResponsibility, maxAgeDifference.`);
        }
      }
      for (const key of ['ageOfSexualConsent', 'ageOfCriminalResponsibility', 'maxAgeDifference'] as const) {
        if (!(key in j)) continue;
        const n = j[key];
        const [min, max] = key === 'maxAgeDifference' ? [0, 10] : [0, 21];
        if (n === null) settings.jurisdiction[key] = null;
        else if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
          problem(`jurisdiction.${key}`, `Must be a whole number of years between ${min} and ${max}.`);
        } else settings.jurisdiction[key] = n;
      }
    }
  }
  if ('terms' in obj) {
    const v = obj.terms;
    if (!Array.isArray(v)) problem('terms', 'Must be a list of { "term": "...", "replacement": "..." } objects.');
    else {
      const terms: UserTerm[] = [];
      const seen = new Map<string, number>();
      v.forEach((entry, i) => {
        const e = entry as Record<string, unknown>;
        if (typeof e !== 'object' || e === null || typeof e.term !== 'string' || e.term.trim().length < 2 || e.term.length > 200) {
          problem(`terms.${i}`, 'Each term needs a "term": a literal phrase of 2 to 200 characters.');
          return;
        }
        if (!/^[\p{L}\p{N}]/u.test(e.term.trim())) {
          problem(`terms.${i}.term`, 'A term must start with a letter or a digit.');
          return;
        }
        if (e.term.includes('*')) {
          problem(`terms.${i}.term`, 'A term is a literal phrase: "*" is not allowed (terms are never patterns).');
          return;
        }
        // The matcher finds each spelling once: a term spelt like a built-in one, or like an earlier one, is refused here.
        const key = normalisePhrase(e.term);
        const builtIn = builtInTerms().get(key);
        if (builtIn) {
          problem(`terms.${i}.term`, `"${e.term}" is already a built-in term (${builtIn}); the built-in advice applies.`);
          return;
        }
        if (seen.has(key)) {
          problem(`terms.${i}.term`, `The same term as terms.${seen.get(key)} (capitals, accents, hyphens and spaces aside).`);
          return;
        }
        seen.set(key, i);
        if (e.replacement !== undefined && typeof e.replacement !== 'string') {
          problem(`terms.${i}.replacement`, 'Must be a string.');
          return;
        }
        const rec = e.recommendation === undefined ? 'II-1' : normaliseCheckKey(String(e.recommendation));
        if (!rec || !rec.startsWith('II-')) {
          problem(`terms.${i}.recommendation`, `Unknown recommendation id ${JSON.stringify(e.recommendation)}.`);
          return;
        }
        for (const k of Object.keys(e)) {
          if (!['term', 'replacement', 'recommendation'].includes(k)) problem(`terms.${i}.${k}`, `Unknown key "${k}" in a term.`);
        }
        terms.push({ term: e.term, replacement: e.replacement as string | undefined, recommendation: rec });
      });
      settings.terms = terms;
    }
  }
  return { settings, problems };
}

let builtIn: Map<string, string> | undefined;
/** Every spelling of the terminology packs, folded as the matcher folds them, with its entry id. */
function builtInTerms(): Map<string, string> {
  if (!builtIn) {
    builtIn = new Map();
    for (const pack of PACKS) for (const entry of pack.terms) for (const f of allForms(entry)) builtIn.set(normalisePhrase(f.form), entry.id);
  }
  return builtIn;
}

/**
 * Parse and validate the text of a `.lanzarote.json` file. JSON with comments is accepted;
 * syntax errors and invalid values come back with their position in the file.
 */
export function parseSettingsFile(text: string, base: Settings = defaultSettings()): SettingsResult {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const lines = new LineIndex(text);
  const at = (offset: number, length: number) => {
    const p = lines.codePointPosition(offset);
    return { offset, length, line: p.line, column: p.column };
  };
  if (errors.length > 0 || !tree) {
    const problems = errors.map((e) => ({ key: '', message: `Invalid JSON: ${describeParseError(printParseErrorCode(e.error))}.`, ...at(e.offset, e.length) }));
    if (problems.length === 0) problems.push({ key: '', message: 'The file is empty; expected a JSON object.', ...at(0, 0) });
    return { settings: cloneSettings(base), problems };
  }
  const result = validateSettings(nodeValue(tree), base);
  for (const p of result.problems) {
    const node = locate(tree, p.key);
    if (node) Object.assign(p, at(node.offset, node.length));
  }
  return result;
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      // No prototype: a "__proto__" key is a key like any other (reported as unknown), never the object's prototype.
      const obj: Record<string, unknown> = Object.create(null);
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) obj[String(k.value)] = nodeValue(v);
      }
      return obj;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** The node for a dotted key; for an unknown key, its property name. */
function locate(tree: Node, key: string): Node | undefined {
  if (!key) return tree;
  const parts = key.split('.');
  const path = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const node = findNodeAtLocation(tree, path);
  if (node) {
    // Point at the property's value; for unknown keys the property name reads better.
    const prop = node.parent;
    if (prop?.type === 'property' && prop.children?.[0]) {
      return KNOWN_KEYS.includes(String(path[0])) && parts.length === 1 ? node : prop.children[0];
    }
    return node;
  }
  return locate(tree, parts.slice(0, -1).join('.'));
}
