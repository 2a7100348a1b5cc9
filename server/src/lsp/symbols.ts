import {
  FoldingRangeKind,
  SymbolKind,
  type DocumentSymbol,
  type FoldingRange,
  type SymbolInformation,
} from 'vscode-languageserver/node';
import type { Analysis } from '../core/analyse';
import { outline, type OutlineNode, type ProvisionKind } from '../core/outline';
import { toRange } from './convert';

/** The outline is computed once per analysis (hence once per document version). */
const outlines = new WeakMap<Analysis, OutlineNode[]>();

function outlineOf(analysis: Analysis): OutlineNode[] {
  let o = outlines.get(analysis);
  if (!o) {
    o = outline(analysis);
    outlines.set(analysis, o);
  }
  return o;
}

/** Divisions show as namespaces, provisions as classes, paragraphs and points as fields. */
const KIND: Record<ProvisionKind, SymbolKind> = {
  heading: SymbolKind.String,
  book: SymbolKind.Namespace,
  part: SymbolKind.Namespace,
  title: SymbolKind.Namespace,
  chapter: SymbolKind.Namespace,
  division: SymbolKind.Namespace,
  article: SymbolKind.Class,
  paragraph: SymbolKind.Field,
  point: SymbolKind.EnumMember,
  subpoint: SymbolKind.EnumMember,
};

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const lines = analysis.source.originalLines;
  const convert = (n: OutlineNode): DocumentSymbol => {
    const s: DocumentSymbol = {
      name: n.label,
      kind: KIND[n.kind],
      range: toRange(lines, n.range),
      selectionRange: toRange(lines, n.labelRange),
      children: n.children.map(convert),
    };
    if (n.heading) s.detail = n.heading;
    return s;
  };
  return outlineOf(analysis).map(convert);
}

/** For clients without hierarchical symbols: a flat list that names each symbol's container. */
export function symbolInformation(analysis: Analysis): SymbolInformation[] {
  const lines = analysis.source.originalLines;
  const out: SymbolInformation[] = [];
  const walk = (nodes: OutlineNode[], container?: string) => {
    for (const n of nodes) {
      const name = n.heading ? `${n.label} ${n.heading}` : n.label;
      const info: SymbolInformation = { name, kind: KIND[n.kind], location: { uri: analysis.source.uri, range: toRange(lines, n.range) } };
      if (container) info.containerName = container;
      out.push(info);
      walk(n.children, n.label);
    }
  };
  walk(outlineOf(analysis));
  return out;
}

/** Every provision that spans more than one line folds, from its heading to its last line. */
export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const lines = analysis.source.originalLines;
  const out: FoldingRange[] = [];
  const walk = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      const startLine = lines.lineOf(n.range.start);
      const endLine = lines.lineOf(n.range.end);
      if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
      walk(n.children);
    }
  };
  walk(outlineOf(analysis));
  return out;
}
