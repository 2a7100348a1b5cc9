import { addMessages, t, type Locale } from '../i18n';
import { Source, type MarkedProvision } from '../source';
import { LineIndex } from '../text/lineIndex';
import type { OffsetRange } from '../text/range';
import { quotationClassifier } from './akn/amendments';
import { DEFINITIONS, HEADED, INLINE, ITEMS, keywordFor, PROSE, QUOTED, SKIPPED, TIGHT } from './akn/layout';
import { declaredLanguage } from './akn/metadata';
import { Projection } from './projection';
import { textRuns, type TextRun } from './xml/entities';
import { tokenize } from './xml/tokens';
import { buildTree, type XmlElement, type XmlLeaf, type XmlNode } from './xml/tree';

addMessages('en', {
  'akn.malformed': 'Not well-formed XML (line {0}, column {1}: {2}). The text was read as far as the markup allows; findings near the error may be missing or misplaced.',
});
addMessages('fr', {
  'akn.malformed': 'XML mal formé (ligne {0}, colonne {1} : {2}). Le texte a été lu autant que le balisage le permet ; des constats proches de l’erreur peuvent manquer ou être mal placés.',
});

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** True when the start of a file (its first 2 KB are enough) declares the Akoma Ntoso namespace. */
export function isAkomaNtoso(head: string): boolean {
  return head.slice(0, 2048).includes(AKN_NAMESPACE);
}

/**
 * Akoma Ntoso / LegalDocML drafts. The analysable text is the text content laid out in lines as
 * a drafter would type it ("Article 5 – Possession", "1. A person who …", "a) produces …"), so
 * that the provision reader, the cues and the quotation rules work as on plain text. Every
 * character copied from the file maps back to it through segments; separators we add map
 * nowhere, so a term split by markup is reported but never rewritten. Quoted texts and defined
 * terms come from the markup itself; the language from the FRBR metadata.
 */
export function aknSource(uri: string, original: string, options: { notes?: string[]; locale?: Locale } = {}): Source {
  const { tokens, error } = tokenize(original);
  const roots = buildTree(tokens, original.length);
  const language = declaredLanguage(roots);
  const reader = new AknReader(original, language, quotationClassifier(roots, original));
  reader.nodes(roots);
  reader.out.newline();

  const notes = [...(options.notes ?? [])];
  const problems: { message: string; range: OffsetRange }[] = [];
  if (error) {
    const at = new LineIndex(original).codePointPosition(error.offset);
    const reason = error.message.replace(/^(?:[^\n]*?:)?\d+:\d+: /, '').replace(/\.$/, '');
    const message = t(options.locale ?? 'en', 'akn.malformed', at.line, at.column, reason);
    notes.push(message);
    problems.push({ message, range: { start: error.offset, end: error.offset } });
  }
  return new Source({
    uri,
    original,
    format: 'akn',
    text: reader.out.text,
    segments: reader.out.segments,
    quotations: mergeRanges(reader.quotations),
    provisions: reader.provisions.sort((a, b) => a.range.start - b.range.start),
    definitions: reader.definitions,
    declaredLanguage: language,
    notes,
    problems,
    encodeText: escapeXml,
  });
}

/** New text written into XML content: the characters that would be read as markup, escaped. */
function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

class AknReader {
  readonly out = new Projection();
  readonly quotations: OffsetRange[] = [];
  readonly definitions: OffsetRange[] = [];
  readonly provisions: MarkedProvision[] = [];
  /** A number was written and the first line of the item's text follows it on the same line. */
  #labelOpen = false;
  /** A directive comment was just written: it governs the very next line, so no blank line follows. */
  #afterDirective = false;
  /** Authorial notes met inside a line, written after the block that contains them. */
  #notes: XmlElement[] = [];
  #depth = 0;

  constructor(
    readonly original: string,
    readonly language: string | undefined,
    readonly isQuotation: (e: XmlElement) => boolean,
  ) {}

