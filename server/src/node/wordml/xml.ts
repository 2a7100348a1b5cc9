import { tokenize } from '../../core/formats/xml/tokens';
import { buildTree, elements, type XmlElement, type XmlNode } from '../../core/formats/xml/tree';
import { textRuns } from '../../core/formats/xml/entities';

/**
 * Small helpers over WordprocessingML parts, read with the core's XML reader (saxes underneath).
 * Word always writes the `w:` prefix, but other producers may not, so names are matched by their
 * local part and attributes by their local name.
 */
export interface Part {
  source: string;
  roots: XmlNode[];
}

export function parsePart(source: string): Part {
  const { tokens } = tokenize(source);
  return { source, roots: buildTree(tokens, source.length) };
}

export function* all(nodes: readonly XmlNode[] | XmlElement, local: string): Generator<XmlElement> {
  for (const e of elements(Array.isArray(nodes) ? nodes : (nodes as XmlElement).children)) if (e.local === local) yield e;
}

export function childOf(e: XmlElement | undefined, local: string): XmlElement | undefined {
  return e?.children.find((c): c is XmlElement => c.kind === 'element' && c.local === local);
}

/** An attribute by local name ("val" finds w:val). */
export function attr(e: XmlElement | undefined, local: string): string | undefined {
  if (!e) return undefined;
  for (const [k, v] of Object.entries(e.attributes)) if (k === local || k.endsWith(`:${local}`)) return v;
  return undefined;
}

/** The decoded character data of an element (for w:t, dc:language …). */
export function textOf(part: Part, e: XmlElement): string {
  let s = '';
  for (const c of e.children) {
    if (c.kind === 'text') s += textRuns(part.source, c.start, c.end).map((r) => r.text).join('');
    else if (c.kind === 'cdata') s += part.source.slice(c.start, c.end);
    else if (c.kind === 'element') s += textOf(part, c);
  }
  return s;
}
