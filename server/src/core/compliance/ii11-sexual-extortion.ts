import { t } from '../i18n';
import type { UnitReading } from '../structure/reading';
import { csamOffences, evidence, finding, notApplicable, result } from './common';
import type { ComplianceContext, ComplianceOutcome } from './types';

export function extortionApplies(ctx: ComplianceContext): boolean {
  return csamOffences(ctx).length > 0 || ctx.reading.units.some((u) => u.grooming || u.sexualExtortion);
}

/** The gains a sexual extortion offence names (any other gain covers them all). */
export function gainsOf(u: UnitReading): string[] {
  if (u.cats.has('gainOther')) return ['images', 'sexual', 'money', 'other'];
  const out: string[] = [];
  if (u.cats.has('gainImages')) out.push('images');
  if (u.cats.has('gainSexual')) out.push('sexual');
  if (u.cats.has('gainMoney')) out.push('money');
  return out;
}

/**
 * II-11 (Invite): sexual extortion of children with their self-generated images — coercing the
 * child with the images to obtain further images, sexual acts, money or any other gain — by a
 * specific offence, or by prosecuting both the possession and the extortion.
 */
export function checkII11(ctx: ComplianceContext): ComplianceOutcome {
  if (!extortionApplies(ctx)) return notApplicable(ctx, 'II-11');
  const specific = ctx.reading.units.filter((u) => u.sexualExtortion);
  const general = ctx.reading.units.filter((u) => u.generalExtortion);
  const complete = specific.filter((u) => gainsOf(u).length === 4);
  if (complete.length) return { result: result(ctx, 'II-11', 'met', t(ctx.locale, 'ii11.met'), complete.map((u) => evidence(ctx, u, 'evidence.extortion'))), findings: [] };
  if (specific.length) {
    const gains = gainsOf(specific[0]).map((g) => t(ctx.locale, `gain.${g}`)).join(', ');
    const explanation = gains ? t(ctx.locale, 'ii11.partialGains', gains) : t(ctx.locale, 'ii11.partialNoGain');
    return { result: result(ctx, 'II-11', 'partial', explanation, specific.map((u) => evidence(ctx, u, 'evidence.extortion'))), findings: [] };
  }
  const at = general[0] ?? csamOffences(ctx)[0] ?? ctx.reading.units.find((u) => u.grooming)!;
  const f = finding(ctx, 'II-11', 'sexual-extortion', at, 'ii11.finding', [], { clause: { recommendation: 'II-11' } });
  if (general.length) return { result: result(ctx, 'II-11', 'partial', t(ctx.locale, 'ii11.partialGeneral'), general.map((u) => evidence(ctx, u, 'evidence.generalExtortion'))), findings: f ? [f] : [] };
  return { result: result(ctx, 'II-11', 'missing', t(ctx.locale, 'ii11.missing')), findings: f ? [f] : [] };
}