  nodes(list: readonly XmlNode[], inline = false): void {
    for (const n of list) this.node(n, inline);
  }

  node(n: XmlNode, inline: boolean): void {
    if (n.kind !== 'element') {
      if (n.kind === 'comment') return this.comment(n);
      if (n.kind === 'cdata') return this.runs([{ text: this.original.slice(n.start, n.end), originalStart: n.start }]);
      return this.text(n);
    }
    const name = n.local;
    if (SKIPPED.has(name)) return;
    if (name === 'eol' || name === 'br') return this.out.newline();
    if (name === 'authorialNote') {
      this.#notes.push(n);
      return;
    }
    if (HEADED.has(name)) return this.headed(n);
    if (ITEMS.has(name)) return this.item(n);
    if (INLINE.has(name) || (inline && !QUOTED.has(name))) return this.inline(n);
    if (PROSE.has(name)) return this.prose(n);
    if (QUOTED.has(name)) return this.quotedBlock(n);
    this.nodes(n.children);
  }

  /** Character data: white space between elements is layout, not text, unless it sits in prose. */
  text(n: XmlLeaf): void {
    const inProse = !!n.parent && (PROSE.has(n.parent.local) || INLINE.has(n.parent.local));
    const raw = this.original.slice(n.start, n.end);
    if (!/\S/.test(raw)) {
      if (inProse) this.runs(textRuns(this.original, n.start, n.end));
      return;
    }
    // Text straight in a container (no <p>), or outside the root of a broken file: a line of its own.
    if (!inProse && !this.#labelOpen) this.out.newline();
    this.runs(textRuns(this.original, n.start, n.end));
  }

  runs(runs: readonly TextRun[]): void {
    for (const run of runs) {
      let s = run.text;
      let at = run.originalStart;
      if (this.out.atLineStart || this.#labelOpen) {
        const lead = /^\s*/.exec(s)![0].length;
        s = s.slice(lead);
        if (at !== undefined) at += lead;
      }
      if (!s) continue;
      this.#labelOpen = false;
      this.#afterDirective = false;
      if (at === undefined) this.out.add(s);
      else this.out.copy(s, at);
    }
  }

  /** Only lanzarote directives are read from comments: on a line of their own, like in a text draft. */
  comment(n: XmlLeaf): void {
    const body = this.original.slice(n.start, n.end);
    if (!body.includes('lanzarote-')) return;
    const lead = /^\s*/.exec(body)![0].length;
    const trimmed = body.trim();
    this.#labelOpen = false;
    this.out.newline();
    this.out.copy(trimmed, n.start + lead);
    this.out.newline();
    this.#afterDirective = true;
  }

  /**
   * A new line for a block; a blank line too, except between the lines of an item or a list. The
   * first line of text of an item continues its number's line; a nested item or heading does not.
   */
  #break(e: XmlElement, continuesLabel: boolean): void {
    const open = this.#labelOpen;
    this.#labelOpen = false;
    if (open && continuesLabel) return;
    if (this.#afterDirective || open || hasAncestor(e, TIGHT)) this.out.newline();
    else this.out.blankLine();
  }

  /** "Article 5 – Possession" on its own line, then the provision's content. */
  headed(e: XmlElement): void {
    this.#break(e, false);
    const start = this.out.length;
    const num = child(e, 'num');
    const heading = child(e, 'heading');
    const subheading = child(e, 'subheading');
    let numText: string | undefined;
    let headingText: string | undefined;
    if (num) {
      const keyword = keywordFor(e.local, plain(this.original, num), this.language);
      if (keyword) this.out.add(`${keyword} `);
      const from = this.out.length;
      this.#inlineContent(num, start);
      numText = this.out.since(from);
    }
    for (const h of [heading, subheading]) {
      if (!h) continue;
      if (this.out.length > start) this.out.add(' – ');
      const from = this.out.length;
      this.#inlineContent(h, start);
      headingText ??= this.out.since(from);
    }
    if (this.out.since(this.out.length - 3) === ' – ') this.out.truncate(this.out.length - 3);
    const headingEnd = this.out.length;
    this.out.newline();
    this.#afterDirective = false;
    this.#depth++;
    this.nodes(e.children.filter((c) => c !== num && c !== heading && c !== subheading));
    this.#depth--;
    this.out.newline();
    if (headingEnd > start) {
      this.provisions.push({ kind: e.local, num: numText, heading: headingText, level: this.#depth, range: { start, end: this.out.length }, headingRange: { start, end: headingEnd } });
    }
  }

  /** "1. A person who …": the number, then the item's first line of text on the same line. */
  item(e: XmlElement): void {
    this.#break(e, false);
    const start = this.out.length;
    const num = child(e, 'num');
    let numText: string | undefined;
    if (num) {
      this.#inlineContent(num, start);
      numText = this.out.since(start);
      if (numText) {
        this.out.add(' ');
        this.#labelOpen = true;
      }
    }
    const labelEnd = this.out.length;
    this.#depth++;
    this.nodes(e.children.filter((c) => c !== num));
    this.#depth--;
    this.#labelOpen = false;
    this.out.newline();
    if (numText) {
      this.provisions.push({ kind: e.local, num: numText, level: this.#depth, range: { start, end: this.out.length }, headingRange: { start, end: labelEnd - 1 } });
    }
  }

  /** A paragraph of text (p, a table cell …): one line, then the notes met in it. */
  prose(e: XmlElement): void {
    this.#break(e, true);
    this.nodes(e.children, true);
    this.out.newline();
    this.#flushNotes();
  }

  inline(e: XmlElement): void {
    const start = this.out.length;
    this.nodes(e.children, true);
    this.#mark(e, start);
  }

  /** A quoted structure: its provisions on lines of their own, quoted or not as amendments.ts decides. */
  quotedBlock(e: XmlElement): void {
    this.out.newline();
    const start = this.out.length;
    this.nodes(e.children);
    this.out.newline();
    this.#mark(e, start);
  }

  #mark(e: XmlElement, start: number): void {
    const end = start + this.out.since(start).trimEnd().length;
    if (end <= start) return;
    if (DEFINITIONS.has(e.local)) this.definitions.push({ start, end });
    if (QUOTED.has(e.local) && this.isQuotation(e)) this.quotations.push({ start, end });
  }

  /** The content of a num or heading, on the current line, without its surrounding white space. */
  #inlineContent(e: XmlElement, lineStart: number): void {
    // Leading white space is dropped as at the start of a line.
    this.#labelOpen = true;
    this.nodes(e.children, true);
    this.#labelOpen = false;
    this.out.trimEnd(true, lineStart);
  }

  #flushNotes(): void {
    while (this.#notes.length) {
      const note = this.#notes.shift()!;
      this.out.newline();
      this.nodes(note.children);
      this.out.newline();
    }
  }
}

function child(e: XmlElement, local: string): XmlElement | undefined {
  return e.children.find((c): c is XmlElement => c.kind === 'element' && c.local === local);
}

/** Nearest structural ancestor decides: inside an item or a list, lines are tight. */
function hasAncestor(e: XmlElement, names: ReadonlySet<string>): boolean {
  for (let p = e.parent; p; p = p.parent) {
    if (names.has(p.local)) return true;
    if (HEADED.has(p.local) || p.local === 'quotedStructure' || p.local === 'embeddedStructure') return false;
  }
  return false;
}

/** Text content with markup dropped (for deciding whether a num needs a keyword). */
function plain(original: string, e: XmlElement): string {
  return original.slice(e.start, e.end).replace(/<[^>]*>/g, '');
}

function mergeRanges(ranges: OffsetRange[]): OffsetRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: OffsetRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
