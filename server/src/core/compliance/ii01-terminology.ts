import { t } from '../i18n';
import { evidence, result } from './common';
import type { ComplianceContext, ComplianceOutcome } from './types';

/**
 * II-1: the status of the draft's wording. The findings themselves come from the terminology
 * rule; this reads them: own (unquoted) deprecated terms against the preferred term.
 */
export function checkII1(ctx: ComplianceContext): ComplianceOutcome {
  const own = ctx.termFindings.filter((f) => f.check === 'II-1' && !f.quoted);
  const preferred = ctx.reading.units.filter((u) => u.cats.has('preferredTerm'));
  // The material may be named ("child sexual abuse material") or described in the offence itself
  // ("any photograph of a minor which depicts nudity", « représentation … d'un mineur … à
  // caractère pornographique »): either way the draft's wording concerns it.
  const namesMaterial = ctx.reading.units.some((u) => u.cats.has('material') || u.csamOffence || u.definition) || ctx.termFindings.some((f) => f.check === 'II-1');
  if (!namesMaterial && own.length === 0) return { result: result(ctx, 'II-1', 'not-applicable', t(ctx.locale, 'ii1.na')), findings: [] };
  const terms = [...new Set(own.map((f) => f.term?.text ?? ''))].slice(0, 4).map((s) => `“${s}”`).join(', ');
  const ownEvidence = own.slice(0, 5).map((f) => ({
    range: f.range,
    provision: provisionAt(ctx, f.range.start),
    note: t(ctx.locale, 'evidence.term'),
    text: ctx.source.original.slice(f.range.start, f.range.end),
  }));
  if (own.length === 0) {
    return { result: result(ctx, 'II-1', 'met', t(ctx.locale, 'ii1.met'), preferred.slice(0, 3).map((u) => evidence(ctx, u, 'evidence.preferred'))), findings: [] };
  }
  const status = preferred.length ? 'partial' : 'missing';
  return { result: result(ctx, 'II-1', status, t(ctx.locale, status === 'partial' ? 'ii1.partial' : 'ii1.missing', terms), ownEvidence), findings: [] };
}

function provisionAt(ctx: ComplianceContext, originalOffset: number): string {
  const offset = ctx.source.fromOriginal(originalOffset) ?? 0;
  const unit = ctx.reading.units.find((u) => u.unit.range.start <= offset && offset < u.unit.range.end);
  return unit?.unit.label ?? '';
}
