import JSZip from 'jszip';
import type { XmlElement, XmlNode } from '../core/formats/xml/tree';
import type { OffsetRange } from '../core/text/range';
import { Numbering } from './wordml/numbering';
import { all, attr, childOf, parsePart, textOf, type Part } from './wordml/xml';

/**
 * Word drafts (.docx) for the CLI and the report. A .docx is a zip of XML parts; we read
 * word/document.xml ourselves (jszip + the core's saxes-based XML reader) rather than through
 * mammoth: mammoth turns automatic numbering into HTML lists and drops the label format, so
 * "Article 3", "(a)" and "1.2" would be lost, and the provision reader needs them exactly as
 * Word shows them.
 *
 * The analysable text has one line per Word paragraph (table cells included), its automatic
 * number first: line n is paragraph n, which is how findings are located in a file no text
 * editor opens.
 */
export interface DocxText {
  text: string;
  /** The Word paragraph number (1-based, in document order) of each line of `text`. */
  paragraphOfLine: number[];
  /** dc:language of docProps/core.xml, if set ("fr-FR"). */
  language?: string;
  /** Paragraphs in a quotation style ("Quote", "Intense Quote", "Citation"): block quotations, like Markdown's. */
  quotations: OffsetRange[];
}

export class DocxError extends Error {}

export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DocxError('not a zip archive');
  }
  const read = async (name: string) => {
    const file = zip.file(name);
    return file ? parsePart(await file.async('string')) : undefined;
  };
  const document = await read('word/document.xml');
  if (!document) throw new DocxError('no word/document.xml');
  const numbering = new Numbering(await read('word/numbering.xml'));
  const stylesPart = await read('word/styles.xml');
  const styles = styleNumbering(stylesPart);
  const quoteStyles = quotationStyles(stylesPart);
  const core = await read('docProps/core.xml');

  const lines: string[] = [];
  const paragraphOfLine: number[] = [];
  const quotations: OffsetRange[] = [];
  let offset = 0;
  const body = [...all(document.roots, 'body')][0];
  for (const p of paragraphs(body ? [body] : document.roots)) {
    const props = childOf(p, 'pPr');
    const own = childOf(props, 'numPr');
    const styleId = attr(childOf(props, 'pStyle'), 'val') ?? '';
    const style = styles.get(styleId);
    const numId = attr(childOf(own, 'numId'), 'val') ?? style?.numId;
    const ilvl = Number(attr(childOf(own, 'ilvl'), 'val') ?? style?.ilvl ?? 0);
    const label = numId ? numbering.next(numId, ilvl) ?? '' : '';
    const line = oneLine(label + runText(document, p));
    if (line.trim() && (quoteStyles.has(styleId) || QUOTE_STYLE.test(styleId))) quotations.push({ start: offset, end: offset + line.length });
    lines.push(line);
    paragraphOfLine.push(lines.length);
    offset += line.length + 1;
  }
  const languageElement = core ? [...all(core.roots, 'language')][0] : undefined;
  const language = languageElement && core ? textOf(core, languageElement).trim() || undefined : undefined;
  return { text: lines.join('\n') + '\n', paragraphOfLine, language, quotations };
}

/** Paragraphs in document order; those nested in text boxes or shapes inside another paragraph are left out. */
function* paragraphs(nodes: readonly XmlNode[]): Generator<XmlElement> {
  for (const n of nodes) {
    if (n.kind !== 'element') continue;
    if (n.local === 'p') yield n;
    else yield* paragraphs(n.children);
  }
}

/** What Word shows of a paragraph's runs: text, tabs; deleted text, field codes and notes left out. */
function runText(part: Part, p: XmlElement): string {
  let s = '';
  const visit = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.kind !== 'element') continue;
      switch (c.local) {
        case 't':
          s += textOf(part, c);
          break;
        case 'tab':
          if (e.local === 'r') s += '\t';
          break;
        case 'br':
        case 'cr':
          s += ' ';
          break;
        case 'noBreakHyphen':
          s += '-';
          break;
        case 'pPr':
        case 'rPr':
        case 'del':
        case 'moveFrom':
        case 'delText':
        case 'instrText':
        case 'footnoteReference':
        case 'endnoteReference':
        case 'commentReference':
        case 'p':
          break;
        default:
          visit(c);
      }
    }
  };
  visit(p);
  return s;
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}

const QUOTE_STYLE = /quot|citation|zitat|cita/i;

/** Paragraph styles named like a quotation style, by id or by name ("Quote", "Citation intense"). */
function quotationStyles(part: Part | undefined): Set<string> {
  const out = new Set<string>();
  if (!part) return out;
  for (const s of all(part.roots, 'style')) {
    const id = attr(s, 'styleId') ?? '';
    if (QUOTE_STYLE.test(id) || QUOTE_STYLE.test(attr(childOf(s, 'name'), 'val') ?? '')) out.add(id);
  }
  return out;
}

/** Paragraph styles that carry numbering (Heading 1 linked to "Article %1", say), through basedOn. */
function styleNumbering(part: Part | undefined): Map<string, { numId?: string; ilvl?: string }> {
  const out = new Map<string, { numId?: string; ilvl?: string }>();
  if (!part) return out;
  const raw = new Map<string, { numId?: string; ilvl?: string; basedOn?: string }>();
  for (const s of all(part.roots, 'style')) {
    const numPr = childOf(childOf(s, 'pPr'), 'numPr');
    raw.set(attr(s, 'styleId') ?? '', {
      numId: attr(childOf(numPr, 'numId'), 'val'),
      ilvl: attr(childOf(numPr, 'ilvl'), 'val'),
      basedOn: attr(childOf(s, 'basedOn'), 'val'),
    });
  }
  for (const id of raw.keys()) {
    let numId: string | undefined;
    let ilvl: string | undefined;
    const seen = new Set<string>();
    for (let s = raw.get(id); s && !seen.has(id); s = s.basedOn ? raw.get(s.basedOn) : undefined) {
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      if (!s.basedOn || seen.has(s.basedOn)) break;
      seen.add(s.basedOn);
    }
    if (numId) out.set(id, { numId, ilvl });
  }
  return out;
}
