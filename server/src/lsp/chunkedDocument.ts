import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { lastAtOrBefore } from '../core/text/range';

/**
 * An open document held in pieces of a few thousand characters, with the same positions, line
 * table and clamping as vscode-languageserver-textdocument's TextDocument.
 *
 * Why: a keystroke in a 1 MiB draft held as one string makes a new string of the whole draft
 * (a + typed + b), and the next read of any character of it copies all of it into one piece
 * again: about 10 ms on the benchmark's machine, at every keystroke, before any analysis. Here a
 * keystroke copies only the piece it lands in. The whole text is joined when something asks for
 * all of it (the full analysis, after a pause in the typing) and kept until the next edit.
 */
export class ChunkedDocument implements TextDocument {
  #chunks: string[];
  /** Offset of each chunk's first character. */
  #starts: number[];
  #length: number;
  #lineOffsets: number[] | undefined;
  #joined: string | undefined;
  #version: number;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    content: string,
  ) {
    this.#version = version;
    this.#chunks = [];
    this.#starts = [];
    this.#length = 0;
    this.#setContent(content);
  }

  static create(uri: string, languageId: string, version: number, content: string): ChunkedDocument {
    return new ChunkedDocument(uri, languageId, version, content);
  }

  get version(): number {
    return this.#version;
  }

  get length(): number {
    return this.#length;
  }

  get lineCount(): number {
    return this.#lines().length;
  }

  getText(range?: Range): string {
    if (range) return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    if (this.#joined === undefined) {
      // Paid once per version read whole; the pieces become views of the joined text, so the
      // draft is held once, not twice.
      this.#joined = this.#chunks.length === 1 ? this.#chunks[0] : this.#chunks.join('');
      this.#split(this.#joined);
    }
    return this.#joined;
  }

  /** The text from `start` to `end` (clamped), copying only the pieces it spans. */
  slice(start: number, end = this.#length): string {
    start = Math.max(0, Math.min(start, this.#length));
    end = Math.max(start, Math.min(end, this.#length));
    if (this.#joined !== undefined) return this.#joined.slice(start, end);
    if (start === end) return '';
    let k = this.#chunkAt(start);
    let out = '';
    for (let at = start; at < end; k++) {
      const s = this.#starts[k];
      const c = this.#chunks[k];
      const to = Math.min(end, s + c.length);
      out += c.slice(at - s, to - s);
      at = to;
    }
    return out;
  }

  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.#length) return NaN;
    if (this.#joined !== undefined) return this.#joined.charCodeAt(offset);
    const k = this.#chunkAt(offset);
    return this.#chunks[k].charCodeAt(offset - this.#starts[k]);
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.#length), 0);
    const lineOffsets = this.#lines();
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.#beforeEol(offset, lineOffsets[line]);
    return { line, character: offset - lineOffsets[line] };
  }

  /**
   * The position of an offset as core/text/lineIndex.ts counts it (an offset between \r and \n
   * is not moved back before the line break), so that diagnostics published from here and from
   * a full analysis agree to the character.
   */
  analysedPositionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.#length), 0);
    const lineOffsets = this.#lines();
    const line = lastAtOrBefore(lineOffsets, offset);
    return { line, character: offset - lineOffsets[line] };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.#lines();
    if (position.line >= lineOffsets.length) return this.#length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line];
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this.#length;
    return this.#beforeEol(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
  }

  getLineRange(line: number): Range {
    const lineOffsets = this.#lines();
    if (line >= lineOffsets.length) {
      const last = lineOffsets.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.#length - lineOffsets[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lineOffsets[line];
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.#length;
    return { start: { line, character: 0 }, end: { line, character: this.#beforeEol(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const lineOffsets = this.#lines();
    if (line >= lineOffsets.length || line < 0) return '';
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.#length;
    return this.slice(this.#beforeEol(next, lineOffsets[line]), next);
  }

  /**
   * Apply a didChange's changes in order, as TextDocument.update does (each range first made
   * well-formed and clamped to the text it applies to).
   */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change) || change.range === undefined) {
        this.#setContent(change.text);
        continue;
      }
      const range = wellFormed(change.range);
      const startOffset = this.offsetAt(range.start);
      const endOffset = this.offsetAt(range.end);
      const startLine = this.positionAt(startOffset).line;
      const endLine = this.positionAt(endOffset).line;
      this.#replace(startOffset, endOffset, change.text);
      const insertedEnd = startOffset + change.text.length;
      const crlf = (at: number) => this.charCodeAt(at - 1) === 13 && this.charCodeAt(at) === 10;
      if (crlf(startOffset) || crlf(insertedEnd) || !this.#lineOffsets) {
        // A \r\n pair across the edit's edges is not in the inserted text's own line breaks.
        this.#lineOffsets = undefined;
        continue;
      }
      const lineOffsets = this.#lineOffsets;
      const added = lineStarts(change.text, startOffset);
      if (endLine - startLine === added.length) {
        for (let i = 0; i < added.length; i++) lineOffsets[i + startLine + 1] = added[i];
      } else {
        this.#lineOffsets = lineOffsets.slice(0, startLine + 1).concat(added, lineOffsets.slice(endLine + 1));
      }
      const diff = change.text.length - (endOffset - startOffset);
      if (diff !== 0) {
        const offsets = this.#lineOffsets;
        for (let i = startLine + 1 + added.length; i < offsets.length; i++) offsets[i] += diff;
      }
    }
    this.#version = version;
  }

  #setContent(content: string): void {
    this.#split(content);
    this.#joined = content;
    this.#lineOffsets = undefined;
  }

  #split(content: string): void {
    this.#chunks = [];
    this.#starts = [];
    for (let at = 0; at < content.length || this.#chunks.length === 0; at += CHUNK) {
      this.#starts.push(at);
      this.#chunks.push(content.length <= CHUNK ? content : content.slice(at, at + CHUNK));
    }
    this.#length = content.length;
  }

  #replace(start: number, end: number, text: string): void {
    this.#joined = undefined;
    const first = this.#chunkAt(start);
    const last = this.#chunkAt(Math.max(start, end - 1));
    const from = this.#starts[first];
    let piece = '';
    for (let k = first; k <= last; k++) piece += this.#chunks[k];
    piece = piece.slice(0, start - from) + text + piece.slice(end - from);
    const pieces: string[] = [];
    if (piece.length <= 2 * CHUNK) pieces.push(piece);
    else for (let at = 0; at < piece.length; at += CHUNK) pieces.push(piece.slice(at, at + CHUNK));
    if (pieces.length === 1 && pieces[0].length === 0 && this.#chunks.length > 1) pieces.length = 0;
    this.#chunks.splice(first, last - first + 1, ...pieces);
    this.#length += text.length - (end - start);
    // Offsets of the pieces from `first` on.
    this.#starts.length = first;
    let at = from;
    for (let k = first; k < this.#chunks.length; k++) {
      this.#starts.push(at);
      at += this.#chunks[k].length;
    }
    if (this.#chunks.length === 0) {
      this.#chunks.push('');
      this.#starts.push(0);
    }
  }

  /** Index of the chunk holding `offset` (the last one for the end of the text). */
  #chunkAt(offset: number): number {
    return lastAtOrBefore(this.#starts, offset);
  }

  #lines(): number[] {
    if (!this.#lineOffsets) {
      const offsets = [0];
      for (let k = 0; k < this.#chunks.length; k++) {
        const c = this.#chunks[k];
        const base = this.#starts[k];
        for (let i = 0; i < c.length; i++) {
          const ch = c.charCodeAt(i);
          if (ch === 13) {
            // \r\n may straddle two chunks.
            if (this.charCodeAt(base + i + 1) === 10) i++;
            offsets.push(base + i + 1);
          } else if (ch === 10) offsets.push(base + i + 1);
        }
      }
      // A \r\n straddling chunks was skipped by `i++` past the chunk's end: its \n is not counted twice.
      this.#lineOffsets = dedupeStraddled(offsets);
    }
    return this.#lineOffsets;
  }

  #beforeEol(offset: number, lineOffset: number): number {
    while (offset > lineOffset) {
      const c = this.charCodeAt(offset - 1);
      if (c !== 13 && c !== 10) break;
      offset--;
    }
    return offset;
  }
}

/** Pieces of about this many characters: a keystroke copies one (a few microseconds). */
const CHUNK = 8 * 1024;

function lineStarts(text: string, offset: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 || ch === 10) {
      if (ch === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
      out.push(offset + i + 1);
    }
  }
  return out;
}

function dedupeStraddled(offsets: number[]): number[] {
  // A \r at a chunk's end followed by \n at the next chunk's start: the \r pushes base+i+2 after
  // skipping, and the next chunk's loop sees the \n again at the same offset minus nothing. Keep
  // offsets strictly increasing.
  const out: number[] = [];
  for (const o of offsets) if (out.length === 0 || o > out[out.length - 1]) out.push(o);
  return out;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return { start: end, end: start };
  return range;
}
