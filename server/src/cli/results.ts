import type { Analysis } from '../core/analyse';
import type { Finding } from '../core/findings';
import type { Severity } from '../core/recommendations';

/** What linting one file produced, for every formatter. */
export interface FileResult {
  /** Path as shown to the user (relative to the working folder when inside it). */
  display: string;
  absPath: string;
  analysis?: Analysis;
  findings: Finding[];
  /** Notes about reading the file (invalid UTF-8 …). */
  notes: string[];
  /** Why the file was not analysed (binary, too large). */
  skipped?: string;
  /**
   * Word documents: the paragraph number of each line of the analysed text. Positions in a .docx
   * are paragraphs (no text editor opens it): `line` is the paragraph number, `column` counts
   * code points in the paragraph's text as read, its automatic number ("1.", "(a)") first.
   */
  paragraphs?: readonly number[];
}

export const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

export type FailOn = Severity | 'never';

export function reachesFailure(results: FileResult[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const min = SEVERITY_RANK[failOn];
  return results.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] >= min));
}

/** 1-based line/column in code points for the start and end of a finding (paragraph/column in a .docx). */
export function cliPosition(result: FileResult, f: Finding) {
  const lines = result.analysis!.source.originalLines;
  const start = lines.codePointPosition(f.range.start);
  const end = lines.codePointPosition(f.range.end);
  const para = (line: number) => result.paragraphs?.[line - 1] ?? line;
  return { line: para(start.line), column: start.column, endLine: para(end.line), endColumn: end.column };
}

/**
 * The words around a finding on its line, for places the user cannot jump to (a paragraph of a
 * Word document): at most `width` code points, the flagged text in the middle, "…" where cut.
 */
export function excerpt(result: FileResult, f: Finding, width = 80): string {
  const source = result.analysis!.source;
  const lines = source.originalLines;
  const line = lines.lineOf(f.range.start);
  const lineStart = lines.lineStarts[line];
  const text = [...source.original.slice(lineStart, lines.lineEnd(line))];
  const from = [...source.original.slice(lineStart, f.range.start)].length;
  const to = from + [...source.original.slice(f.range.start, Math.min(f.range.end, lines.lineEnd(line)))].length;
  const room = Math.max(0, width - (to - from));
  let start = Math.max(0, from - Math.floor(room / 2));
  let end = Math.min(text.length, Math.max(to, start + width));
  start = Math.max(0, Math.min(start, end - width));
  // Cut between words, never inside one (nor inside the flagged text).
  while (start > 0 && start < from && !/\s/.test(text[start - 1])) start++;
  while (end < text.length && end > to && !/\s/.test(text[end])) end--;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).join('').trim()}${end < text.length ? '…' : ''}`;
}
