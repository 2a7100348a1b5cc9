import { t } from '../i18n';
import type { ConventionCheckId } from '../recommendations';
import { ACTS, type Act } from '../structure/lexicon';
import { csamOffences, evidence, finding, result } from './common';
import type { UnitReading } from '../structure/reading';
import type { ComplianceContext, ComplianceOutcome } from './types';

const ID: Record<Act, ConventionCheckId> = {
  actProduce: 'Art. 20(1)(a)', actOffer: 'Art. 20(1)(b)', actDistribute: 'Art. 20(1)(c)',
  actProcure: 'Art. 20(1)(d)', actPossess: 'Art. 20(1)(e)', actAccess: 'Art. 20(1)(f)',
};

/**
 * "disseminate child abuse material includes — (a) send, supply, transmit … (b) make it available
 * … (c) offer to do any of those things": a definition of the verb in the offence's own provision
 * gives the offence the acts it lists.
 */
function definedVerbs(ctx: ComplianceContext, offences: UnitReading[]): Map<UnitReading, Set<Act>> {
  const out = new Map<UnitReading, Set<Act>>();
  for (const u of offences) {
    const siblings = u.unit.article ? ctx.reading.byArticle.get(u.unit.article) ?? [] : [];
    for (const d of siblings) {
      if (d === u || d.offence || d.exemption || !d.cats.has('definition')) continue;
      const head = d.hits.find((h) => (ACTS as readonly string[]).includes(h.category));
      if (!head || !u.acts.has(head.category as Act)) continue;
      const acts = out.get(u) ?? new Set<Act>();
      for (const a of d.acts) if (!d.narrowedActs.has(a)) acts.add(a);
      out.set(u, acts);
    }
  }
  return out;
}

/**
 * Article 20(1) of the Convention, act by act: producing, offering or making available,
 * distributing or transmitting, procuring, possessing, knowingly obtaining access through ICT.
 */
export function checkArticle20(ctx: ComplianceContext): ComplianceOutcome[] {
  const offences = csamOffences(ctx);
  const defined = definedVerbs(ctx, offences);
  const has = (u: UnitReading, act: Act) => u.acts.has(act) || (defined.get(u)?.has(act) ?? false);
  return ACTS.map((act) => {
    const id = ID[act];
    if (offences.length === 0) return { result: result(ctx, id, 'not-applicable', t(ctx.locale, 'na.noOffence')), findings: [] };
    const full = offences.filter((u) => has(u, act) && !u.narrowedActs.has(act));
    if (full.length) return { result: result(ctx, id, 'met', t(ctx.locale, 'art20.met'), full.slice(0, 3).map((u) => evidence(ctx, u, 'evidence.offence'))), findings: [] };
    const narrowed = offences.filter((u) => u.narrowedActs.has(act));
    const what = t(ctx.locale, `act.${act}`);
    if (narrowed.length) {
      const f = finding(ctx, id, 'act-narrowed', narrowed[0], 'art20.findingPartial', [what]);
      return { result: result(ctx, id, 'partial', t(ctx.locale, 'art20.partial'), narrowed.map((u) => evidence(ctx, u, 'evidence.offence'))), findings: f ? [f] : [] };
    }
    const f = finding(ctx, id, 'act-missing', offences[0], 'art20.finding', [what]);
    return { result: result(ctx, id, 'missing', t(ctx.locale, 'art20.missing')), findings: f ? [f] : [] };
  });
}
