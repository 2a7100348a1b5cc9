import { t } from '../i18n';
import type { Category } from '../structure/lexicon';
import type { UnitReading } from '../structure/reading';
import { csamOffences, evidence, finding, notApplicable, result, listSeparator } from './common';
import type { ComplianceContext, ComplianceOutcome } from './types';

/** The elements of Article 20(2), as cue categories. */
const ELEMENTS: { key: string; cats: Category[] }[] = [
  { key: 'visual', cats: ['visual'] },
  { key: 'child', cats: ['minor'] },
  { key: 'explicitConduct', cats: ['explicitConduct'] },
  { key: 'simulated', cats: ['simulated'] },
  { key: 'sexualOrgans', cats: ['sexualOrgans'] },
];

export function definitions(ctx: ComplianceContext): UnitReading[] {
  return ctx.reading.units.filter((u) => u.definition);
}

export function missingElements(u: UnitReading): string[] {
  return ELEMENTS.filter((e) => !e.cats.some((c) => u.cats.has(c))).map((e) => e.key);
}

/** II-3 (Invite): a definition of the material carrying the elements of Article 20(2). */
export function checkII3(ctx: ComplianceContext): ComplianceOutcome {
  const offences = csamOffences(ctx);
  const defs = definitions(ctx);
  if (offences.length === 0 && defs.length === 0) return notApplicable(ctx, 'II-3');
  if (defs.length === 0) {
    const f = finding(ctx, 'II-3', 'no-definition', offences[0], 'ii3.findingMissing', [], { clause: { recommendation: 'II-3' } });
    return { result: result(ctx, 'II-3', 'missing', t(ctx.locale, 'ii3.missing'), offences.slice(0, 2).map((u) => evidence(ctx, u, 'evidence.offence'))), findings: f ? [f] : [] };
  }
  // A definitions section defines the words its definition of the material uses ("sexually
  // explicit conduct" means … lascivious exhibition of the genitals): the elements may sit in
  // the neighbouring definitions of the same provision.
  const missingIn = (u: UnitReading) => {
    const own = missingElements(u);
    const siblings = (u.unit.article ? ctx.reading.byArticle.get(u.unit.article) : undefined)?.filter((x) => x !== u && x.cats.has('definition') && !x.offence && !x.exemption) ?? [];
    return own.filter((key) => !siblings.some((x) => ELEMENTS.find((e) => e.key === key)!.cats.some((c) => x.cats.has(c))));
  };
  const best = defs.reduce((a, b) => (missingIn(b).length < missingIn(a).length ? b : a));
  const missing = missingIn(best);
  const ev = [evidence(ctx, best, 'evidence.definition')];
  if (missing.length === 0) return { result: result(ctx, 'II-3', 'met', t(ctx.locale, 'ii3.met'), ev), findings: [] };
  const list = missing.map((k) => t(ctx.locale, `element.${k}`)).join(listSeparator(ctx.locale));
  const f = finding(ctx, 'II-3', 'incomplete-definition', best, 'ii3.findingPartial', [list]);
  return { result: result(ctx, 'II-3', 'partial', t(ctx.locale, 'ii3.partial', list), ev), findings: f ? [f] : [] };
}
