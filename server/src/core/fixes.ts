import type { Finding, TextEdit } from './findings';

export interface FixResult {
  output: string;
  applied: TextEdit[];
  /** Edits left out because they overlapped one applied before them. */
  skipped: TextEdit[];
}

/**
 * Apply non-overlapping edits to `text`. Edits are applied from the end so offsets stay valid;
 * of two overlapping edits the earlier one wins and the other is reported as skipped.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): FixResult {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.range.start < lastEnd || e.range.start > e.range.end || e.range.end > text.length) skipped.push(e);
    else {
      applied.push(e);
      lastEnd = Math.max(e.range.end, e.range.start + (e.range.start === e.range.end ? 1 : 0));
    }
  }
  let output = '';
  let pos = 0;
  for (const e of applied) {
    output += text.slice(pos, e.range.start) + e.newText;
    pos = e.range.end;
  }
  output += text.slice(pos);
  return { output, applied, skipped };
}

/** The safe fixes among findings (never inside quotations: those carry no fix). */
export function safeEdits(findings: readonly Finding[], ruleId?: string): TextEdit[] {
  return findings.filter((f) => f.fix && !f.quoted && (!ruleId || f.ruleId === ruleId)).map((f) => f.fix!);
}
