import { t } from '../i18n';
import { csamOffences, evidence, finding, imageExemptions, notApplicable, result } from './common';
import type { ComplianceContext, ComplianceOutcome } from './types';

/**
 * II-8 (Request): a child is not prosecuted for voluntary, consensual sharing of his or her own
 * images with another child, intended solely for their private use.
 */
export function checkII8(ctx: ComplianceContext): ComplianceOutcome {
  const offences = csamOffences(ctx, 'actDistribute', 'actOffer');
  if (offences.length === 0) return notApplicable(ctx, 'II-8', csamOffences(ctx).length ? 'na.noDistribution' : 'na.notConcerned');
  const exemptions = imageExemptions(ctx);
  const sharing = exemptions.filter((u) => {
    const e = u.exemption!;
    const c = e.conditions;
    return e.conduct.has('share') && (c.has('ownImages') || u.cats.has('childSubject')) && (c.has('consent') || c.has('consentOfDepicted') || c.has('privateUse'));
  });
  // Any way into the exemption that does not require the age of sexual consent covers every child.
  const full = sharing.filter((u) => (u.exemption!.alternatives ?? [u.exemption!.conditions]).some((c) => !c.has('ageOfConsent')));
  if (full.length) return { result: result(ctx, 'II-8', 'met', t(ctx.locale, 'ii8.met'), full.map((u) => evidence(ctx, u, 'evidence.exemption'))), findings: [] };
  const own = exemptions.filter((u) => u.exemption!.conditions.has('ownImages'));
  const partialKey = sharing.length ? 'ii8.partialAge' : own.length ? 'ii8.partialImplicit' : undefined;
  const f = finding(ctx, 'II-8', 'private-sharing', offences[0], 'ii8.finding', [], { clause: { recommendation: 'II-8', after: own[0] ?? offences[0] } });
  if (partialKey) {
    return { result: result(ctx, 'II-8', 'partial', t(ctx.locale, partialKey), [...sharing, ...own].map((u) => evidence(ctx, u, 'evidence.exemption'))), findings: f ? [f] : [] };
  }
  return { result: result(ctx, 'II-8', 'missing', t(ctx.locale, 'ii8.missing'), offences.slice(0, 2).map((u) => evidence(ctx, u, 'evidence.offence'))), findings: f ? [f] : [] };
}
