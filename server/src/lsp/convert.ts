import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range,
} from 'vscode-languageserver/node';
import { officialUrl } from '../core/explain';
import type { Finding } from '../core/findings';
import type { Severity } from '../core/recommendations';
import type { LineIndex } from '../core/text/lineIndex';
import type { OffsetRange } from '../core/text/range';
import type { Outcome } from './analyses';
import { SOURCE, type DiagnosticData } from './protocol';

/**
 * Findings → LSP. Offsets become positions only here, through the line index of the very text
 * that was analysed (UTF-16 code units, \r\n, \n and \r as line breaks, as LSP counts them).
 */
/** What turns offsets into positions: the analysed text's LineIndex, or the open document itself. */
export type Positions = Pick<LineIndex, 'positionAt'>;

export function toRange(lines: Positions, range: OffsetRange): Range {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

export function toOffsetRange(lines: LineIndex, range: Range): OffsetRange {
  return { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticOptions {
  relatedInformation: boolean;
}

export function toDiagnostics(outcome: Outcome, options: DiagnosticOptions): Diagnostic[] {
  if (outcome.kind === 'not-analysed') {
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: outcome.firstLineLength } },
        severity: DiagnosticSeverity.Information,
        code: outcome.code,
        source: SOURCE,
        message: outcome.message,
      },
    ];
  }
  if (outcome.kind === 'not-a-draft') return [];
  const { analysis, version } = outcome;
  const lines = analysis.source.originalLines;
  const diagnostics = analysis.findings.map((f) => toDiagnostic(f, analysis.source.uri, lines, version, options));
  // Where the file breaks its own format (malformed XML): shown where the parser stopped.
  for (const p of analysis.source.problems) {
    diagnostics.push({ range: toRange(lines, p.range), severity: DiagnosticSeverity.Warning, code: 'file/malformed', source: SOURCE, message: p.message });
  }
  return diagnostics;
}

export function toDiagnostic(f: Finding, uri: string, lines: Positions, version: number, options: DiagnosticOptions): Diagnostic {
  const data: DiagnosticData = { version, check: f.check, quoted: f.quoted, fixable: !!f.fix };
  if (!f.fix && f.suggestions?.length) data.suggestions = f.suggestions;
  const d: Diagnostic = {
    range: toRange(lines, f.range),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    source: SOURCE,
    message: f.message,
    data,
  };
  const href = f.check === 'tool' ? undefined : officialUrl(f.check);
  if (href) d.codeDescription = { href };
  if (options.relatedInformation && f.evidence?.length) {
    d.relatedInformation = f.evidence.map(
      (e): DiagnosticRelatedInformation => ({
        location: { uri, range: toRange(lines, e.range) },
        message: `${e.provision}: ${e.note}`,
      }),
    );
  }
  return d;
}

/** The finding a diagnostic (from this version) stands for: same rule, same range. */
export function findingFor(outcome: Outcome, diagnostic: Diagnostic): Finding | undefined {
  if (outcome.kind !== 'analysed' || diagnostic.source !== SOURCE) return undefined;
  const lines = outcome.analysis.source.originalLines;
  const range = toOffsetRange(lines, diagnostic.range);
  return outcome.analysis.findings.find((f) => f.ruleId === diagnostic.code && f.range.start === range.start && f.range.end === range.end);
}
