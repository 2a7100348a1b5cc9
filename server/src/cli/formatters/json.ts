import { cliPosition, excerpt, type FileResult } from '../results';

/**
 * The documented JSON shape: one array, one object per file, positions 1-based in code points.
 * For a Word document `line` is the paragraph number, and each finding also carries
 * `paragraph` and `excerpt` (the words around it).
 */
export function toJson(results: FileResult[]) {
  return results.map((r) => ({
    file: r.display,
    ...(r.skipped ? { skipped: r.skipped } : {}),
    ...(r.notes.length ? { notes: r.notes } : {}),
    findings: r.findings.map((f) => {
      const p = cliPosition(r, f);
      return {
        ruleId: f.ruleId,
        recommendation: f.check,
        urgency: f.urgency,
        severity: f.severity,
        message: f.message,
        line: p.line,
        column: p.column,
        endLine: p.endLine,
        endColumn: p.endColumn,
        ...(r.paragraphs ? { paragraph: p.line, excerpt: excerpt(r, f) } : {}),
        quoted: f.quoted,
        ...(f.fix ? { fix: { text: f.fix.newText } } : {}),
        ...(f.suggestions?.length ? { suggestions: f.suggestions } : {}),
      };
    }),
  }));
}

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(toJson(results), null, 2) + '\n';
}
