import type { Analysis } from './analyse';
import type { Source } from './source';
import type { LineIndex } from './text/lineIndex';
import type { OffsetRange } from './text/range';

/**
 * The outline of a draft: its divisions (Book, Part, Title, Chapter, Section …), provisions
 * (Article, Section, §, Art.) and numbered paragraphs and points, as a tree. Editors show it as
 * document symbols (Outline view, breadcrumbs) and fold along it.
 *
 * Ranges are offsets into the original file. Read from the text alone for now; when the
 * compliance analysis reads provisions itself (`analysis.structure`), `outline` adapts that tree
 * instead and nothing downstream changes.
 */
export type ProvisionKind = 'heading' | 'book' | 'part' | 'title' | 'chapter' | 'division' | 'article' | 'paragraph' | 'point' | 'subpoint';

export interface OutlineNode {
  kind: ProvisionKind;
  /** How the draft numbers it: "Section 160A", "Article 227-23", "§ 184b", "(1)", "a)". */
  label: string;
  /** Its heading, when it has one: "Possession of child sexual abuse material". */
  heading?: string;
  /** The whole provision, up to the next one of the same or a higher level. */
  range: OffsetRange;
  /** The heading line, or the paragraph's number. */
  labelRange: OffsetRange;
  children: OutlineNode[];
}

/**
 * The shape of a provision tree read by the compliance analysis (`analysis.structure`), as far as
 * the outline needs it. Ranges are in the analysable text, like every structure range.
 */
export interface StructuredProvision {
  kind: string;
  keyword?: string;
  num?: string;
  heading?: string;
  range: OffsetRange;
  headingRange?: OffsetRange;
  children: readonly StructuredProvision[];
}

export interface OutlineInput {
  source: Analysis['source'];
  /** The provisions the compliance analysis read (`analysis.reading.structure`), when it ran. */
  reading?: { structure: { provisions: readonly StructuredProvision[] } };
  structure?: { provisions: readonly StructuredProvision[] };
}

/**
 * The outline of an analysed draft. When the analysis read the draft's provisions, the outline is
 * that reading (so symbols, folding and compliance evidence name provisions alike); otherwise the
 * outline reads headings from the text itself.
 */
export function outline(analysis: OutlineInput): OutlineNode[] {
  const structure = analysis.structure ?? analysis.reading?.structure;
  return structure ? outlineOfStructure(structure.provisions, analysis.source) : outlineOfText(analysis.source);
}

/** Adapt the compliance analysis's provision tree: same nodes, named as the draft numbers them. */
export function outlineOfStructure(provisions: readonly StructuredProvision[], source: Source): OutlineNode[] {
  const text = source.text;
  const convert = (p: StructuredProvision): OutlineNode => {
    const labelRange = p.headingRange ?? { start: p.range.start, end: Math.min(p.range.end, lineEndAfter(text, p.range.start)) };
    let kind: ProvisionKind;
    let label: string;
    if (p.kind === 'paragraph' || p.kind === 'point') {
      kind = p.kind;
      // The marker as written: "(1)", "1.", "a)", "1°".
      const marker = /^\s*(\([^()\s]{1,6}\)|[^\s()]{1,6}[.)°])/u.exec(text.slice(p.range.start, p.range.start + 12));
      label = marker?.[1] ?? p.num ?? p.kind;
    } else {
      const keyword = p.keyword ?? '';
      kind = p.kind === 'division' ? DIVISION_WORDS.find(([re]) => re.test(keyword))?.[1] ?? 'division' : 'article';
      if (kind === 'article' && p.kind === 'division') kind = 'division';
      label = keyword ? tidyLabel(keyword, p.num ?? '') : (p.num ?? '');
    }
    const range = { start: p.range.start, end: trimEnd(text, p.range.start, p.range.end) };
    const node: OutlineNode = { kind, label: label.trim() || p.kind, range, labelRange, children: p.children.map(convert) };
    if (p.heading) node.heading = truncate(p.heading);
    return node;
  };
  const roots = provisions.map(convert);
  return source.segments ? roots.map((n) => toOriginal(n, source)) : roots;
}

function lineEndAfter(text: string, offset: number): number {
  const m = /\r|\n/.exec(text.slice(offset));
  return m ? offset + m.index : text.length;
}

/** Rank of each kind: a node contains the nodes of higher rank that follow it. */
const RANK: Record<Exclude<ProvisionKind, 'heading'>, number> = {
  book: 10, part: 20, title: 30, chapter: 40, division: 50, article: 60, paragraph: 70, point: 80, subpoint: 90,
};

const DIVISION_WORDS: [RegExp, Exclude<ProvisionKind, 'heading'>][] = [
  [/^(?:book|livre|buch|libro)$/i, 'book'],
  [/^(?:part|partie|teil|parte)$/i, 'part'],
  [/^(?:title|titre|titel|título|titulo)$/i, 'title'],
  [/^(?:chapter|chapitre|kapitel|capítulo|capitulo)$/i, 'chapter'],
  [/^(?:sub-?part|division|sous-section|subsection|sub-section|abschnitt|unterabschnitt|sección|seccion|subsección)$/i, 'division'],
  [/^(?:article|art\.|artikel|artículo|articulo|§|§§)$/i, 'article'],
  [/^(?:section|sec\.|s\.)$/i, 'article'],
];

