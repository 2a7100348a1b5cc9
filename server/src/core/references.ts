import type { Locale } from './i18n';
import { isRecommendationId, type RecommendationId } from './recommendations';
import type { OffsetRange } from './text/range';

/**
 * References a drafter (or a finding) makes to the texts this tool explains:
 *   "Recommendation II-6", "II-10", "Recommandation II-5"
 *   "Article 20(1)(e) of the Convention", "Art. 23 of the Lanzarote Convention",
 *   "article 20, paragraphe 1, e) de la Convention de Lanzarote", "Lanzarote Convention, Article 20(2)".
 *
 * An article number alone ("Article 20") is not a reference to the Convention: drafts number
 * their own articles. Only an article tied to the Convention by name counts.
 */
export type Reference = RecommendationReference | ArticleReference;

export interface RecommendationReference {
  kind: 'recommendation';
  id: RecommendationId;
  range: OffsetRange;
}

/** A provision of the Lanzarote Convention: article, and optionally paragraph and point. */
export interface ArticleRef {
  article: string;
  paragraph?: string;
  point?: string;
}

export interface ArticleReference extends ArticleRef {
  kind: 'article';
  range: OffsetRange;
}

const REC_WORD = String.raw`(?:Recommendations?|Recommandations?|Empfehlung(?:en)?|Recomendaci(?:ón|ones))`;
// "Recommendation II-6" (a space is fine after the word) or a bare "II-6" (a dash is then required,
// so "Part II 6" is not a reference).
const RECOMMENDATION = new RegExp(String.raw`\b(?:${REC_WORD}\s+II[\s\-–‑]?(\d{1,2})|II[\-–‑](\d{1,2}))(?![\d\p{L}])`, 'gu');

// Article, then optional paragraph and point, in the styles drafters write them:
// 20(1)(e) · 20(1)e · 20.1.e · 20, paragraph 1.e · 20, paragraphe 1, e) · 20 § 1 e) · 20 Abs. 1 Buchst. e
const ARTICLE = String.raw`\b(?:Articles?|Art\.|Artikel|Artículo|article|articles|art\.)\s*(\d{1,3})` +
  String.raw`(?:\s*\((\d{1,2})\)|\.(\d{1,2})(?=[.\s,;)]|$)|,?\s+(?:paragraph|paragraphe|para\.|§|Absatz|Abs\.|apartado|párrafo)\s*(\d{1,2}))?` +
  String.raw`(?:\s*\(([a-f])\)|\.([a-f])\b|,?\s+(?:point|lit\.|letter|lettre|littera|Buchstabe|Buchst\.|letra)?\s*([a-f])\)|(?<=\(\d{1,2}\))([a-f])\b)?`;
// What makes it the Lanzarote Convention: "of the Convention", "of the Lanzarote Convention",
// "Lanzarote Convention", "of this Convention", "de la Convention (de Lanzarote)", "der Lanzarote-Konvention" …
// A named other convention ("of the Convention on the Rights of the Child") is not ours.
const TAIL = String.raw`(?:,?\s+(?:of\s+(?:the\s+|this\s+)?|de\s+(?:la\s+|cette\s+)?|der\s+|des\s+|del\s+)?(?:Lanzarote[\s\-]+(?:Convention|Konvention|Übereinkommens?)|Convenio\s+de\s+Lanzarote|(?:Council\s+of\s+Europe\s+)?Convention(?:\s+de\s+Lanzarote|\s+on\s+the\s+Protection\s+of\s+Children\s+against\s+Sexual\s+Exploitation\s+and\s+Sexual\s+Abuse)?|Convenio)(?!\s+(?:on|for|relative|relating|concerning|sur|relative|pour|über|sobre)\b))`;
const HEAD = String.raw`(?:(?:Lanzarote[\s\-]+Convention|Convention\s+de\s+Lanzarote|Convenio\s+de\s+Lanzarote)\s*,\s*)`;
const ARTICLE_AFTER = new RegExp(ARTICLE + TAIL, 'giu');
const ARTICLE_BEFORE = new RegExp(HEAD + ARTICLE, 'giu');

/** All references in `text`, in order, with their ranges. */
export function findReferences(text: string): Reference[] {
  const out: Reference[] = [];
  // Cheap test first: most lines cite nothing.
  if (/II[\s\-–‑]?\d/.test(text)) {
    RECOMMENDATION.lastIndex = 0;
    for (let m = RECOMMENDATION.exec(text); m; m = RECOMMENDATION.exec(text)) {
      const id = `II-${Number(m[1] ?? m[2])}`;
      if (isRecommendationId(id)) out.push({ kind: 'recommendation', id, range: { start: m.index, end: m.index + m[0].length } });
    }
  }
  if (/Conven|Konvention/i.test(text)) {
    for (const re of [ARTICLE_AFTER, ARTICLE_BEFORE]) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const range = { start: m.index, end: m.index + m[0].length };
        if (out.some((r) => r.kind === 'article' && r.range.start < range.end && range.start < r.range.end)) continue;
        out.push({ kind: 'article', ...articleParts(m), range });
      }
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

function articleParts(m: RegExpExecArray): ArticleRef {
  const ref: ArticleRef = { article: m[1] };
  const paragraph = m[2] ?? m[3] ?? m[4];
  const point = m[5] ?? m[6] ?? m[7] ?? m[8];
  if (paragraph) ref.paragraph = paragraph;
  if (point) ref.point = point.toLowerCase();
  return ref;
}

/** The reference that covers `offset` (the character at it, or just before it), if any. */
export function referenceAt(text: string, offset: number): Reference | undefined {
  // A reference is a few dozen characters long: a window around the offset is enough, and keeps
  // hovers cheap in long drafts.
  const from = Math.max(0, offset - 300);
  const to = Math.min(text.length, offset + 300);
  for (const r of findReferences(text.slice(from, to))) {
    const start = r.range.start + from;
    const end = r.range.end + from;
    if (start <= offset && offset <= end) return { ...r, range: { start, end } };
  }
  return undefined;
}

/** "Art. 20(1)(e)" (a finding's check id) → { article: "20", paragraph: "1", point: "e" }. */
export function parseArticleKey(key: string): ArticleRef | undefined {
  const m = /^Art(?:icle)?\.?\s*(\d{1,3})(?:\((\d{1,2})\))?(?:\(([a-z])\))?$/i.exec(key.trim());
  if (!m) return undefined;
  const ref: ArticleRef = { article: m[1] };
  if (m[2]) ref.paragraph = m[2];
  if (m[3]) ref.point = m[3].toLowerCase();
  return ref;
}

/** "20(1)(e)" */
export function articleNumber(ref: ArticleRef): string {
  return `${ref.article}${ref.paragraph ? `(${ref.paragraph})` : ''}${ref.point ? `(${ref.point})` : ''}`;
}

/** How a check is named in running text: "Recommendation II-6", "Article 20(1)(e)". */
export function checkLabel(check: string, locale: Locale): string {
  if (check.startsWith('II-')) return `${locale === 'fr' ? 'Recommandation' : 'Recommendation'} ${check}`;
  const ref = parseArticleKey(check);
  if (ref) return `${locale === 'fr' ? 'article' : 'Article'} ${articleNumber(ref)}`;
  return check;
}
