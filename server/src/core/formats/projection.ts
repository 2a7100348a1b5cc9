import type { Segment } from '../source';

/**
 * Builds the analysable text of a marked-up file piece by piece: characters copied from the
 * original get a segment (so positions map back exactly and edits stay inside text content);
 * characters the adapter adds itself (line breaks between elements, " – " between a number and
 * a heading) get none, so no finding's fix can ever touch them.
 */
export class Projection {
  text = '';
  readonly segments: Segment[] = [];

  get length(): number {
    return this.text.length;
  }

  /** Append `s`, a verbatim copy of original[originalStart .. originalStart + s.length). */
  copy(s: string, originalStart: number): void {
    if (!s) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.textStart + last.length === this.text.length && last.originalStart + last.length === originalStart) last.length += s.length;
    else this.segments.push({ textStart: this.text.length, originalStart, length: s.length });
    this.text += s;
  }

  /** Append text that is not in the original (a separator, a decoded reference). */
  add(s: string): void {
    this.text += s;
  }

  /** True at the start of a line (or of the text). */
  get atLineStart(): boolean {
    const c = this.text.charCodeAt(this.text.length - 1);
    return this.text.length === 0 || c === 10 || c === 13;
  }

  /** End the current line, if it has anything on it. */
  newline(): void {
    this.trimEnd();
    if (!this.atLineStart) this.add('\n');
  }

  /** Leave one blank line before what comes next (none at the start of the text). */
  blankLine(): void {
    this.newline();
    if (this.text.length && !this.text.endsWith('\n\n')) this.add('\n');
  }

  /** Drop spaces and tabs at the end of the text (and the segments' share of them). */
  trimEnd(): void {
    let end = this.text.length;
    while (end > 0 && (this.text[end - 1] === ' ' || this.text[end - 1] === '\t')) end--;
    this.truncate(end);
  }

  truncate(end: number): void {
    if (end >= this.text.length) return;
    this.text = this.text.slice(0, end);
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
