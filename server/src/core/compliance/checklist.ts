import './messages';
import type { Finding } from '../findings';
import { checkArticle20 } from './article20';
import { checkII1 } from './ii01-terminology';
import { checkII2 } from './ii02-self-generated';
import { checkII3 } from './ii03-definition';
import { checkII4 } from './ii04-non-visual';
import { checkII5 } from './ii05-adult-exemption';
import { checkII6 } from './ii06-child-possession';
import { checkII7 } from './ii07-education';
import { checkII8 } from './ii08-private-sharing';
import { checkII9 } from './ii09-last-resort';
import { checkII10 } from './ii10-grooming';
import { checkII11 } from './ii11-sexual-extortion';
import { checkII12 } from './ii12-extortion-prosecution';
import type { CheckResult, ComplianceCheck, ComplianceContext } from './types';

const RECOMMENDATION_CHECKS: ComplianceCheck[] = [
  checkII1, checkII2, checkII3, checkII4, checkII5, checkII6, checkII7, checkII8, checkII9, checkII10, checkII11, checkII12,
];

export interface Checklist {
  /** II-1 … II-12, in order. */
  recommendations: CheckResult[];
  /** Art. 20(1)(a) … (f), in order. */
  convention: CheckResult[];
  findings: Finding[];
}

/** Every compliance check over one reading of the draft. */
export function runChecklist(ctx: ComplianceContext): Checklist {
  const findings: Finding[] = [];
  const recommendations = RECOMMENDATION_CHECKS.map((check) => {
    const outcome = check(ctx);
    findings.push(...outcome.findings);
    return outcome.result;
  });
  const convention = checkArticle20(ctx).map((outcome) => {
    findings.push(...outcome.findings);
    return outcome.result;
  });
  return { recommendations, convention, findings };
}
