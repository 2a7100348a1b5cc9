/**
 * Line/column arithmetic over a document's text. Offsets are UTF-16 code-unit offsets into the
 * string (what JavaScript and LSP use); the CLI also needs code-point columns, which we derive
 * here so that no front end ever counts characters itself.
 *
 * Line breaks are \r\n, \n and a lone \r, as in the LSP specification.
 */
import { lastAtOrBefore } from './range';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units. */
  character: number;
}

export class LineIndex {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    // Most drafts have no carriage return: then the native search for line feeds does it all.
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line that contains `offset` (binary search; the end of the text belongs to the last line). */
  lineOf(offset: number): number {
    return lastAtOrBefore(this.lineStarts, offset);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEnd(position.line);
    return Math.max(start, Math.min(start + position.character, end));
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  /** 1-based line and 1-based column counted in Unicode code points (for CLI output and SARIF). */
  codePointPosition(offset: number): { line: number; column: number } {
    const { line, character } = this.positionAt(offset);
    // Each surrogate pair that ends before the offset is one code point for two code units. A
    // high surrogate just before the offset (its pair cut) still counts as one column.
    const pairs = this.#pairsOf(line);
    const at = this.lineStarts[line] + character;
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid] + 1 < at) lo = mid + 1;
      else hi = mid;
    }
    return { line: line + 1, column: character - lo + 1 };
  }

  // Offsets of the surrogate pairs (high surrogate then low) of each line, found once per line:
  // columns of many findings on one long line then cost a binary search, not a scan of the line.
  readonly #pairs = new Map<number, readonly number[]>();

  #pairsOf(line: number): readonly number[] {
    let pairs = this.#pairs.get(line);
    if (!pairs) {
      const found: number[] = [];
      const end = this.lineEnd(line);
      for (let i = this.lineStarts[line]; i + 1 < end; i++) {
        const c = this.text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) {
          const d = this.text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) found.push(i++);
        }
      }
      pairs = found.length ? found : NO_PAIRS;
      this.#pairs.set(line, pairs);
    }
    return pairs;
  }
}

const NO_PAIRS: readonly number[] = [];
