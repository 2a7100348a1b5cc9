import type { allCues } from '../cues';
import type { Finding } from '../findings';
import { citation, t } from '../i18n';
import { recommendation, type RecommendationId } from '../recommendations';
import type { Settings } from '../settings';
import { CitationIndex, citedTitleAround } from '../structure/citations';
import type { Exemption, Quotations } from '../structure/quotations';
import { inAnyRange, type OffsetRange } from '../text/range';
import { TermMatcher, type TermMatch } from './matcher';
import { PACKS, packFor, type LanguageCode, type TermEntry, type TerminologyPack } from './pack';
import { documentApostrophe, rewrite } from './rewrite';
import type { CheckContext } from '../check';

const matchers = new Map<string, TermMatcher>();

/** One compiled matcher per combination of packs and user terms, kept for the process. */
export function matcherFor(settings: Settings, language: LanguageCode): TermMatcher {
  const key = JSON.stringify([settings.languages, settings.terms, settings.terms.length ? language : '']);
  let m = matchers.get(key);
  if (!m) {
    const packs: TerminologyPack[] = settings.languages.length ? settings.languages.map(packFor) : [...PACKS];
    if (settings.terms.length) packs.push(userPack(settings, language));
    m = new TermMatcher(packs);
    if (matchers.size > 32) matchers.clear();
    matchers.set(key, m);
  }
  return m;
}

function userPack(settings: Settings, language: LanguageCode): TerminologyPack {
  const terms: TermEntry[] = settings.terms.map((u, i) => ({
    id: `user-${i + 1}`,
    family: 'user',
    recommendation: u.recommendation as RecommendationId,
    forms: [u.term],
    unsourcedForms: [],
    replacement: u.replacement,
    autofix: !!u.replacement,
    nounModifierSafe: true,
    confidence: 'user',
    sources: ['.lanzarote.json (terms)'],
    examples: { positive: [], negative: [] },
  }));
  return { language, smallWords: packFor(language).smallWords, terms };
}

/**
 * Recommendation II-1 and the terminology it implies: every deprecated term, with its preferred
 * wording and a safe rewrite where one exists. Terms inside quotations of other texts, cited
 * titles and passages introduced as another instrument's wording are reported as `quoted`
 * information (or hidden), never as the draft's own usage.
 */
export function checkTerminology(ctx: CheckContext, apostrophe?: string): Finding[] {
  const { settings, language, text } = ctx;
  const matches = matcherFor(settings, language).scan(text, [language, 'en', 'fr', 'de', 'es']);
  if (matches.length === 0) return [];
  const { cues, quotations, introduced, formatQuotes } = ctx.quoted;
  // An excerpt re-read after an edit (lsp/incremental.ts) is given the whole document's apostrophe.
  apostrophe ??= documentApostrophe(text);
  const citations = new CitationIndex(text, cues, matches);
  const out: Finding[] = [];

  for (const match of matches) {
    const range = { start: match.start, end: match.end };
    const exemption = exemptionFor(range, text, quotations, introduced, formatQuotes, cues, citations);
    const finding = termFinding(match, exemption, ctx, apostrophe);
    if (finding) out.push(finding);
  }
  return out;
}

function exemptionFor(
  range: OffsetRange,
  text: string,
  quotations: Quotations,
  introduced: OffsetRange[],
  formatQuotes: OffsetRange[],
  cues: ReturnType<typeof allCues>,
  citations: CitationIndex,
): Exemption | undefined {
  const block = inAnyRange(formatQuotes, range);
  if (block) return { kind: 'blockquote', range: block };
  const passage = inAnyRange(introduced, range);
  if (passage) return { kind: 'introduced-wording', range: passage };
  const quote = quotations.quotationAround(range);
  if (quote) return { kind: 'quotation', range: quote.inner };
  const title = citedTitleAround(text, range, cues, citations);
  if (title) return { kind: 'cited-title', range: title };
  return undefined;
}

function termFinding(match: TermMatch, exemption: Exemption | undefined, ctx: CheckContext, apostrophe: string): Finding | undefined {
  const { source, text, locale } = ctx;
  const entry = match.entry;
  const rec = recommendation(entry.recommendation)!;
  const quoted = !!exemption;
  const severity = ctx.severityFor(rec.id, rec.urgency, { quoted, level: entry.level });
  if (!severity) return undefined;

  const matched = text.slice(match.start, match.end);
  const { edit, preferred } = rewrite(match, { text, apostrophe });
  const suggestions = [...(preferred ? [preferred] : []), ...(entry.suggestions ?? [])].filter((s, i, a) => a.indexOf(s) === i);
  const cite = citation(locale, rec.id, rec.urgency);
  const shown = oneLine(matched);
  let message: string;
  if (entry.level === 'hint') message = t(locale, 'term.hint', shown, suggestions[0] ?? '', cite);
  else if (edit) message = t(locale, 'term.replace', shown, preferred!, cite);
  else message = t(locale, 'term.suggest', shown, suggestions[0] ?? '', cite) + (preferred ? ` ${t(locale, 'term.noSafeRewrite')}` : '');
  if (exemption) message += ` ${t(locale, 'term.quoted', t(locale, `quoted.${exemption.kind}`))}`;

  const fixable = edit && !quoted && source.isContiguous(edit.range);
  return {
    ruleId: `term/${entry.family}`,
    check: rec.id,
    urgency: rec.urgency,
    severity,
    message,
    range: source.toOriginalRange({ start: match.start, end: match.end }),
    quoted,
    fix: fixable ? { range: source.toOriginalRange(edit.range), newText: source.encodeText(edit.newText) } : undefined,
    suggestions,
    term: { id: entry.id, text: shown, preferred: preferred ?? suggestions[0] ?? '' },
  };
}

function oneLine(s: string): string {
  return s.replace(/-\s*[\r\n]+\s*/g, '-').replace(/\s*[\r\n]+\s*/g, ' ');
}

