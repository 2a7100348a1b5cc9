import { t } from '../i18n';
import type { UnitReading } from '../structure/reading';
import { csamOffences, evidence, finding, imageExemptions, notApplicable, result, listSeparator } from './common';
import type { ComplianceContext, ComplianceOutcome } from './types';

type Situation = 'a' | 'b' | 'c';
type Coverage = 'full' | 'ageOfConsent' | 'criminalResponsibility' | 'none';

/** Which of II-6's three situations an exemption covers (through any of its ways in). */
function covers(u: UnitReading, s: Situation): boolean {
  return ways(u).some((c) => coversWith(u, c, s));
}

/** Each alternative an exemption lists is a way into it, judged on its own conditions. */
function ways(u: UnitReading): ReadonlySet<string>[] {
  const e = u.exemption!;
  return e.alternatives ?? [e.conditions];
}

function coversWith(u: UnitReading, c: ReadonlySet<string>, s: Situation): boolean {
  const e = u.exemption!;
  // Taking or making one's own images is not keeping them: an exemption for production alone
  // leaves possession an offence, unless the offences it cites are outside the draft (what they
  // cover is then unknown).
  const possession = e.conduct.size === 0 || e.conduct.has('possess') || e.conduct.has('receive') || e.conduct.has('access') ||
    (e.conduct.has('produce') && e.citesElsewhere === true);
  if (!possession) return false;
  switch (s) {
    case 'a':
      return c.has('ownImages');
    case 'b':
      // In a possession exemption, the child whose consent is required is the child depicted.
      return c.has('consentOfDepicted') || (c.has('consent') && (u.cats.has('depictedRef') || c.has('ownImages') || u.cats.has('minor')));
    case 'c':
      return c.has('passive');
  }
}

/**
 * II-6 (Request): a child is not prosecuted for possessing (a) his or her own self-generated
 * images, (b) another child's with that child's informed consent, (c) images received passively.
 * Relying on the age of sexual consent or the age of criminal responsibility covers a situation
 * only in part: younger, or older, children are left out.
 */
export function checkII6(ctx: ComplianceContext): ComplianceOutcome {
  const offences = csamOffences(ctx, 'actPossess', 'actProcure', 'actAccess');
  if (offences.length === 0) return notApplicable(ctx, 'II-6', csamOffences(ctx).length ? 'na.noPossession' : 'na.notConcerned');
  const exemptions = imageExemptions(ctx);
  const acr = ctx.reading.units.filter((u) => u.criminalResponsibilityAge);
  const coverage = (s: Situation): Coverage => {
    const covering = exemptions.filter((u) => covers(u, s));
    if (covering.some((u) => ways(u).some((c) => coversWith(u, c, s) && !c.has('ageOfConsent')))) return 'full';
    if (covering.length) return 'ageOfConsent';
    return acr.length ? 'criminalResponsibility' : 'none';
  };
  const situations: Situation[] = ['a', 'b', 'c'];
  const cov = Object.fromEntries(situations.map((s) => [s, coverage(s)])) as Record<Situation, Coverage>;
  const ev = [
    ...exemptions.filter((u) => situations.some((s) => covers(u, s))).map((u) => evidence(ctx, u, 'evidence.exemption')),
    ...acr.map((u) => evidence(ctx, u, 'evidence.criminalResponsibility')),
  ];
  if (situations.every((s) => cov[s] === 'full')) return { result: result(ctx, 'II-6', 'met', t(ctx.locale, 'ii6.met'), ev), findings: [] };

  const j = ctx.settings.jurisdiction;
  const describe = (s: Situation) => {
    const base = t(ctx.locale, `ii6.${s}`);
    if (cov[s] === 'ageOfConsent') return t(ctx.locale, 'ii6.onlyAgeOfConsent', base, '');
    if (cov[s] === 'criminalResponsibility') {
      const gap = j.ageOfCriminalResponsibility !== null ? t(ctx.locale, 'gap.ages', j.ageOfCriminalResponsibility) : '';
      return t(ctx.locale, 'ii6.onlyCriminalResponsibility', base, gap);
    }
    return base;
  };
  const open = situations.filter((s) => cov[s] !== 'full');
  const list = open.map(describe).join(listSeparator(ctx.locale));
  const none = situations.every((s) => cov[s] === 'none');
  const firstOpen = open.find((s) => cov[s] === 'none') ?? open[0];
  const f = finding(ctx, 'II-6', 'child-possession', offences[0], 'ii6.finding', [open.map((s) => t(ctx.locale, `ii6.${s}`)).join(listSeparator(ctx.locale))], {
    clause: { recommendation: 'II-6', part: firstOpen, after: exemptions[0] ?? offences[0] },
    evidence: ev,
  });
  return {
    result: result(ctx, 'II-6', none ? 'missing' : 'partial', t(ctx.locale, none ? 'ii6.missing' : 'ii6.partial', list), [...offences.slice(0, 1).map((u) => evidence(ctx, u, 'evidence.offence')), ...ev]),
    findings: f ? [f] : [],
  };
}
