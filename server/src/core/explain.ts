import type { Finding } from './findings';
import { addMessages, t, urgencyWord, type Locale } from './i18n';
import {
  CONVENTION_SOURCE,
  RECOMMENDATIONS,
  URGENCIES,
  conventionArticle,
  recommendation,
  type Recommendation,
  type Urgency,
} from './recommendations';
import { articleNumber, checkLabel, parseArticleKey, type ArticleRef, type Reference } from './references';

/**
 * What the tool says about a recommendation, a Convention article or a finding, as Markdown.
 * Shared by the language server (hovers, the recommendation page) and any other front end.
 * The Committee's and the Convention's words are quoted verbatim from the catalogue and never
 * re-phrased; only the fixed text around them is ours, in English or French.
 */

addMessages('en', {
  'explain.urgency': 'urgency',
  'explain.conventionArticles': 'Lanzarote Convention',
  'explain.officialSource': 'Official source',
  'explain.footnote': 'footnote {0}',
  'explain.opinion': 'Committee opinion',
  'explain.preferred': 'Preferred wording: {0}',
  'explain.alsoConsider': 'Also to consider: {0}',
  'explain.safeFix': 'A quick fix rewrites it.',
  'explain.manualFix': 'No automatic rewrite: adjust the sentence by hand.',
  'explain.quoted': 'It stands in quoted text of another instrument, where the old wording is kept on purpose.',
  'explain.englishOnly': '',
  'explain.article': 'Article {0} of the Lanzarote Convention',
  'explain.articleMissing': 'The text of Article {0} is not in this tool’s catalogue: see the official text.',
  'explain.citedBy': 'Recommendations that rest on it: {0}',
  'explain.wording': 'Wording',
  'explain.section': 'Factsheet section: {0}',
  'explain.none': 'No particular article of the Convention.',
});
addMessages('fr', {
  'explain.urgency': 'degré d’urgence',
  'explain.conventionArticles': 'Convention de Lanzarote',
  'explain.officialSource': 'Source officielle',
  'explain.footnote': 'note {0}',
  'explain.opinion': 'Avis du Comité',
  'explain.preferred': 'Formulation recommandée : {0}',
  'explain.alsoConsider': 'À envisager aussi : {0}',
  'explain.safeFix': 'Une correction rapide la réécrit.',
  'explain.manualFix': 'Pas de réécriture automatique : adapter la phrase à la main.',
  'explain.quoted': 'Le terme figure dans le texte cité d’un autre instrument, où l’ancienne formulation est conservée à dessein.',
  'explain.englishOnly': '(texte officiel cité en anglais)',
  'explain.article': 'Article {0} de la Convention de Lanzarote',
  'explain.articleMissing': 'Le texte de l’article {0} ne figure pas dans le catalogue de l’outil : voir le texte officiel.',
  'explain.citedBy': 'Recommandations qui s’y rattachent : {0}',
  'explain.wording': 'Texte',
  'explain.section': 'Section de la fiche : {0}',
  'explain.none': 'Aucun article particulier de la Convention.',
});

/** The official source of a check: the factsheet for a recommendation, the Convention for an article. */
export function officialUrl(check: string): string | undefined {
  if (check.startsWith('II-')) return recommendation(check)?.source.url;
  return parseArticleKey(check) ? CONVENTION_SOURCE.url : undefined;
}

/** Hover text for a recommendation: id, urgency and its meaning, the wording, articles, sources. */
export function explainRecommendation(id: string, locale: Locale): string | undefined {
  const rec = recommendation(id);
  if (!rec) return undefined;
  return [
    `**${checkLabel(rec.id, locale)}** · ${urgencyWord(locale, rec.urgency)} — ${escapeMarkdown(rec.title)}`,
    urgencyMeaning(rec.urgency, locale),
    quoteWording(rec, locale),
    articlesLine(rec, locale),
    sourcesLine(rec, locale),
  ].filter(Boolean).join('\n\n');
}

/**
 * The page shown by "Show Recommendation": everything the hover says, plus the Convention
 * articles it rests on quoted in full, the Committee's opinions and the factsheet section.
 */
