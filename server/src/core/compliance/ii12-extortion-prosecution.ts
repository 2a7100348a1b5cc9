import { t } from '../i18n';
import type { UnitReading } from '../structure/reading';
import { evidence, finding, notApplicable, result } from './common';
import { extortionApplies } from './ii11-sexual-extortion';
import { referencedArticles } from './ii09-last-resort';
import type { ComplianceContext, ComplianceOutcome } from './types';

/**
 * II-12 (Invite): sexual extortion of children is investigated and prosecuted. Read from the
 * draft: an extortion offence exists and its prosecution does not wait for the child's complaint.
 */
export function checkII12(ctx: ComplianceContext): ComplianceOutcome {
  if (!extortionApplies(ctx)) return notApplicable(ctx, 'II-12');
  const offences = ctx.reading.units.filter((u) => u.sexualExtortion || u.generalExtortion);
  if (offences.length === 0) return { result: result(ctx, 'II-12', 'missing', t(ctx.locale, 'ii12.missing')), findings: [] };
  // Complaint rules sit in the offence, in its provision, or in a provision referring to it.
  const rules = ctx.reading.units.filter((x) => x.cats.has('complaint') || x.cats.has('exOfficio'));
  const referredTo = new Map(rules.map((x) => [x, new Set(referencedArticles(ctx, x, ctx.reading).resolved.flat())]));
  const conditions = (u: UnitReading): UnitReading[] => {
    const sameArticle = u.unit.article ? ctx.reading.byArticle.get(u.unit.article) ?? [u] : [u];
    const referring = rules.filter((x) => referredTo.get(x)!.has(u));
    return [...sameArticle.filter((x) => rules.includes(x)), ...referring];
  };
  const onComplaint = offences.filter((u) => {
    const c = conditions(u);
    return c.some((x) => x.cats.has('complaint')) && !c.some((x) => x.cats.has('exOfficio'));
  });
  const free = offences.filter((u) => !onComplaint.includes(u));
  const ev = offences.map((u) => evidence(ctx, u, u.sexualExtortion ? 'evidence.extortion' : 'evidence.generalExtortion'));
  const preferred = free.find((u) => u.sexualExtortion) ?? free[0];
  if (preferred && (preferred.sexualExtortion || !offences.some((u) => u.sexualExtortion))) {
    return { result: result(ctx, 'II-12', 'met', t(ctx.locale, 'ii12.met'), ev), findings: [] };
  }
  const at = onComplaint[0];
  const complaintEv = conditions(at).map((u) => evidence(ctx, u, 'evidence.complaint'));
  const f = finding(ctx, 'II-12', 'prosecution-on-complaint', conditions(at)[0] ?? at, 'ii12.finding', [], { clause: { recommendation: 'II-12' } });
  return { result: result(ctx, 'II-12', 'partial', t(ctx.locale, 'ii12.partial'), [...ev, ...complaintEv]), findings: f ? [f] : [] };
}
