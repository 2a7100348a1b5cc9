import { t } from '../i18n';
import type { UnitReading } from '../structure/reading';
import { concernsTheseOffences, evidence, finding, imageExemptions, notApplicable, result, listSeparator } from './common';
import type { ComplianceContext, ComplianceOutcome } from './types';
import type { Finding } from '../findings';

type Requirement = 'ageOfConsent' | 'consent' | 'similarAge' | 'noAbuse';

/** What the weakest way into the exemption lacks: each alternative it lists is a way in. */
function missingRequirements(u: UnitReading): Requirement[] {
  const e = u.exemption!;
  return (e.alternatives ?? [e.conditions]).map(lacking).reduce((a, b) => (b.length > a.length ? b : a));
}

function lacking(c: ReadonlySet<string>): Requirement[] {
  const out: Requirement[] = [];
  if (!c.has('ageOfConsent')) out.push('ageOfConsent');
  if (!c.has('consent') && !c.has('consentOfDepicted')) out.push('consent');
  if (!c.has('ageDifference') && !c.has('maturity')) out.push('similarAge');
  if (!c.has('noAbuse')) out.push('noAbuse');
  return out;
}

/**
 * II-5 (Require): any exemption that adults can benefit from, for possessing or producing child
 * self-generated images, requires the age of consent and consent, similar age and maturity, and
 * no abuse. Exemptions limited to children, and defences for police or research, are not such
 * exemptions.
 */
export function checkII5(ctx: ComplianceContext): ComplianceOutcome {
  // A data-protection or journalism exemption about "an image of a child" is not one of these.
  if (!concernsTheseOffences(ctx)) return notApplicable(ctx, 'II-5', 'na.noAdultExemption');
  const adult = imageExemptions(ctx).filter((u) => {
    const e = u.exemption!;
    if (e.beneficiary !== 'anyone') return false;
    if (e.conduct.size && !e.conduct.has('possess') && !e.conduct.has('produce')) return false;
    // About someone else's images: the child depicted, consent, ages, or a relationship; or images
    // received unasked, which anyone may hold under it (none of the four conditions, then).
    return e.conditions.has('consent') || e.conditions.has('consentOfDepicted') || e.conditions.has('ageOfConsent') ||
      e.conditions.has('ageDifference') || e.conditions.has('relationship') || e.conditions.has('passive') || u.cats.has('depictedRef');
  });
  if (adult.length === 0) return notApplicable(ctx, 'II-5', 'na.noAdultExemption');
  const weakest = adult.reduce((a, b) => (missingRequirements(b).length > missingRequirements(a).length ? b : a));
  const missing = missingRequirements(weakest);
  const ev = adult.map((u) => evidence(ctx, u, 'evidence.adultExemption'));
  if (missing.length === 0) return { result: result(ctx, 'II-5', 'met', t(ctx.locale, 'ii5.met'), ev), findings: [] };
  const gap = ctx.settings.jurisdiction.maxAgeDifference !== null ? `: ${ctx.settings.jurisdiction.maxAgeDifference}` : '';
  const describe = (reqs: Requirement[]) => reqs.map((r) => t(ctx.locale, `cond.${r}`, r === 'similarAge' ? gap : '')).join(listSeparator(ctx.locale));
  const findings: Finding[] = [];
  for (const u of adult) {
    const m = missingRequirements(u);
    if (m.length === 0) continue;
    const f = finding(ctx, 'II-5', 'adult-exemption-conditions', u, 'ii5.finding', [describe(m)], { clause: { recommendation: 'II-5' } });
    if (f) findings.push(f);
  }
  const status = missing.length <= 2 ? 'partial' : 'missing';
  return { result: result(ctx, 'II-5', status, t(ctx.locale, status === 'partial' ? 'ii5.partial' : 'ii5.missing', describe(missing)), ev), findings };
}