const NUMBER = String.raw`(?:[LRD]\.?\s?)?\d+(?:[-–.]\d+)*[A-Za-z]{0,3}(?:\s(?:bis|ter|quater|quinquies|sexies|septies|octies))?|[IVXLCDM]+(?:er|ER|re|RE)?(?![\p{L}\d])|premier|première|unique|préliminaire|liminaire|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|fourth|fifth`;
const HEADING_LINE = new RegExp(
  String.raw`^(Book|Livre|Buch|Libro|Part|Partie|Teil|Parte|Title|Titre|Titel|Título|Titulo|Chapter|Chapitre|Kapitel|Capítulo|Capitulo|Sub-?part|Division|Sous-section|Sub-?section|Abschnitt|Unterabschnitt|Sección|Seccion|Subsección|Article|Art\.|Artikel|Artículo|Articulo|Section|Sec\.|S\.|§§?)\s*(${NUMBER})(?![\p{L}\d])`,
  'iu',
);
const PARAGRAPH = /^(\((\d{1,3}[a-z]?)\)|(\d{1,3}[a-z]?)\.(?!\d)|(\d{1,3})\))\s/;
// A number, two or more spaces or a tab, then a short capitalised title with no closing punctuation.
const NUMBERED_SECTION = /^(\d{1,4}[A-Z]{0,2})(?: {2,}|\t)(\p{Lu}[^.;:!?]{1,100})$/u;
const POINT = /^(\(([a-z]{1,2}|[ivx]{1,5})\)|([a-z])\))\s/;

interface Open {
  node: OutlineNode;
  rank: number;
}

