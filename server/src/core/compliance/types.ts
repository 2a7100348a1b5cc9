import type { CheckContext } from '../check';
import type { ClauseInsertion, Finding } from '../findings';
import type { CheckId, Urgency } from '../recommendations';
import type { Reading, UnitReading } from '../structure/reading';
import type { OffsetRange } from '../text/range';

export type Status = 'met' | 'partial' | 'missing' | 'not-applicable';

/** A piece of the draft that shows why a check has its status. */
export interface ChecklistEvidence {
  /** Range in the original file. */
  range: OffsetRange;
  /** "Section 4(1)", "Article 227-23, alinéa 2". */
  provision: string;
  /** What it is evidence of: "exemption", "offence" … */
  note: string;
  /** The provision's text, shortened. */
  text: string;
}

export interface CheckResult {
  id: CheckId;
  urgency: Urgency;
  status: Status;
  /** One line saying why. */
  explanation: string;
  evidence: ChecklistEvidence[];
}

/** What a compliance check receives. */
export interface ComplianceContext extends CheckContext {
  reading: Reading;
  /** Terminology findings that survived suppression (II-1's evidence). */
  termFindings: readonly Finding[];
}

export interface ComplianceOutcome {
  result: CheckResult;
  findings: Finding[];
}

export type ComplianceCheck = (ctx: ComplianceContext) => ComplianceOutcome;

export type { UnitReading, ClauseInsertion };
