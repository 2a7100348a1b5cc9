/**
 * How Akoma Ntoso elements are laid out as lines of plain text, the way a drafter would type the
 * same draft (so that the text-based provision reader reads it like any other draft).
 */

/** Divisions and article-level provisions: "num – heading" on a line of its own. */
export const HEADED = new Set([
  'book', 'tome', 'part', 'subpart', 'title', 'subtitle', 'chapter', 'subchapter', 'section', 'article', 'division',
  'subdivision', 'rule', 'clause', 'hcontainer', 'transitional', 'level', 'crossHeading',
]);

/** Numbered parts of a provision: the number starts the line and the text follows on it. */
export const ITEMS = new Set([
  'paragraph', 'subparagraph', 'subsection', 'point', 'alinea', 'indent', 'item', 'subclause', 'subrule', 'proviso',
  'sublist',
]);

/** Inside these, lines follow one another without a blank line (the points of a list, say). */
export const TIGHT = new Set([...ITEMS, 'list', 'blockList']);

/** Elements that run inside a line of text. Anything unknown inside a line is read as inline too. */
export const INLINE = new Set([
  'b', 'i', 'u', 'sup', 'sub', 'span', 'a', 'abbr', 'inline', 'term', 'def', 'ref', 'mref', 'rref', 'date', 'time',
  'person', 'organization', 'location', 'role', 'quantity', 'concept', 'object', 'event', 'process', 'entity',
  'docTitle', 'docNumber', 'docType', 'docDate', 'docProponent', 'docStatus', 'docStage', 'docJurisdiction',
  'docCommittee', 'docIntroducer', 'docPurpose', 'docAuthority', 'session', 'shortTitle', 'legislature', 'courtType',
  'judge', 'party', 'lawyer', 'signature', 'outcome', 'affectedDocument', 'relatedDocument', 'change', 'ins', 'del',
  'vote', 'opinion', 'argument', 'placeholder', 'fillIn', 'decoration', 'omissis', 'extractText', 'quotedText',
  'embeddedText', 'mod', 'mmod', 'remark', 'recordedTime', 'narrative', 'summary', 'legalSystem', 'noteRef',
  'eol', 'eop', 'img', 'marker', 'authorialNote',
]);

/** Elements whose own character data is prose (whitespace in them counts). */
export const PROSE = new Set(['p', 'num', 'heading', 'subheading', 'block', 'td', 'th', 'li', 'caption', 'tocItem', 'longTitle', 'listIntroduction', 'listWrapUp']);

/** Not text of the draft: metadata, the table of contents (a copy of the headings), pictures. */
export const SKIPPED = new Set(['meta', 'toc', 'noteRef', 'img', 'eop', 'marker', 'componentRef']);

/** Quotations of other texts, or the new wording an amendment inserts (see amendments.ts). */
export const QUOTED = new Set(['quotedText', 'quotedStructure', 'embeddedStructure', 'embeddedText', 'del']);

/** The drafter's defined terms. */
export const DEFINITIONS = new Set(['def', 'term']);

/**
 * The keyword a bare number ("5", "IV", "227-23") is given on its heading line, so the reader sees
 * "Article 5" as a drafter would write it. Only words the provision reader knows.
 */
const KEYWORDS: Record<string, Partial<Record<string, string>>> = {
  article: { en: 'Article', fr: 'Article', de: 'Artikel', es: 'Artículo' },
  section: { en: 'Section', fr: 'Section', de: 'Section', es: 'Section' },
  chapter: { en: 'Chapter', fr: 'Chapitre', de: 'Kapitel', es: 'Capítulo' },
  part: { en: 'Part', fr: 'Part', de: 'Teil', es: 'Part' },
  title: { en: 'Title', fr: 'Titre', de: 'Title', es: 'Título' },
  book: { en: 'Book', fr: 'Livre', de: 'Book', es: 'Libro' },
  division: { en: 'Division', fr: 'Division', de: 'Division', es: 'Division' },
  rule: { en: 'Rule', fr: 'Rule', de: 'Rule', es: 'Rule' },
  clause: { en: 'Clause', fr: 'Clause', de: 'Clause', es: 'Clause' },
};

const BARE_NUMBER = /^\s*(?:\d+[A-Za-z]{0,3}(?:[-.]\d+)*|[IVXLCDM]+|1er|1re)\.?\s*$/;

export function keywordFor(element: string, num: string, language: string | undefined): string | undefined {
  if (!BARE_NUMBER.test(num)) return undefined;
  const words = KEYWORDS[element];
  return words ? words[language ?? 'en'] ?? words.en : undefined;
}
