import { LineIndex } from './text/lineIndex';
import type { OffsetRange } from './text/range';

export type DraftFormat = 'plaintext' | 'markdown' | 'akn';

/**
 * One run where the analysable text is a verbatim copy of the original file:
 * text[textStart .. textStart+length) === original[originalStart .. originalStart+length).
 */
export interface Segment {
  textStart: number;
  originalStart: number;
  length: number;
}

/** A provision the file format itself marks up (Markdown heading, Akoma Ntoso article …). */
export interface MarkedProvision {
  kind: string;
  num?: string;
  heading?: string;
  /** Range in the analysable text. */
  range: OffsetRange;
  /** Range of the heading line/element in the analysable text. */
  headingRange: OffsetRange;
  level: number;
}

export interface SourceInit {
  uri: string;
  original: string;
  format: DraftFormat;
  /** Analysable projection of the original; the original itself when omitted. */
  text?: string;
  /** How the projection maps back; identity when omitted (then text.length must equal original.length). */
  segments?: Segment[];
  /** Ranges of the projection the format marks as quotations (blockquotes, quotedText …). */
  quotations?: OffsetRange[];
  /** Provisions the format marks up, if any. */
  provisions?: MarkedProvision[];
  /** Definitions the format marks up (Akoma Ntoso def/term). */
  definitions?: OffsetRange[];
  /** Language declared by the file's metadata, if any. */
  declaredLanguage?: string;
  /** Notes for the user about how the file was read (e.g. invalid UTF-8). */
  notes?: string[];
  /** Where the file breaks its own format (malformed XML), in original offsets, for editors to show. */
  problems?: SourceProblem[];
  /** How new text is written into the original (XML escapes `&` and `<`); verbatim when omitted. */
  encodeText?: (text: string) => string;
}

export interface SourceProblem {
  message: string;
  range: OffsetRange;
}

/**
 * The document as the analysis sees it: an analysable text (for plain text the file itself;
 * for Markdown the file with code masked; for XML the text content) and the map back to the
 * original file, so that every finding points at the exact characters the user sees.
 */
export class Source {
  readonly uri: string;
  readonly original: string;
  readonly text: string;
  readonly format: DraftFormat;
  readonly quotations: OffsetRange[];
  readonly provisions: MarkedProvision[];
  readonly definitions: OffsetRange[];
  readonly declaredLanguage: string | undefined;
  readonly notes: string[];
  readonly problems: SourceProblem[];
  readonly segments: Segment[] | undefined;
  readonly #encodeText: ((text: string) => string) | undefined;
  #textLines: LineIndex | undefined;
  #originalLines: LineIndex | undefined;

  constructor(init: SourceInit) {
    this.uri = init.uri;
    this.original = init.original;
    this.text = init.text ?? init.original;
    this.format = init.format;
    this.segments = init.segments;
    this.quotations = init.quotations ?? [];
    this.provisions = init.provisions ?? [];
    this.definitions = init.definitions ?? [];
    this.declaredLanguage = init.declaredLanguage;
    this.notes = init.notes ?? [];
    this.problems = init.problems ?? [];
    this.#encodeText = init.encodeText;
  }

  /** `text` as it must be written into the original file to read as `text` (escaped in XML). */
  encodeText(text: string): string {
    return this.#encodeText ? this.#encodeText(text) : text;
  }

  /** Line index over the analysable text (for structure reading). */
  get textLines(): LineIndex {
    // A format that masks markup in place (Markdown) keeps offsets but not characters: the
    // structure must be read from the masked text.
    return (this.#textLines ??= this.segments || this.text !== this.original ? new LineIndex(this.text) : this.originalLines);
  }

  /** Line index over the original file (for positions shown to the user). */
  get originalLines(): LineIndex {
    return (this.#originalLines ??= new LineIndex(this.original));
  }

  #segmentIndex(offset: number): number {
    const segs = this.segments!;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].textStart <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Original offset of an analysable-text offset. */
  toOriginal(offset: number): number {
    if (!this.segments) return offset;
    if (this.segments.length === 0) return 0;
    const s = this.segments[this.#segmentIndex(offset)];
    return s.originalStart + Math.min(Math.max(offset - s.textStart, 0), s.length);
  }

  toOriginalRange(range: OffsetRange): OffsetRange {
    if (!this.segments) return range;
    const start = this.toOriginal(range.start);
    // Map the end as "just after the last character" so a range ending at a segment boundary
    // does not jump over markup that follows it.
    const end = range.end > range.start ? this.toOriginal(range.end - 1) + 1 : start;
    return { start, end: Math.max(start, end) };
  }

  /** True when the analysable range is one contiguous run of the original: safe to edit. */
  isContiguous(range: OffsetRange): boolean {
    if (!this.segments) return true;
    const s = this.segments[this.#segmentIndex(range.start)];
    return range.start >= s.textStart && range.end <= s.textStart + s.length;
  }

  /**
   * True when an original range lies inside one run of text content: replacing it edits text
   * only, never markup (for edits computed from original offsets, like suggestions).
   */
  isEditableOriginal(range: OffsetRange): boolean {
    if (!this.segments) return true;
    return this.segments.some((s) => range.start >= s.originalStart && range.end <= s.originalStart + s.length);
  }

  /** Analysable offset of an original offset, or undefined inside markup. */
  fromOriginal(offset: number): number | undefined {
    if (!this.segments) return offset;
    for (const s of this.segments) {
      if (offset >= s.originalStart && offset <= s.originalStart + s.length) {
        return s.textStart + (offset - s.originalStart);
      }
    }
    return undefined;
  }
}

/** Plain text: the analysable text is the file. */
export function plainTextSource(uri: string, original: string, notes?: string[]): Source {
  return new Source({ uri, original, format: 'plaintext', notes });
}
