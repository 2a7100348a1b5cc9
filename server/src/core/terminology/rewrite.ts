import { cuesFor, foldLength } from '../cues';
import type { TextEdit } from '../findings';
import { isWordCode } from '../text/characters';
import type { TermMatch } from './matcher';
import { packFor } from './pack';

export type CasePattern = 'lower' | 'upper' | 'title' | 'sentence';

/** How the drafter capitalised the term: CHILD PORNOGRAPHY, Child Pornography, Child pornography. */
export function casePattern(original: string): CasePattern {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'upper';
  const words = original.split(/[\s\-\u2010\u2011]+/).filter((w) => /\p{L}/u.test(w));
  const capitalised = words.filter((w) => /^\P{L}*\p{Lu}/u.test(w));
  if (words.length > 1 && capitalised.length === words.length) return 'title';
  if (capitalised.length > 0 && /^\P{L}*\p{Lu}/u.test(words[0] ?? '')) return 'sentence';
  return 'lower';
}

export function applyCase(replacement: string, pattern: CasePattern, smallWords: readonly string[]): string {
  switch (pattern) {
    case 'upper':
      return replacement.toUpperCase();
    case 'sentence':
      return capitalise(replacement);
    case 'title':
      return replacement
        .split(/(\s+)/)
        .map((w, i) => (i === 0 || !smallWords.includes(w.toLowerCase()) ? capitalise(w) : w))
        .join('');
    default:
      return replacement;
  }
}

function capitalise(w: string): string {
  // "d’abus" stays "d’abus" in Title Case; capitalise the first letter otherwise.
  const m = /^(\P{L}*)(\p{L})/u.exec(w);
  return m ? m[1] + m[2].toUpperCase() + w.slice(m[0].length) : w;
}

export interface RewriteContext {
  text: string;
  /** The apostrophe the document uses most (’ or '). */
  apostrophe: string;
}

export interface Rewrite {
  edit?: TextEdit;
  /** The preferred wording, cased like the original, even when no automatic edit is safe. */
  preferred?: string;
}

/**
 * The replacement for a matched term, in the document's capitalisation and grammar, and an edit
 * only where the rewrite is safe: articles that change with the gender of the new wording are
 * rewritten with it; a rewrite that would leave a following adjective or participle disagreeing,
 * or an awkward possessive, is offered as a suggestion instead.
 */
export function rewrite(match: TermMatch, ctx: RewriteContext): Rewrite {
  const { text } = ctx;
  const replacement = match.replacement;
  if (!replacement) return {};
  const pack = packFor(match.language);
  const original = text.slice(match.start, match.end);
  const preferred = withApostrophe(applyCase(replacement, casePattern(original), pack.smallWords), ctx.apostrophe);
  const entry = match.entry;
  if (!entry.autofix) return { preferred };

  const after = text.slice(match.end, match.end + 40);
  if (entry.possessiveSafe === false && /^['’]s?(?!\p{L})/u.test(after)) return { preferred };

  const cues = cuesFor(match.language);
  const genderChanges = !!entry.gender && entry.gender.deprecated !== entry.gender.preferred;
  // "détention de (la) pédopornographie est punie": after "de" the term complements the noun
  // before it, which is what any following verb or adjective agrees with.
  const complement = genderChanges &&
    /\p{L}[ \t\u00a0]+(?:de|d['’]|de[ \t\u00a0]+la)[ \t\u00a0]*$/iu.test(text.slice(Math.max(0, match.start - 40), match.start));
  if ((entry.nounModifierSafe === false || genderChanges) && !complement) {
    const next = /^[ \t\u00a0\u202f]*(?:\r?\n[ \t]*)?([\p{L}'’]+)/u.exec(after);
    if (next && !cues.functionWords.has(foldLength(next[1]).replace(/['’]$/, "'"))) return { preferred };
  }

  let start = match.start;
  let newText = preferred;
  if (genderChanges) {
    const change = articleChange(text, match.start, cues.articleChanges, `${entry.gender!.deprecated}>${entry.gender!.preferred}`);
    if (change) {
      start = change.start;
      newText = change.text + newText;
    }
  } else if (cues.indefiniteArticles) {
    const change = indefiniteArticle(text, match.start, preferred, cues.indefiniteArticles);
    if (change) {
      start = change.start;
      newText = change.text + newText;
    }
  }
  return { preferred, edit: { range: { start, end: match.end }, newText } };
}

function withApostrophe(s: string, apostrophe: string): string {
  return s.replace(/['’]/g, apostrophe);
}

/** "la pédopornographie" → "le matériel …", "de la" → "du": the determiner before the term. */
function articleChange(
  text: string,
  at: number,
  changes: readonly { from: string; to: string; gender: string }[],
  gender: string,
): { start: number; text: string } | undefined {
  const before = text.slice(Math.max(0, at - 24), at);
  for (const change of changes) {
    if (change.gender !== gender) continue;
    const m = articlePattern(change.from).exec(foldLength(before));
    if (!m) continue;
    const origArticle = before.slice(before.length - m[1].length - m[2].length, before.length - m[2].length);
    const replaced = applyCase(change.to, casePattern(origArticle), []);
    return { start: at - m[1].length - m[2].length, text: replaced + m[2] };
  }
  return undefined;
}

// Compiled once per article: a long draft asks for each of thousands of terms.
const articlePatterns = new Map<string, RegExp>();

function articlePattern(from: string): RegExp {
  let re = articlePatterns.get(from);
  if (!re) {
    const words = foldLength(from).split(' ');
    re = new RegExp(`(?:^|[^\\p{L}])(${words.map(escape).join('[ \\t\\u00a0]+')})([ \\t\\u00a0]+)$`, 'iu');
    articlePatterns.set(from, re);
  }
  return re;
}

function indefiniteArticle(
  text: string,
  at: number,
  replacement: string,
  articles: { consonant: string; vowel: string },
): { start: number; text: string } | undefined {
  const m = /(?:^|[^\p{L}])(an?)([ \t\u00a0]+)$/iu.exec(text.slice(Math.max(0, at - 8), at));
  if (!m) return undefined;
  const wanted = /^[aeiou]/i.test(replacement) ? articles.vowel : articles.consonant;
  if (m[1].toLowerCase() === wanted) return undefined;
  const cased = m[1][0] === m[1][0].toUpperCase() ? capitalise(wanted) : wanted;
  return { start: at - m[1].length - m[2].length, text: cased + m[2] };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The apostrophe style of a document: typographic if it uses ’ at least as often as '. */
export function documentApostrophe(text: string): string {
  let curly = 0;
  let straight = 0;
  const limit = Math.min(text.length, 200_000);
  for (let i = 1; i < limit - 1; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x2019 || c === 39) && isWordCode(text.charCodeAt(i - 1)) && isWordCode(text.charCodeAt(i + 1))) {
      if (c === 39) straight++;
      else curly++;
    }
  }
  return curly > straight ? '’' : "'";
}