function outlineOfText(source: Source): OutlineNode[] {
  const text = source.text;
  const lines = source.textLines;
  const markdown = source.format === 'markdown';
  const candidates: { kind: ProvisionKind; rank: number; label: string; heading?: string; start: number; labelRange: OffsetRange }[] = [];
  let sawArticle = false;

  for (let line = 0; line < lines.lineCount; line++) {
    const lineStart = lines.lineStarts[line];
    const raw = lineOf(text, lines, line);
    if (raw.length === 0 || raw.length > 300) continue;
    let lead = /^\s*/.exec(raw)![0].length;
    let level = 0;
    if (markdown) {
      // A quotation of another text, not the draft's structure. The analysable text has the
      // markers masked (offsets unchanged): look at the file itself.
      if (/^\s{0,3}>/.test(source.original.slice(lineStart, lineStart + 8))) continue;
      const h = /^\s{0,3}(#{1,6})[ \t]+/.exec(raw);
      if (h) {
        level = h[1].length;
        lead = h[0].length;
      }
    }
    // **Article 5** and __Article 5__ are headings too.
    const emphasis = /^(\*\*|__)/.exec(raw.slice(lead))?.[0].length ?? 0;
    const body = raw.slice(lead + emphasis).replace(/(\*\*|__)/g, '');
    const labelRange = { start: lineStart + lead, end: Math.max(lineStart + lead, lineStart + raw.trimEnd().length) };

    const heading = HEADING_LINE.exec(body);
    if (heading) {
      const rest = body.slice(heading[0].length);
      let title = headingText(rest);
      if (title === '') title = titleOnNextLine(text, lines, line);
      if (title !== undefined) {
        const word = heading[1];
        const kind = DIVISION_WORDS.find(([re]) => re.test(word))?.[1] ?? 'article';
        if (/^(?:article|art\.|artikel|artículo|articulo)$/i.test(word)) sawArticle = true;
        // A Markdown heading ranks by its level, so that "## Part 2" and "## Explanatory memorandum" are siblings.
        const rank = level > 0 ? level * 10 - 5 : RANK[kind];
        candidates.push({ kind, rank, label: tidyLabel(word, heading[2]), heading: title || undefined, start: lineStart, labelRange });
        continue;
      }
    }
    // "2  Production of child pornography": a section of a UK-style act, numbered without a word.
    const numbered = level === 0 ? NUMBERED_SECTION.exec(body) : null;
    if (numbered) {
      candidates.push({ kind: 'article', rank: RANK.article, label: numbered[1], heading: truncate(numbered[2]), start: lineStart, labelRange });
      continue;
    }
    if (level > 0) {
      // A Markdown heading that names no provision ("## Explanatory memorandum") still structures the draft.
      const title = body.replace(/[\s#]+$/, '').trim();
      if (title) candidates.push({ kind: 'heading', rank: level * 10 - 5, label: truncate(title), start: lineStart, labelRange });
      continue;
    }
    const paragraph = PARAGRAPH.exec(body);
    if (paragraph) {
      const at = lineStart + lead + emphasis;
      candidates.push({ kind: 'paragraph', rank: RANK.paragraph, label: paragraph[1], start: lineStart, labelRange: { start: at, end: at + paragraph[1].length } });
      continue;
    }
    const point = POINT.exec(body);
    if (point) {
      const at = lineStart + lead + emphasis;
      candidates.push({ kind: 'point', rank: RANK.point, label: point[1], start: lineStart, labelRange: { start: at, end: at + point[1].length } });
    }
  }

  // "Section" is the provision itself in common-law acts, a division between chapter and article
  // in codes that number articles (French "Section 2 : De la pédopornographie").
  if (sawArticle) {
    for (const c of candidates) if (c.kind === 'article' && /^(?:section|sec\.|s\.)/i.test(c.label)) Object.assign(c, { kind: 'division', rank: RANK.division });
  }

  const roots: OutlineNode[] = [];
  const stack: Open[] = [];
  const close = (open: Open, end: number) => {
    open.node.range.end = trimEnd(text, open.node.range.start, end);
  };
  for (const c of candidates) {
    const insideArticle = stack.some((o) => o.node.kind === 'article');
    if ((c.kind === 'paragraph' || c.kind === 'point') && !insideArticle) continue;
    let { kind, rank } = c;
    const innermost = stack[stack.length - 1]?.node;
    // "(i)" after "(h)" is a point; "(i)", "(ii)" under a point are its sub-points.
    if (kind === 'point' && /^\(?[ivx]+\)$/.test(c.label) && innermost && (innermost.kind === 'point' || innermost.kind === 'subpoint')) {
      const previous = innermost.kind === 'point' ? innermost.label : undefined;
      const follows = previous && c.label.replace(/[()]/g, '').length === 1 && nextLetter(previous) === c.label.replace(/[()]/g, '');
      if (!follows) {
        kind = 'subpoint';
        rank = RANK.subpoint;
      }
    }
    while (stack.length && stack[stack.length - 1].rank >= rank) close(stack.pop()!, c.start);
    const node: OutlineNode = { kind, label: c.label, range: { start: c.start, end: text.length }, labelRange: c.labelRange, children: [] };
    if (c.heading) node.heading = c.heading;
    (stack.length ? stack[stack.length - 1].node.children : roots).push(node);
    stack.push({ node, rank });
  }
  while (stack.length) close(stack.pop()!, text.length);
  return source.segments ? roots.map((n) => toOriginal(n, source)) : roots;
}

/**
 * What follows the number on a heading line: its title, "" for none, or undefined when the line
 * is a sentence that merely starts with a reference ("Article 20 of the Convention requires …").
 */
function headingText(rest: string): string | undefined {
  const trimmed = rest.trim();
  if (trimmed === '') return '';
  const separated = /^\s*(?:[.:–—\-]\s*)+(.*)$/u.exec(rest);
  if (separated) return truncate(separated[1].replace(/[\s#]+$/, ''));
  // "Section 160A Possession of …": a title starts with a capital; "Article 5 of …" is a sentence.
  if (/^\s+[\p{Lu}\d«“"(]/u.test(rest) && !/[;,]$/.test(trimmed)) return truncate(trimmed);
  return undefined;
}

/**
 * "PART 1" then "PRELIMINARY", "§ 207a" then "Kinderpornografische Darstellungen": a short line
 * after a bare number is its title when it is in capitals, or when it is capitalised, unpunctuated
 * and followed by a blank line or the first paragraph.
 */
function titleOnNextLine(text: string, lines: LineIndex, line: number): string {
  if (line + 1 >= lines.lineCount) return '';
  const next = lineOf(text, lines, line + 1).trim().replace(/^(\*\*|__)(.*)\1$/, '$2');
  if (next.length < 2 || next.length > 100 || HEADING_LINE.test(next) || PARAGRAPH.test(next)) return '';
  if (/\p{Lu}/u.test(next) && next === next.toUpperCase()) return next;
  if (!/^\p{Lu}/u.test(next) || /[.;:,!?»”"]$/u.test(next)) return '';
  const after = line + 2 < lines.lineCount ? lineOf(text, lines, line + 2).trim() : '';
  return after === '' || PARAGRAPH.test(after) ? next : '';
}

/**
 * A line of the analysable text (code and comments masked). The line index may be the original
 * file's: masking keeps offsets, so its line starts are valid for both.
 */
function lineOf(text: string, lines: LineIndex, line: number): string {
  return text.slice(lines.lineStarts[line], lines.lineEnd(line));
}

function tidyLabel(word: string, number: string): string {
  const w = /^[§]/.test(word) || /\.$/.test(word) ? word : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  // "CHAPITRE IER" → "Chapitre Ier"
  return `${w} ${number.replace(/^([IVXLCDM]+)(ER|RE)$/, (_, r: string, e: string) => r + e.toLowerCase())}`;
}

function nextLetter(label: string): string {
  const letter = label.replace(/[()]/g, '');
  return letter.length === 1 ? String.fromCharCode(letter.charCodeAt(0) + 1) : '';
}

function truncate(s: string, max = 100): string {
  const t = s.trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/** A provision ends before the blank lines that separate it from the next one. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

function toOriginal(node: OutlineNode, source: Source): OutlineNode {
  return {
    ...node,
    range: source.toOriginalRange(node.range),
    labelRange: source.toOriginalRange(node.labelRange),
    children: node.children.map((c) => toOriginal(c, source)),
  };
}
