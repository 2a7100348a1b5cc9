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
}

export const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

export type FailOn = Severity | 'never';

export function reachesFailure(results: FileResult[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const min = SEVERITY_RANK[failOn];
  return results.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] >= min));
}

/** 1-based line/column in code points for the start and end of a finding. */
export function cliPosition(result: FileResult, f: Finding) {
  const lines = result.analysis!.source.originalLines;
  const start = lines.codePointPosition(f.range.start);
  const end = lines.codePointPosition(f.range.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
