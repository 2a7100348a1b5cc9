import type { OffsetRange } from './text/range';
import type { CheckId, Severity, Urgency } from './recommendations';

/** A replacement of a span of the original file. */
export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

/** A model clause to insert (from snippets/, the single source of model clauses). */
export interface ClauseInsertion {
  clauseId: string;
  title: string;
  /** Where to insert, in original offsets (an empty range). */
  at: number;
  /** The clause text, numbered to follow the draft where possible, placeholders filled with their defaults. */
  text: string;
}

export interface Evidence {
  range: OffsetRange;
  /** The provision's label, e.g. "Article 20(1)" or "§ 207a". */
  provision: string;
  /** What this evidence shows. */
  note: string;
}

export interface Finding {
  /** Stable rule id, e.g. "term/csam" or "II-6/own-images". */
  ruleId: string;
  /** The recommendation or Convention check it cites. */
  check: CheckId | 'tool';
  urgency: Urgency;
  severity: Severity;
  message: string;
  /** Range in the original file. */
  range: OffsetRange;
  /** Inside quoted text of another instrument: the old wording is kept there on purpose. */
  quoted: boolean;
  /** Safe replacement, when one exists. */
  fix?: TextEdit;
  /** Wording to consider where no safe automatic rewrite exists. */
  suggestions?: string[];
  /** Model clause that would address the finding. */
  insertion?: ClauseInsertion;
  evidence?: Evidence[];
  /** Matched deprecated term, for terminology findings. */
  term?: { id: string; text: string; preferred: string };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId);
}
