import { t } from '../i18n';
import { csamOffences, evidence, finding, imageExemptions, notApplicable, result } from './common';
import type { ComplianceContext, ComplianceOutcome } from './types';

/**
 * II-2 (Invite): explicit references to child self-generated images — when children are not
 * criminally liable, and that they are prosecuted only as a last resort.
 */
export function checkII2(ctx: ComplianceContext): ComplianceOutcome {
  const offences = csamOffences(ctx);
  if (offences.length === 0) return notApplicable(ctx, 'II-2');
  const own = imageExemptions(ctx).filter((u) => u.exemption!.conditions.has('ownImages'));
  const lastResort = ctx.reading.units.filter((u) => u.lastResort);
  const ev = [...own.map((u) => evidence(ctx, u, 'evidence.exemption')), ...lastResort.map((u) => evidence(ctx, u, 'evidence.lastResort'))];
  if (own.length && lastResort.length) return { result: result(ctx, 'II-2', 'met', t(ctx.locale, 'ii2.met'), ev), findings: [] };
  if (own.length || lastResort.length) {
    return { result: result(ctx, 'II-2', 'partial', t(ctx.locale, own.length ? 'ii2.partialExemption' : 'ii2.partialLastResort'), ev), findings: [] };
  }
  const f = finding(ctx, 'II-2', 'no-explicit-rule', offences[0], 'ii2.finding', [], { clause: { recommendation: 'II-2' } });
  return { result: result(ctx, 'II-2', 'missing', t(ctx.locale, 'ii2.missing'), offences.slice(0, 3).map((u) => evidence(ctx, u, 'evidence.offence'))), findings: f ? [f] : [] };
}
