import { Source, type MarkedProvision } from '../source';
import type { OffsetRange } from '../text/range';

/**
 * Markdown drafts: prose is analysed as is; fenced code, inline code and HTML comments are
 * masked with spaces (offsets unchanged, so positions need no mapping); so are blockquote
 * markers and emphasis markers, which would otherwise hide a provision's number or a sentence's
 * first word from the structure reader ("> (1) …", "**Article 2.**"); blockquotes are
 * quotations (unless an amending formula introduces them); ATX headings are provisions. Indented code blocks are deliberately not
 * recognised: drafts indent sub-paragraphs, and those are law, not code.
 */
export function markdownSource(uri: string, original: string, notes?: string[]): Source {
  const chars = original.split('');
  const quotations: OffsetRange[] = [];
  const provisions: MarkedProvision[] = [];
  const mask = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };

  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let fence: { marker: string; length: number } | undefined;
  let fenceStart = 0;
  for (let m = lineRe.exec(original); m && m[0].length > 0; m = lineRe.exec(original)) {
    const start = m.index;
    const line = m[0].replace(/[\r\n]+$/, '');
    const end = start + line.length;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1][0] === fence.marker && close[1].length >= fence.length) {
        mask(fenceStart, end);
        fence = undefined;
      }
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (open) {
      fence = { marker: open[1][0], length: open[1].length };
      fenceStart = start;
      continue;
    }
    // Nested blockquotes ("> > …") repeat the marker.
    const quote = /^ {0,3}>(?:[ \t]{0,4}>){0,5}[ \t]?/.exec(line);
    if (quote) {
      quotations.push({ start: start + quote[0].length, end });
      mask(start, start + quote[0].length);
    }
    const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(line);
    if (heading) {
      provisions.push({
        kind: 'heading',
        heading: heading[2],
        level: heading[1].length,
        range: { start, end },
        headingRange: { start, end },
      });
    }
  }
  if (fence) mask(fenceStart, original.length);

  const masked = chars.join('');
  const withoutInline = maskEmphasis(maskInline(masked));
  // Headings extend to the next heading of the same or a higher level.
  for (let i = 0; i < provisions.length; i++) {
    const next = provisions.slice(i + 1).find((p) => p.level <= provisions[i].level);
    provisions[i].range = { start: provisions[i].range.start, end: next ? next.range.start : original.length };
  }
  return new Source({ uri, original, format: 'markdown', text: withoutInline, segments: undefined, quotations: mergeAdjacent(quotations, original), provisions, notes });
}

/** Inline code spans and HTML comments (except lanzarote directives) become spaces. */
function maskInline(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, (c) => (c.includes('lanzarote-') ? c : c.replace(/[^\r\n]/g, ' ')))
    .replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (c) => c.replace(/[^\r\n]/g, ' '));
}

// Emphasis delimiters around text on one line: "**Article 2.**", "*Section 5*", "_Titre Ier_".
// The span is bounded so a stray marker costs at most a short scan.
const STRONG = /(^|[^\p{L}\p{N}*_\\])(\*\*|__)(?=[^\s*_])([^\r\n]{0,400}?[^\s\\])\2(?![\p{L}\p{N}*_])/gu;
const EMPHASIS = /(^|[^\p{L}\p{N}*_\\])([*_])(?=[^\s*_])([^\r\n*_]{0,400}?[^\s\\*_])\2(?![\p{L}\p{N}*_])/gu;

function maskEmphasis(text: string): string {
  const spaces = (_: string, lead: string, marker: string, inner: string) => `${lead}${' '.repeat(marker.length)}${inner}${' '.repeat(marker.length)}`;
  return text.replace(STRONG, spaces).replace(EMPHASIS, spaces);
}

/** Consecutive blockquote lines form one quotation. */
function mergeAdjacent(ranges: OffsetRange[], text: string): OffsetRange[] {
  const out: OffsetRange[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && /^[\r\n]*[ ]{0,3}>?[ \t]?$/.test(text.slice(last.end, r.start))) last.end = r.end;
    else out.push({ ...r });
  }
  return out;
}