export function recommendationPage(id: string, locale: Locale): string | undefined {
  const rec = recommendation(id);
  if (!rec) return undefined;
  const out = [
    `# ${checkLabel(rec.id, locale)} — ${escapeMarkdown(rec.title)}`,
    `${capitalise(t(locale, 'explain.urgency'))} — ${urgencyMeaning(rec.urgency, locale)}`,
    `## ${t(locale, 'explain.wording')}`,
    quoteWording(rec, locale),
    `## ${t(locale, 'explain.conventionArticles')}`,
  ];
  const refs = rec.articles.map((a) => ({ key: a, ref: parseArticleKey(a) }));
  if (refs.length === 0) out.push(t(locale, 'explain.none'));
  for (const { key, ref } of refs) {
    if (!ref) {
      out.push(`- ${escapeMarkdown(key)}`);
      continue;
    }
    const excerpt = articleExcerpt(ref);
    out.push(`### ${checkLabel(key, locale)}${excerpt ? ` — ${escapeMarkdown(excerpt.title)}` : ''}`);
    out.push(excerpt ? blockquote(excerpt.lines) : t(locale, 'explain.articleMissing', articleNumber(ref)));
  }
  if (rec.opinions.length) {
    out.push(`## ${t(locale, 'explain.opinion')}`);
    for (const o of rec.opinions) out.push(`- [${escapeMarkdown(o.title)}](${o.url})`);
  }
  out.push(`## ${t(locale, 'explain.officialSource')}`);
  out.push(`[${escapeMarkdown(rec.source.title)}](${rec.source.url}), ${t(locale, 'explain.footnote', rec.source.footnote)}.`);
  out.push(t(locale, 'explain.section', escapeMarkdown(rec.section)));
  return out.join('\n\n') + '\n';
}

/** Hover text for a provision of the Convention: its words verbatim, who cites it, the source. */
export function explainArticle(ref: ArticleRef, locale: Locale): string {
  const number = articleNumber(ref);
  const excerpt = articleExcerpt(ref);
  const citing = RECOMMENDATIONS.filter((r) => r.articles.some((a) => related(parseArticleKey(a), ref)));
  return [
    `**${t(locale, 'explain.article', number)}**${excerpt ? ` — ${escapeMarkdown(excerpt.title)}` : ''}`,
    excerpt ? blockquote(excerpt.lines) + englishOnly(locale) : t(locale, 'explain.articleMissing', number),
    citing.length
      ? t(locale, 'explain.citedBy', citing.map((r) => `${checkLabel(r.id, locale)} (${urgencyWord(locale, r.urgency)})`).join(', '))
      : '',
    `${t(locale, 'explain.officialSource')}: [${escapeMarkdown(CONVENTION_SOURCE.title)}](${CONVENTION_SOURCE.url})`,
  ].filter(Boolean).join('\n\n');
}

/** Hover text for whatever a finding cites: a recommendation or a Convention provision. */
export function explainCheck(check: string, locale: Locale): string | undefined {
  if (check.startsWith('II-')) return explainRecommendation(check, locale);
  const ref = parseArticleKey(check);
  return ref ? explainArticle(ref, locale) : undefined;
}

export function explainReference(ref: Reference, locale: Locale): string | undefined {
  return ref.kind === 'recommendation' ? explainRecommendation(ref.id, locale) : explainArticle(ref, locale);
}

/**
 * Several checks at once (a provision that misses many): one line per check with its urgency and
 * our short title, linked to the official source. The full texts are a hover or a command away.
 */
export function summariseChecks(checks: readonly string[], locale: Locale): string {
  const lines: string[] = [];
  for (const check of [...new Set(checks)]) {
    const rec = check.startsWith('II-') ? recommendation(check) : undefined;
    const ref = rec ? undefined : parseArticleKey(check);
    if (rec) lines.push(`- **${checkLabel(rec.id, locale)}** · ${urgencyWord(locale, rec.urgency)} — [${escapeMarkdown(rec.title)}](${rec.source.url})`);
    else if (ref) {
      const excerpt = articleExcerpt(ref);
      lines.push(`- **${checkLabel(check, locale)}** · ${urgencyWord(locale, 'require')} — [${escapeMarkdown(excerpt?.lines.at(-1) ?? articleNumber(ref))}](${CONVENTION_SOURCE.url})`);
    }
  }
  return lines.join('\n');
}

/** Hover text for a finding: the term and its preferred wording, then what the check says. */
export function explainFinding(finding: Finding, locale: Locale): string | undefined {
  const parts: string[] = [];
  if (finding.term) {
    const others = (finding.suggestions ?? []).filter((s) => s !== finding.term!.preferred);
    parts.push(`**“${escapeMarkdown(finding.term.text)}”**`);
    if (finding.term.preferred) parts.push(t(locale, 'explain.preferred', `**“${escapeMarkdown(finding.term.preferred)}”**`));
    if (others.length) parts.push(t(locale, 'explain.alsoConsider', others.map((s) => `“${escapeMarkdown(s)}”`).join(', ')));
    if (finding.quoted) parts.push(t(locale, 'explain.quoted'));
    else parts.push(t(locale, finding.fix ? 'explain.safeFix' : 'explain.manualFix'));
  }
  const about = finding.check === 'tool' ? undefined : explainCheck(finding.check, locale);
  if (about) parts.push(parts.length ? `---\n\n${about}` : about);
  return parts.length ? parts.join('\n\n') : undefined;
}

