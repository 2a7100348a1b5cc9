import type { LineIndex } from '../text/lineIndex';
import type { OffsetRange } from '../text/range';
import type { LanguageCode } from '../terminology/pack';

export type ProvisionKind = 'division' | 'article' | 'paragraph' | 'point';

/**
 * A provision of the draft: a division (Part, Chapter, Titre), an article-level provision
 * (Article 20, Section 160A, § 207a, Art. 175, Article 1er), a paragraph ((1), 1., an alinéa) or
 * a point ((a), a), (i), 1°).
 */
export interface Provision {
  kind: ProvisionKind;
  /** The keyword as written: "Section", "Article", "§", "Art.", "Chapitre", or "" for bare numbers. */
  keyword: string;
  num: string;
  heading?: string;
  /** How a drafter cites it: "Section 3(1)(c)", "Article 227-23, alinéa 2", "§ 207a (5)". */
  label: string;
  range: OffsetRange;
  headingRange: OffsetRange;
  parent?: Provision;
  children: Provision[];
}

/**
 * A unit of reading: one paragraph (with its points), one alinéa, one definition, or one block
 * of text. Provisions are classified unit by unit so that an offence and the exemption in the
 * next paragraph are not read as one.
 */
export interface Unit {
  range: OffsetRange;
  /** The deepest provision the unit starts in. */
  provision?: Provision;
  /** The article-level provision it belongs to. */
  article?: Provision;
  label: string;
}

export interface Structure {
  provisions: Provision[];
  units: Unit[];
}

