import type { Segment } from '../source';

/**
 * Builds the analysable text of a marked-up file piece by piece: characters copied from the
 * original get a segment (so positions map back exactly and edits stay inside text content);
 * characters the adapter adds itself (line breaks between elements, " – " between a number and
 * a heading) get none, so no finding's fix can ever touch them.
 *
 * The text is kept as a list of pieces and joined once at the end: reading the end of a string
 * that is being appended to makes the engine flatten it each time, which is quadratic on a long
 * bill.
 */
export class Projection {
  readonly segments: Segment[] = [];
  readonly #pieces: string[] = [];
  #length = 0;
  #joined: string | undefined;

  get length(): number {
    return this.#length;
  }

  get text(): string {
    if (this.#joined === undefined) {
      const all = this.#pieces.join('');
      this.#pieces.length = 0;
      if (all) this.#pieces.push(all);
      this.#joined = all;
    }
    return this.#joined;
  }

  /** Append `s`, a verbatim copy of original[originalStart .. originalStart + s.length). */
  copy(s: string, originalStart: number): void {
    if (!s) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.textStart + last.length === this.#length && last.originalStart + last.length === originalStart) last.length += s.length;
    else this.segments.push({ textStart: this.#length, originalStart, length: s.length });
    this.#append(s);
  }

  /** Append text that is not in the original (a separator, a decoded reference). */
  add(s: string): void {
    if (s) this.#append(s);
  }

  #append(s: string): void {
    this.#pieces.push(s);
    this.#length += s.length;
    this.#joined = undefined;
  }

  /** The text from `from` to the end (cheap when `from` is near the end). */
  since(from: number): string {
    let out = '';
    let at = this.#length;
    for (let i = this.#pieces.length - 1; i >= 0 && at > from; i--) {
      const p = this.#pieces[i];
      at -= p.length;
      out = (at >= from ? p : p.slice(from - at)) + out;
    }
    return out;
  }

  /** The last character, or '' for an empty text. */
  #lastChar(): string {
    for (let i = this.#pieces.length - 1; i >= 0; i--) {
      const p = this.#pieces[i];
      if (p) return p[p.length - 1];
    }
    return '';
  }

  /** True at the start of a line (or of the text). */
  get atLineStart(): boolean {
    const c = this.#lastChar();
    return c === '' || c === '\n' || c === '\r';
  }

  /** End the current line, if it has anything on it. */
  newline(): void {
    this.trimEnd(false);
    if (!this.atLineStart) this.add('\n');
  }

  /** Leave one blank line before what comes next (none at the start of the text). */
  blankLine(): void {
    this.newline();
    if (this.#length && !this.since(this.#length - 2).endsWith('\n\n')) this.add('\n');
  }

  /** Drop white space at the end of the text, line breaks too when `lineBreaks`, never before `min`. */
  trimEnd(lineBreaks: boolean, min = 0): void {
    const space = lineBreaks ? /\s/ : /[ \t]/;
    let end = this.#length;
    for (let i = this.#pieces.length - 1; i >= 0 && end > min; i--) {
      const p = this.#pieces[i];
      let k = p.length;
      while (k > 0 && end > min && space.test(p[k - 1])) k--, end--;
      if (k > 0) break;
    }
    this.truncate(end);
  }

  truncate(end: number): void {
    if (end >= this.#length) return;
    while (this.#length > end) {
      const p = this.#pieces.pop()!;
      const keep = p.length - (this.#length - end);
      this.#length -= p.length;
      if (keep > 0) {
        this.#pieces.push(p.slice(0, keep));
        this.#length += keep;
      }
    }
    this.#joined = undefined;
    while (this.segments.length) {
      const s = this.segments[this.segments.length - 1];
      if (s.textStart >= end) this.segments.pop();
      else {
        s.length = Math.min(s.length, end - s.textStart);
        break;
      }
    }
  }
}
