import { t } from '../i18n';
import type { Finding } from '../findings';
import { csamOffences, evidence, finding, notApplicable, result } from './common';
import type { ComplianceContext, ComplianceOutcome } from './types';

/** II-10 (Invite): grooming criminalised even when it leads to no meeting. */
export function checkII10(ctx: ComplianceContext): ComplianceOutcome {
  // About sexual offences against children: a draft that only defines the material (a
  // definitions section) creates no offence a grooming offence could sit beside; a sexual
  // abuse offence ("A commits an offence if … the touching is sexual … B is under 16") does.
  const sexualOffence = (u: (typeof ctx.reading.units)[number]) =>
    u.csamOffence || u.grooming || u.sexualExtortion || (u.offence && !u.exemption && (u.cats.has('minor') || u.material) && (u.cats.has('sexualQuality') || u.cats.has('explicitConduct')));
  if (!ctx.reading.units.some(sexualOffence)) return notApplicable(ctx, 'II-10');
  const grooming = ctx.reading.units.filter((u) => u.grooming);
  if (grooming.length === 0) {
    const at = csamOffences(ctx)[0] ?? ctx.reading.units.find((u) => u.sexualExtortion || u.definition || u.exemption);
    const f = at ? finding(ctx, 'II-10', 'no-grooming-offence', at, 'ii10.findingMissing', [], { clause: { recommendation: 'II-10' } }) : undefined;
    return { result: result(ctx, 'II-10', 'missing', t(ctx.locale, 'ii10.missing')), findings: f ? [f] : [] };
  }
  // "The offence under paragraph 1 is committed whether or not a meeting is proposed": the
  // clause that waives the meeting may sit in another paragraph of the same article.
  const waived = (u: (typeof grooming)[number]) =>
    u.cats.has('noMeetingNeeded') || (u.unit.article !== undefined && (ctx.reading.byArticle.get(u.unit.article) ?? []).some((x) => x.cats.has('noMeetingNeeded') && !x.offence && !x.exemption));
  const withoutMeeting = grooming.filter((u) => waived(u) || !u.cats.has('meeting'));
  const ev = grooming.map((u) => evidence(ctx, u, 'evidence.grooming'));
  if (withoutMeeting.length) return { result: result(ctx, 'II-10', 'met', t(ctx.locale, 'ii10.met'), ev), findings: [] };
  const findings = grooming
    .map((u) => finding(ctx, 'II-10', 'grooming-requires-meeting', u, 'ii10.findingPartial', [], { clause: { recommendation: 'II-10' } }))
    .filter((f): f is Finding => !!f);
  return { result: result(ctx, 'II-10', 'partial', t(ctx.locale, 'ii10.partial'), ev), findings };
}
