import catalogue from './data/recommendations.json';
import convention from './data/convention.json';

export type Urgency = 'require' | 'request' | 'invite';
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type RecommendationId =
  | 'II-1' | 'II-2' | 'II-3' | 'II-4' | 'II-5' | 'II-6'
  | 'II-7' | 'II-8' | 'II-9' | 'II-10' | 'II-11' | 'II-12';

export interface Opinion {
  title: string;
  url: string;
}

export interface Recommendation {
  id: RecommendationId;
  urgency: Urgency;
  /** Our own short label, in English and in French. */
  title: string;
  titleFr: string;
  /** The sentence that introduces the recommendation, verbatim from the factsheet. */
  lead: string;
  /** The recommendation's wording, verbatim from the factsheet (one entry per bullet). */
  wording: string[];
  /** Convention articles it rests on. */
  articles: string[];
  opinions: Opinion[];
  section: string;
  source: { title: string; url: string; footnote: number };
}

export interface ConventionArticle {
  number: string;
  title: string;
  text: string[];
}

export const RECOMMENDATIONS: readonly Recommendation[] = catalogue.recommendations as Recommendation[];
export const RECOMMENDATION_IDS: readonly RecommendationId[] = RECOMMENDATIONS.map((r) => r.id);
export const URGENCIES = catalogue.urgencies as Record<Urgency, { word: string; meaning: string }>;
export const CONVENTION = catalogue.convention as { title: string; url: string };
export const CONVENTION_ARTICLES: readonly ConventionArticle[] = convention.articles;
export const CONVENTION_SOURCE = convention.source as { title: string; url: string };

const byId = new Map<string, Recommendation>(RECOMMENDATIONS.map((r) => [r.id, r]));

export function recommendation(id: string): Recommendation | undefined {
  return byId.get(normaliseRecommendationId(id));
}

/** "ii-6", "II 6", "Recommendation II-6" → "II-6"; anything else unchanged. */
export function normaliseRecommendationId(id: string): string {
  const m = /^(?:recommendation\s*)?ii[\s\-–]?(\d{1,2})$/i.exec(id.trim());
  return m ? `II-${Number(m[1])}` : id.trim();
}

export function isRecommendationId(id: string): id is RecommendationId {
  return byId.has(id);
}

export const DEFAULT_SEVERITY: Record<Urgency, Severity> = {
  require: 'error',
  request: 'warning',
  invite: 'information',
};

/** The recommendation's short label in the user's language. */
export function titleOf(rec: Recommendation, locale: string): string {
  return locale === 'fr' ? rec.titleFr : rec.title;
}

export function conventionArticle(number: string): ConventionArticle | undefined {
  return CONVENTION_ARTICLES.find((a) => a.number === number);
}

/**
 * The checks of Article 20(1) of the Convention, one per act. The Convention's obligations
 * are graded like the Committee's "Require" (obligations under the Convention itself).
 */
export type ConventionCheckId =
  | 'Art. 20(1)(a)' | 'Art. 20(1)(b)' | 'Art. 20(1)(c)' | 'Art. 20(1)(d)' | 'Art. 20(1)(e)' | 'Art. 20(1)(f)';

export const CONVENTION_CHECK_IDS: readonly ConventionCheckId[] = [
  'Art. 20(1)(a)', 'Art. 20(1)(b)', 'Art. 20(1)(c)', 'Art. 20(1)(d)', 'Art. 20(1)(e)', 'Art. 20(1)(f)',
];

/** Anything a finding can cite: a recommendation or an Article 20(1) act. */
export type CheckId = RecommendationId | ConventionCheckId;

/** Keys accepted for severity overrides and suppression directives: "II-6", "Art.20(1)(f)", "art20". */
export function normaliseCheckKey(key: string): string | undefined {
  const rec = normaliseRecommendationId(key);
  if (byId.has(rec)) return rec;
  const m = /^art(?:icle)?\.?\s*20\s*(?:\(1\)|\.1|-1)?\s*(?:\(?([a-f])\)?)?$/i.exec(key.trim());
  if (m) return m[1] ? `Art. 20(1)(${m[1].toLowerCase()})` : 'Art. 20(1)';
  return undefined;
}
