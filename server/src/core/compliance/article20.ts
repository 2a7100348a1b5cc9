import { t } from '../i18n';
import type { ConventionCheckId } from '../recommendations';
import { ACTS, type Act } from '../structure/lexicon';
import { csamOffences, evidence, finding, result } from './common';
import type { ComplianceContext, ComplianceOutcome } from './types';

const ID: Record<Act, ConventionCheckId> = {
  actProduce: 'Art. 20(1)(a)', actOffer: 'Art. 20(1)(b)', actDistribute: 'Art. 20(1)(c)',
  actProcure: 'Art. 20(1)(d)', actPossess: 'Art. 20(1)(e)', actAccess: 'Art. 20(1)(f)',
};

/**
 * Article 20(1) of the Convention, act by act: producing, offering or making available,
 * distributing or transmitting, procuring, possessing, knowingly obtaining access through ICT.
 */
export function checkArticle20(ctx: ComplianceContext): ComplianceOutcome[] {
  const offences = csamOffences(ctx);
  return ACTS.map((act) => {
    const id = ID[act];
    if (offences.length === 0) return { result: result(ctx, id, 'not-applicable', t(ctx.locale, 'na.noOffence')), findings: [] };
    const full = offences.filter((u) => u.acts.has(act) && !u.narrowedActs.has(act));
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