/** "**Request**: when the steps recommended correspond to …" — the factsheet's meaning, verbatim. */
function urgencyMeaning(urgency: Urgency, locale: Locale): string {
  const { word, meaning } = URGENCIES[urgency];
  const label = locale === 'en' ? `**${word}**` : `**${urgencyWord(locale, urgency)}** (*${word}*)`;
  // The factsheet lists the three meanings as one sentence; the separator is not part of the meaning.
  return `${label}: ${escapeMarkdown(meaning.replace(/;$/, ''))}${englishOnly(locale)}`;
}

/** The lead and the wording as a blockquote; sub-items (after a line ending in ":") become bullets. */
function quoteWording(rec: Recommendation, locale: Locale): string {
  const lines = [rec.lead];
  const [first, ...rest] = rec.wording;
  if (rec.wording.length === 1) lines.push(first);
  else if (first.trimEnd().endsWith(':')) lines.push(first, ...rest.map((w) => `- ${w}`));
  else lines.push(...rec.wording.map((w) => `- ${w}`));
  return blockquote(lines) + englishOnly(locale);
}

function articlesLine(rec: Recommendation, locale: Locale): string {
  if (rec.articles.length === 0) return '';
  const names = rec.articles.map((a) => (parseArticleKey(a) ? checkLabel(a, locale) : a));
  return `${t(locale, 'explain.conventionArticles')}: ${names.map(escapeMarkdown).join(', ')}`;
}

function sourcesLine(rec: Recommendation, locale: Locale): string {
  const links = [`${t(locale, 'explain.officialSource')}: [${escapeMarkdown(rec.source.title)}](${rec.source.url})`];
  for (const o of rec.opinions) links.push(`${t(locale, 'explain.opinion')}: [${escapeMarkdown(o.title)}](${o.url})`);
  return links.join('  \n');
}

export interface ArticleExcerpt {
  title: string;
  /** Verbatim lines of the article, paragraph or point (with its paragraph's opening words). */
  lines: string[];
}

/**
 * The words of a Convention provision, verbatim. A point is shown with the opening words of its
 * paragraph ("1. Each Party shall … criminalised:" … "e) possessing child pornography;") because
 * the point alone does not say what it obliges.
 */
export function articleExcerpt(ref: ArticleRef): ArticleExcerpt | undefined {
  const article = conventionArticle(ref.article);
  if (!article) return undefined;
  let lines = article.text;
  if (ref.paragraph) {
    const start = lines.findIndex((l) => l.startsWith(`${ref.paragraph}. `));
    if (start >= 0) {
      let end = start + 1;
      while (end < lines.length && !/^\d+\.\s/.test(lines[end])) end++;
      lines = lines.slice(start, end);
    }
  }
  if (ref.point) {
    const start = lines.findIndex((l) => l.startsWith(`${ref.point}) `));
    if (start >= 0) {
      let end = start + 1;
      while (end < lines.length && /^[–-]\s/.test(lines[end])) end++;
      const opening = /^\d+\.\s/.test(lines[0]) || start > 0 ? [lines[0]] : [];
      lines = [...opening, ...(start > 1 ? ['…'] : []), ...lines.slice(start, end)];
    }
  }
  return { title: article.title, lines };
}

/** Does a recommendation's article (e.g. "Art. 20") concern the provision referred to? */
function related(a: ArticleRef | undefined, b: ArticleRef): boolean {
  if (!a || a.article !== b.article) return false;
  if (a.paragraph && b.paragraph && a.paragraph !== b.paragraph) return false;
  if (a.point && b.point && a.point !== b.point) return false;
  return true;
}

/** Verbatim lines as a blockquote, one paragraph each (a "- " bullet stays a bullet). */
function blockquote(lines: string[]): string {
  return lines.map((l) => `> ${escapeMarkdown(l)}`).join('\n>\n');
}

function englishOnly(locale: Locale): string {
  const note = t(locale, 'explain.englishOnly');
  return note ? `\n\n*${note}*` : '';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Escape what Markdown would read as markup, so quoted words are shown exactly as written. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}
