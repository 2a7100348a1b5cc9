import { t } from '../i18n';
import { US_CODE_CITATION, type Reading, type UnitReading } from '../structure/reading';
import { csamOffences, evidence, finding, notApplicable, result } from './common';
import type { ComplianceContext, ComplianceOutcome } from './types';

/** The article-level provisions a unit refers to ("article 227-23", "sections 2 and 3"). */
export function referencedArticles(ctx: ComplianceContext, u: UnitReading, reading: Reading): { resolved: UnitReading[][]; any: boolean } {
  // The unit's own number ("§ 3.", "(2)") opens it; it is no citation.
  const text = ctx.text.slice(u.unit.range.start, u.unit.range.end).replace(OWN_NUMBER, '').replace(US_CODE_CITATION, 'section ');
  const resolved: UnitReading[][] = [];
  let any = false;
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) {
    any = true;
    for (const num of numbersCited(m[1])) {
      const units = reading.byNumber.get(num);
      if (units) resolved.push(units);
    }
  }
  return { resolved, any };
}

const REFERENCE = /(?<![\p{L}\p{N}])(?:articles?|sections?|ss?\.|§§?|art\.|arts\.|artikel|artículos?)\s*((?:L\.\s*)?\d+(?:[\w-]|[./]\d)*(?:\s*(?:,|and|et|und|or|ou|to|à|bis|a|y|o)\s*\d+(?:[\w-]|[./]\d)*)*)/giu;
const OWN_NUMBER = /^\s*(?:§\s*\d+\w*\.?|\(\w{1,5}\)|\d{1,3}\.(?!\d))\s*/u;

/** "3 à 5", "3 to 5", "3 bis 5" cite 4 too; "227-23 and 227-24" only those two. */
function numbersCited(list: string): string[] {
  const out: string[] = [];
  const parts = list.split(/\s*(,|and|et|und|or|ou|y|o|to|à|bis|a)\s*/u);
  for (let i = 0; i < parts.length; i += 2) {
    const num = parts[i].replace(/^L\.\s*/, '').replace(/\(.*$/, '').toLowerCase();
    if (!num) continue;
    const range = i >= 2 && /^(?:to|à|bis|a)$/u.test(parts[i - 1]);
    const from = range ? Number(out[out.length - 1]) : NaN;
    const to = Number(num);
    // Only plain numbers make a range, and only a short one.
    if (range && Number.isInteger(from) && Number.isInteger(to) && to > from && to - from <= 50) for (let n = from + 1; n < to; n++) out.push(String(n));
    out.push(num);
  }
  return out;
}

/**
 * II-9 (Request): children who distribute or transmit other children's self-generated images
 * are prosecuted only as a last resort.
 */
export function checkII9(ctx: ComplianceContext): ComplianceOutcome {
  const offences = csamOffences(ctx, 'actDistribute');
  if (offences.length === 0) return notApplicable(ctx, 'II-9', csamOffences(ctx).length ? 'na.noDistribution' : 'na.notConcerned');
  const lastResort = ctx.reading.units.filter((u) => u.lastResort);
  const coversDistribution = (u: UnitReading): boolean => {
    if (u.acts.has('actDistribute') || u.cats.has('share')) return true;
    const refs = referencedArticles(ctx, u, ctx.reading);
    if (refs.resolved.length) return refs.resolved.some((units) => units.some((x) => x.csamOffence && x.acts.has('actDistribute')));
    if (refs.any) return true; // a reference to another instrument's offences: take it at its word
    // A general rule ("a child shall be prosecuted only as a last resort") covers every offence;
    // one limited to possession does not.
    return !(u.acts.has('actPossess') || u.acts.has('actProduce') || u.cats.has('ownImages'));
  };
  const full = lastResort.filter(coversDistribution);
  if (full.length) return { result: result(ctx, 'II-9', 'met', t(ctx.locale, 'ii9.met'), full.map((u) => evidence(ctx, u, 'evidence.lastResort'))), findings: [] };
  const weaker = [...lastResort, ...ctx.reading.units.filter((u) => u.diversion)];
  const f = finding(ctx, 'II-9', 'last-resort', offences[0], 'ii9.finding', [], { clause: { recommendation: 'II-9', after: offences[offences.length - 1] } });
  if (weaker.length) {
    return { result: result(ctx, 'II-9', 'partial', t(ctx.locale, 'ii9.partial'), weaker.map((u) => evidence(ctx, u, u.lastResort ? 'evidence.lastResort' : 'evidence.diversion'))), findings: f ? [f] : [] };
  }
  return { result: result(ctx, 'II-9', 'missing', t(ctx.locale, 'ii9.missing'), offences.slice(0, 2).map((u) => evidence(ctx, u, 'evidence.offence'))), findings: f ? [f] : [] };
}
