import { t } from '../i18n';
import { csamOffences, evidence, finding, notApplicable, result } from './common';
import type { ComplianceContext, ComplianceOutcome } from './types';

/** II-7 (Invite): measures promoting education on the risks of self-generated images. */
export function checkII7(ctx: ComplianceContext): ComplianceOutcome {
  const offences = csamOffences(ctx);
  if (offences.length === 0) return notApplicable(ctx, 'II-7');
  const education = ctx.reading.units.filter((u) => u.education);
  if (education.length) return { result: result(ctx, 'II-7', 'met', t(ctx.locale, 'ii7.met'), education.slice(0, 3).map((u) => evidence(ctx, u, 'evidence.education'))), findings: [] };
  const f = finding(ctx, 'II-7', 'no-education', offences[0], 'ii7.finding', [], { clause: { recommendation: 'II-7', after: offences[offences.length - 1] } });
  return { result: result(ctx, 'II-7', 'missing', t(ctx.locale, 'ii7.missing')), findings: f ? [f] : [] };
}