const DIVISION = /^\s*(?:#{1,6}\s*)?(?:\*\*|__|\*|_)?(PART|Part|CHAPTER|Chapter|TITLE|Title|BOOK|Book|DIVISION|Division|SUBDIVISION|Subdivision|SCHEDULE|Schedule|CHAPITRE|Chapitre|TITRE|Titre|LIVRE|Livre|SOUS-TITRE|Sous-titre|TEIL|Teil|ABSCHNITT|Abschnitt|KAPITEL|Kapitel|CAPÍTULO|Capítulo|TÍTULO|Título|LIBRO|Libro)\s+([IVXLCDM]+|\d+[A-Za-z]?|[A-Z]|IER|Ier|1er|premier|PREMIER|première|PREMIÈRE|unique|UNIQUE|ONE|One|TWO|Two|THREE|Three|FOUR|Four|FIVE|Five|SIX|Six)\b\.?\s*(?:[–—:\-.]\s*)?(.*)$/u;
const FRENCH_SECTION = /^\s*(?:#{1,6}\s*)?(?:\*\*|__|\*|_)?(SECTION|Section|Sous-section|SOUS-SECTION|Paragraphe|PARAGRAPHE)\s+(\d+|[IVXLC]+|unique|première|1re)\b\s*(?:[–—:\-.]\s*)?(.*)$/u;
// "* Sec. 5." / "* Section 1." (US bills bullet their sections).
const ARTICLE = /^\s*[“"«‘„]?\s*(?:#{1,6}\s*)?(?:\*\*|__|\*[ \t]?|_)?(Article|ARTICLE|Art\.|ART\.|Artikel|ARTIKEL|Artículo|ARTÍCULO|Section|SECTION|Sec\.|SEC\.|s\.|ss\.|§§?|Regulation|Rule|Clause|CLAUSE)\s*(L\.\s*|R\.\s*)?(\d+(?:[-–./]\d+)*(?:[a-z]{1,2}|[A-Z]{1,3}|\s[a-z]\b)?(?:\s?(?:bis|ter|quater|quinquies|sexies))?(?:er|re)?|[IVXLC]+|premier|unique)\b\.?(?:\*\*|__|\*|_)?(.*)$/u;
// "160A. Possession of …", "1   Taking, making and distributing indecent photographs",
// "5  Meeting a child following sexual grooming etc.".
// legislation.gov.uk separates number and title by one space ("67 Sexual communication with a
// child"): read so only when a blank line or a subsection follows.
// Decimal numbers and catchlines of US codes too: "847.0141 Sexting; prohibited acts; penalties.—".
const BARE_NUMBER_HEADING = /^\s*(\d{1,4}(?:\.\d{1,4})?[A-Z]{0,3})(\.|\s{2,}|\t| (?=\p{Lu}))\s*(\p{Lu}[^.:]{1,100}?(?:\s+etc\.)?)(?:\.?[—–])?\s*$/u;
// "4.—(1)", "163.1 (1)", "1. (1)", "474.22 (1)": a section number and its first subsection on one line.
const ARTICLE_WITH_PARAGRAPH = /^\s*(\d{1,4}(?:\.\d{1,3})*[A-Z]{0,3})\.?\s*[—–-]?\s*\((\d+(?:\.\d{1,2})?[A-Za-z]?)\)\s/u;
// "(1)", "§ 1.", "1.", "1)", "Abs. 1", and "1-" (West African codes: « 1- enfant : … »).
const PARAGRAPH = /^\s*(?:\((\d{1,3}(?:\.\d{1,2})?[A-Za-z]{0,2})\)|§\s*(\d+(?:er)?)\.|(\d{1,3})(?:\.(?!\d)|-(?=\s))|(\d{1,3})\)|Abs\.\s*(\d+))\s+/u;
const POINT = /^\s*(?:\(([a-z]{1,3}|[ivxlc]{1,6}|[A-Z])\)|([a-z])\)|([a-z])\.(?=\s)|(\d{1,2})°|([–—•▪·*-]))\s*/u;
const QUOTE_START = /^\s*[“"«‘„]/u;
const SENTENCE_VERB = /\s(?:shall|is|are|was|were|means|may|must|has|have|commits|est|sont|sera|seront|puni|punie|punis|commet|doit|peut|désigne|wird|ist|sind|será|es|son)\s/iu;

interface LineKind {
  kind: 'blank' | 'division' | 'article' | 'paragraph' | 'point' | 'text';
  keyword?: string;
  num?: string;
  heading?: string;
  /** Offset (from the line start) where the line's body text begins, if the heading line carries text. */
  bodyAt?: number;
  /** A paragraph number on the same line as an article heading ("4.—(1)"). */
  paragraphNum?: string;
  quoteStart?: boolean;
}

/** Read the provisions of a draft and cut it into units of reading. Linear in the number of lines. */
export function readStructure(lines: LineIndex, language: LanguageCode): Structure {
  const text = lines.text;
  const roots: Provision[] = [];
  const units: Unit[] = [];
  let division: Provision | undefined;
  let article: Provision | undefined;
  let paragraph: Provision | undefined;
  // How the current paragraph is numbered: "(n)", "n." …
  let paragraphStyle: string | undefined;
  let point: Provision | undefined;
  let alinea = 0;
  let unitStart = -1;
  let prevLineEnd = '';
  let prevBlank = true;
  let prevKind: LineKind['kind'] = 'blank';
  // A numbered sub-list opened by a bulleted item ("- *term* :\n  1. …\n  2. …").
  let subList = false;
  // The unit the current lettered point belongs to: "(a) A person commits … the following
  // conduct:\n (1) …" numbers its list in another style.
  let pointUnit = -1;
  // How the current numbered point was numbered, when a numbered line was read as a point.
  let pointStyle: string | undefined;
  let headingAwaitingTitle: Provision | undefined;
  let titleLine = -1;
  let titleAfterBlank = false;
  // The line that ends a marginal note wrapped over two lines.
  let noteTail = -1;
  let marginalNote: number | undefined;
  let nextLine = -1;
  let nextRaw = '';

  const close = (p: Provision | undefined, at: number) => {
    if (p && p.range.end < 0) p.range.end = at;
  };
  const closeUnit = (at: number) => {
    if (unitStart < 0) return;
    let end = at;
    while (end > unitStart && /\s/.test(text[end - 1])) end--;
    if (end > unitStart) {
      const provision = point?.parent ?? paragraph ?? article ?? division;
      const label = paragraph?.label ?? (article ? (alinea > 1 ? alineaLabel(article, alinea, language) : article.label) : division?.label ?? '');
      units.push({ range: { start: unitStart, end }, provision, article, label });
    }
    unitStart = -1;
  };
  const attach = (p: Provision, parent: Provision | undefined) => {
    p.parent = parent;
    if (parent) parent.children.push(p);
    else roots.push(p);
  };

  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line];
    const end = lines.lineEnd(line);
    // Each line is sliced once: this line's "next" is the following iteration's line.
    const raw = line === nextLine ? nextRaw : text.slice(start, end);
    const next = line + 1 < lines.lineCount ? text.slice(lines.lineStarts[line + 1], lines.lineEnd(line + 1)) : '';
    nextLine = line + 1;
    nextRaw = next;
    const k = classifyLine(raw, next, language, article !== undefined);
    // "- *matériel d'abus sexuel d'enfants* :\n  1. toute représentation …\n  2. …": a numbered
    // sub-list opened by a bulleted item, and its next items numbered alike.
    if (k.kind !== 'paragraph' && k.kind !== 'text') subList = false;
    const opensSubList: boolean = k.kind === 'paragraph' && prevKind === 'point' && !prevBlank && /:$/u.test(prevLineEnd);
    const opensChapeauList: boolean = k.kind === 'paragraph' && !prevBlank && CHAPEAU.test(prevLineEnd);
    const continuesSubList: boolean = k.kind === 'paragraph' && subList && !prevBlank && pointStyle !== undefined &&
      numberingStyle(raw) === pointStyle && !/[.!?]["”»]?$/u.test(prevLineEnd);

    // A heading without a title may carry it on the very next line: "PART 2" / "OFFENCES",
    // "Article 175" / "Exploitation of a child for pornography" (a marginal heading).
    // A title never runs on into the next line ("Le fait de menacer … le\nreprésentant, …").
    if (headingAwaitingTitle && line === titleLine && k.kind === 'text' && isTitleLine(raw) && !/^\s*\p{Ll}/u.test(next) &&
      !(titleAfterBlank && (isTitleLine(next) && next.trim() !== '' || raw.trim().length > 80))) {
      headingAwaitingTitle.heading = raw.trim();
      headingAwaitingTitle.headingRange.end = end;
      headingAwaitingTitle = undefined;
      continue;
    }
    // The title may stand below a blank line ("Article 4" ¶ "Sexual extortion of children" ¶ …).
    if (headingAwaitingTitle && line === titleLine && k.kind === 'blank' && !titleAfterBlank) {
      titleLine = line + 1;
      titleAfterBlank = true;
      prevBlank = true;
      continue;
    }
    headingAwaitingTitle = undefined;
    titleAfterBlank = false;

    if (k.kind === 'blank') {
      prevBlank = true;
      continue;
    }

    if (k.kind === 'division') {
      closeUnit(start);
      for (const p of [point, paragraph, article]) close(p, start);
      close(division, start);
      point = paragraph = article = undefined;
      division = makeProvision('division', k, start, end);
      attach(division, undefined);
      alinea = 0;
      if (!k.heading) {
        headingAwaitingTitle = division;
        titleLine = line + 1;
      }
    } else if (k.kind === 'article') {
      closeUnit(start);
      for (const p of [point, paragraph, article]) close(p, start);
      point = paragraph = undefined;
      article = makeProvision('article', k, start, end);
      attach(article, division);
      alinea = 0;
      if (!k.heading && k.bodyAt === undefined && !k.paragraphNum) {
        headingAwaitingTitle = article;
        titleLine = line + 1;
      }
      if (marginalNote !== undefined && k.bodyAt !== undefined) {
        unitStart = marginalNote;
        marginalNote = undefined;
      }
      if (k.paragraphNum) {
        paragraph = makeProvision('paragraph', { kind: 'paragraph', keyword: '', num: k.paragraphNum }, start, end);
        paragraphStyle = '(n)';
        paragraph.label = `${article.label}(${k.paragraphNum})`;
        attach(paragraph, article);
      }
      if (k.bodyAt !== undefined) {
        if (unitStart < 0) unitStart = start + k.bodyAt;
        alinea = 1;
      }
    } else if (k.kind === 'paragraph' && unitStart >= 0 && !marginalNote &&
      ((!prevBlank && /[,\p{L}\d—–-]$/u.test(prevLineEnd) && !/["”»]\W*\w*$/u.test(prevLineEnd)) || listInParagraph(paragraph ? paragraphStyle : point && pointUnit === unitStart ? 'point' : undefined, raw, prevLineEnd, prevBlank) ||
        opensSubList || continuesSubList || opensChapeauList)) {
      subList = opensSubList || continuesSubList || opensChapeauList;
      // "A person who\n1. depicts …\n2. disseminates …": numbered items inside a sentence are
      // points of the same unit, not new paragraphs.
      close(point, start);
      point = makeProvision('point', k, start, end);
      pointStyle = numberingStyle(raw);
      const parent = paragraph ?? article ?? division;
      point.label = `${parent?.label ?? ''}(${k.num})`;
      attach(point, parent);
    } else if (k.kind === 'paragraph') {
      subList = false;
      const noteStart = marginalNote;
      closeUnit(noteStart ?? start);
      close(point, start);
      close(paragraph, start);
      point = undefined;
      paragraph = makeProvision('paragraph', k, start, end);
      paragraphStyle = numberingStyle(raw);
      paragraph.label = article ? `${article.label}(${k.num})` : `(${k.num})`;
      attach(paragraph, article ?? division);
      // A marginal note ("Possession of child pornography") above the paragraph is read with it.
      unitStart = noteStart ?? start;
      marginalNote = undefined;
    } else if (k.kind === 'point') {
      close(point, start);
      pointStyle = undefined;
      point = makeProvision('point', k, start, end);
      const parent = paragraph ?? article ?? division;
      point.label = k.num ? `${parent?.label ?? ''}(${k.num})` : parent?.label ?? '';
      attach(point, parent);
      // Points continue their paragraph's unit; a list that opens a provision starts one, and so
      // does the next item of an amending list after inserted text ("… » ;" then "2° Au second
      // alinéa …").
      if (unitStart >= 0 && /[»”"]\s*[;.,]?$/u.test(prevLineEnd)) closeUnit(start);
      // Lettered subsections of a section with no numbered subsections (US codes: "(a) A person
      // commits … . (b) … is a class B felony. (c) It is an affirmative defense …"): after a full
      // sentence, each is a unit of its own.
      else if (unitStart >= 0 && !paragraph && /[.]["”»]?$/u.test(prevLineEnd) && /^\s*\([a-z]\)\s+\p{Lu}/u.test(raw)) closeUnit(start);
      if (unitStart < 0) unitStart = start;
      pointUnit = unitStart;
    } else {
      // Body text. A new unit starts after a blank line, at a line that opens with a quotation
      // mark (a definition, an inserted paragraph), or after a line that ended a sentence.
      const sentenceEnded = /[.!?»”"]$/.test(prevLineEnd) && /^\s*[\p{Lu}«“"]/u.test(raw);
      // A marginal note stands between provisions: never inside an unfinished sentence ("gleich ob
      // in Bild,\nTon oder Schrift, die\n1. …").
      const betweenProvisions = unitStart < 0 || prevBlank || /[.!?:;»”"]$/u.test(prevLineEnd);
      const noteFollows = betweenProvisions && isTitleLine(raw) && (PARAGRAPH.test(next) || ARTICLE_WITH_PARAGRAPH.test(next) ||
        // … or a note that wraps ("Use of information and communication technology to
        // communicate with a child for sexual\npurposes\n5. (1) …").
        (/^\s*\p{Ll}[^.;:,]{0,60}$/u.test(next) && line + 2 < lines.lineCount && provisionStarts(text.slice(lines.lineStarts[line + 2], lines.lineEnd(line + 2)))));
      if (line === noteTail) {
        // The wrapped end of a marginal note.
      } else if (noteFollows) {
        if (!PARAGRAPH.test(next) && !ARTICLE_WITH_PARAGRAPH.test(next)) noteTail = line + 1;
        // A marginal note: it belongs to the provision on the next line.
        closeUnit(start);
        marginalNote = start + (raw.length - raw.trimStart().length);
      } else if (unitStart < 0 || (prevBlank && !resumesSentence(raw, prevLineEnd, point !== undefined)) || k.quoteStart || sentenceEnded) {
        closeUnit(start);
        unitStart = start + (raw.length - raw.trimStart().length);
        if (article) alinea++;
      }
    }
    prevLineEnd = raw.trimEnd();
    prevKind = k.kind;
    prevBlank = false;
  }
  closeUnit(text.length);
  for (const p of [point, paragraph, article, division]) close(p, text.length);
  fixRanges(roots, text.length);
  return { provisions: roots, units };
}

/**
 * "(1) Wer …\n 1. herstellt oder\n 2. verbreitet,\n ist zu bestrafen.": inside a numbered
 * paragraph, items numbered in another style that follow an unfinished sentence (after a colon,
 * a semicolon, a closing bracket, a defined term), even set apart by blank lines, are its
 * points, not new paragraphs.
 */
function listInParagraph(paragraphStyle: string | undefined, raw: string, prevLineEnd: string, prevBlank: boolean): boolean {
  if (!paragraphStyle || /[.!?]["”»’]?$/u.test(prevLineEnd)) return false;
  // Across a blank line, only a clause left open mid-list ("(Abs. 4)", "herstellt oder", "…,")
  // carries on; a colon may introduce conditions in a sentence of their own.
  if (prevBlank && /[:—–-]$/u.test(prevLineEnd)) return false;
  const here = numberingStyle(raw);
  return here !== undefined && here !== paragraphStyle;
}

/** "(n)", "n.", "n)", "§ n." or "Abs. n": the numbering style of a paragraph marker. */
function numberingStyle(line: string): string | undefined {
  const m = /^\s*[«“"‘„]?\s*(\(\d|§|Abs\.|\d{1,3}\.(?!\d)|\d{1,3}\)|\d{1,3}-(?=\s))/u.exec(line);
  if (!m) return undefined;
  const t = m[1];
  return t.startsWith('(') ? '(n)' : t === '§' ? '§' : t === 'Abs.' ? 'Abs' : t.endsWith(')') ? 'n)' : t.endsWith('-') ? 'n-' : 'n.';
}

/**
 * "(b) obtaining child sexual abuse material,\n\n    shall be punished …": after a list whose
 * last item left the sentence open, a blank line and a line in lower case carry the sentence on.
 * Statutes often leave the last point bare ("(d) … or intends to do so\n\nshall be guilty of an
 * offence"): inside a list, the closing words that follow a point with no full stop are the
 * list's sentence too.
 */
function resumesSentence(raw: string, prevLineEnd: string, inList: boolean): boolean {
  return /^\s*\p{Ll}/u.test(raw) && (/[,;:—–-]$|\b(?:or|and|ou|et|oder|und|o|y)$/u.test(prevLineEnd) || (inList && /[\p{L}\d)]$/u.test(prevLineEnd)));
}

/**
 * A sentence that waits for its list: "quiconque :", "any person who—", "commits an offence if:",
 * "on entend par :", "means—", „wer:“, "el que:". The numbered items after it are its points.
 */
const CHAPEAU = /(?:quiconque|celui qui|celle qui|personne qui|who|whoever|if|where|wer|el que|la que|quien|on entend par|means|désigne|s'entend|bedeutet|se entiende por)\s*[:—–]$/iu;

function provisionStarts(raw: string): boolean {
  return PARAGRAPH.test(raw) || ARTICLE_WITH_PARAGRAPH.test(raw);
}

/** The next line carries on a sentence: it starts in lower case, or with a number that is no provision marker ("50.000 euros"). */
function continues(next: string): boolean {
  return /^\s*\p{Ll}/u.test(next) || (/^\s*\d/.test(next) && !PARAGRAPH.test(next) && !POINT.test(next));
}

/** A short line with no sentence: a heading's title ("OFFENCES", "Exploitation of a child for pornography"). */
function isTitleLine(raw: string): boolean {
  const t = raw.trim();
  if (t.length > 100 || /[.:;,]$/.test(t) || QUOTE_START.test(raw)) return false;
  if (!/^\p{Lu}/u.test(t)) return false;
  return !SENTENCE_VERB.test(` ${t} `);
}

function alineaLabel(article: Provision, n: number, language: LanguageCode): string {
  return language === 'fr' ? `${article.label}, alinéa ${n}` : `${article.label}, paragraph ${n}`;
}

function makeProvision(kind: ProvisionKind, k: LineKind, start: number, end: number): Provision {
  const keyword = k.keyword ?? '';
  const num = k.num ?? '';
  // Bare-numbered sections ("4  Exception for …") are cited as "section 4" in the drafting
  // traditions that use them.
  const label = keyword ? `${keyword} ${num}` : kind === 'article' ? `Section ${num}` : num;
  return {
    kind,
    keyword,
    num,
    heading: k.heading || undefined,
    label,
    range: { start, end: -1 },
    headingRange: { start, end },
    children: [],
  };
}

/** Ranges closed at -1 (never closed) end at their parent's end; children never outrun parents. */
function fixRanges(list: Provision[], end: number): void {
  for (const p of list) {
    if (p.range.end < 0 || p.range.end > end) p.range.end = end;
    fixRanges(p.children, p.range.end);
  }
}

function classifyLine(raw: string, next: string, language: LanguageCode, inArticle: boolean): LineKind {
  const trimmed = raw.trim();
  if (!trimmed) return { kind: 'blank' };
  const quoteStart = QUOTE_START.test(raw);
  const first = trimmed[0];

  // Cheap first-character filters keep this linear and fast on long drafts.
  if (/[A-ZÀ-ÖØ-Þ#ĀČŠŽ*_“"«‘„]/u.test(first) || first === '§' || first === 's') {
    const d = DIVISION.exec(raw);
    if (d && isHeadingRest(d[3])) return { kind: 'division', keyword: d[1], num: d[2], heading: cleanHeading(d[3]) };
    if (language !== 'en') {
      const fs = FRENCH_SECTION.exec(raw);
      if (fs && isHeadingRest(fs[3])) return { kind: 'division', keyword: fs[1], num: fs[2], heading: cleanHeading(fs[3]) };
    }
    const a = inArticle && first === '§' && PARAGRAPH.test(raw) ? null : ARTICLE.exec(raw);
    if (a) {
      const keyword = normaliseKeyword(a[1]);
      const num = `${a[2] ? a[2].replace(/\s+/g, ' ') : ''}${a[3]}`;
      // "ARTICLE 76 (nouveau).-", "Section 5 (new)": an amendment's mark on the number.
      const rest = a[4].replace(/^\s*\((?:nouveau|nouvelle|new|neu|nuevo|nueva|modifié|modifiée|amended)\)/iu, '');
      if (keyword === 's.' && !/^\s*[–—:\-.]|^\s*$|^\s+\p{Lu}/u.test(rest)) return { kind: 'text', quoteStart };
      if (isHeadingRest(rest) && !(rest.trim() && continues(next))) return { kind: 'article', keyword, num, heading: cleanHeading(rest) };
      // "§ 207a. (1) Wer …", "Article 5. (1) A person …": the heading, then its first paragraph.
      const firstParagraph = /^(?:\.\s*|\s*[–—-]\s*|\s+)\((\d{1,3}[a-z]?)\)\s+(?=[\p{Lu}«“"„])/u.exec(rest);
      if (firstParagraph && keyword !== 's.') {
        return { kind: 'article', keyword, num, paragraphNum: firstParagraph[1], bodyAt: raw.length - rest.length + rest.indexOf('(') };
      }
      // "Art. 227-23. – Le fait de …": a heading followed by its body on the same line.
      // The number's own full stop may already be behind us ("Art. 1er. L'article …").
      const afterStop = raw[raw.length - rest.length - 1] === '.';
      const body = (afterStop ? /^\s*(?:[–—:-]\s*)?(?=[\p{Lu}«“"(])/u : /^\s*(?:\.\s*[–—:-]?|[–—:-])\s+(?=[\p{Lu}«“"(])/u).exec(rest);
      if (body && keyword !== 's.') {
        return { kind: 'article', keyword, num, bodyAt: raw.length - rest.length + body[0].length };
      }
    }
  }
  // Inserted text repeats its opening quotation mark on every line or paragraph: « 1° …, "(a) …".
  const unquoted = raw.replace(/^(\s*)[«“"‘„]\s*/u, '$1');
  if (unquoted !== raw && (PARAGRAPH.test(unquoted) || POINT.test(unquoted) || BARE_NUMBER_HEADING.test(unquoted))) {
    const inner = classifyLine(unquoted, next, language, inArticle);
    return { ...inner, quoteStart: true };
  }
  if (/\d/.test(first)) {
    const ap = ARTICLE_WITH_PARAGRAPH.exec(raw);
    if (ap && !(inArticle && /^\d+$/.test(ap[1]) && false)) return { kind: 'article', keyword: '', num: ap[1], paragraphNum: ap[2], bodyAt: raw.indexOf(`(${ap[2]})`) };
    const bare = BARE_NUMBER_HEADING.exec(raw);
    // "160A. Possession of …" heads a section; inside an article, "2. For the purpose …" is a paragraph.
    if (bare && !(inArticle && bare[2] === '.') && !SENTENCE_VERB.test(` ${bare[3]} `) && !/^\s*\p{Ll}/u.test(next) &&
      (bare[2] !== ' ' || /^\s*(?:$|\()/u.test(next))) {
      return { kind: 'article', keyword: '', num: bare[1], heading: bare[3].trim() };
    }
  }
  const para = PARAGRAPH.exec(raw);
  if (para) {
    return { kind: 'paragraph', num: para[1] ?? para[2] ?? para[3] ?? para[4] ?? para[5], quoteStart };
  }
  const pt = POINT.exec(raw);
  if (pt) {
    const num = pt[1] ?? pt[2] ?? pt[3] ?? (pt[4] ? `${pt[4]}°` : undefined);
    return { kind: 'point', num, quoteStart };
  }
  return { kind: 'text', quoteStart };
}

/** After a heading's number: nothing, a separator and a title, or a short capitalised title. */
function isHeadingRest(rest: string): boolean {
  const r = rest.trim();
  if (!r) return true;
  if (namesAmendedParts(r)) return true;
  if (/^[(,;]|^of\b|^de\b|^du\b|^des\b|^der\b|^des\b|^\p{Ll}/u.test(r)) return false;
  const title = r.replace(/^\.?\s*[–—:\-.]\s*/u, '');
  if (title.length > 120 || /[,;:]$/.test(title)) return false;
  return !SENTENCE_VERB.test(` ${title} `);
}

/**
 * Swiss and Belgian amending headings name the parts amended: "Art. 197, titre marginal, et
 * al. 1, 4, 5 et 8", "Art. 156, ch. 1", "Art. 187 Ziff. 1 und Abs. 3". The title, if any, is
 * on the next line.
 */
function namesAmendedParts(rest: string): boolean {
  const r = rest.trim();
  return r.length < 80 && /^,?\s*(?:titre marginal|al\.|alinéas?|ch\.|let\.|Abs\.|Ziff\.|Bst\.|Randtitel|§|par\.|para\.|apartado|párrafo)(?:[\s,.]|$)/u.test(r) &&
    !/[.;:]\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(r);
}

function cleanHeading(rest: string): string {
  if (namesAmendedParts(rest)) return '';
  return rest.trim().replace(/^\.?\s*[–—:\-.]\s*/u, '').trim();
}

function normaliseKeyword(k: string): string {
  const map: Record<string, string> = {
    ARTICLE: 'Article', 'ART.': 'Art.', ARTIKEL: 'Artikel', ARTÍCULO: 'Artículo', SECTION: 'Section',
    'SEC.': 'Sec.', '§§': '§', CLAUSE: 'Clause',
  };
  return map[k] ?? k;
}
