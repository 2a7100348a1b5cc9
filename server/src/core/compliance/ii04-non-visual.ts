import { t } from '../i18n';
import { articleReferences, type UnitReading } from '../structure/reading';
import { csamOffences, evidence, finding, notApplicable, result } from './common';
import { definitions } from './ii03-definition';
import type { ComplianceContext, ComplianceOutcome } from './types';

/** II-4 (Invite): legal responses to non-visual self-generated material (audio, text). */
export function checkII4(ctx: ComplianceContext): ComplianceOutcome {
  const offences = csamOffences(ctx);
  const defs = definitions(ctx);
  if (offences.length === 0 && defs.length === 0) return notApplicable(ctx, 'II-4');
  // "child pornographic content is content (section 11(3)) which …": the definition may take its
  // media from the provision it refers to ("content contained in writings, on audio … media").
  // The provision referred to is found by its number, or by the amending instruction that
  // rewords it ("1. Section 11 subsection (3) is worded as follows: …").
  const media = ctx.reading.units.filter((x) => x.cats.has('nonVisual') && x.cats.has('definition') && !x.offence && !x.exemption);
  const citing = new Map(media.map((x) => [x, articleReferences(ctx.text.slice(x.unit.range.start, x.unit.range.end))]));
  const referred = (u: UnitReading) =>
    articleReferences(ctx.text.slice(u.unit.range.start, u.unit.range.end)).some((n) =>
      media.some((x) => x !== u && (x.unit.article?.num.toLowerCase() === n || citing.get(x)!.includes(n))));
  const covering = [...defs, ...offences].filter((u) => u.cats.has('nonVisual') || (defs.includes(u) && referred(u)));
  if (covering.length) return { result: result(ctx, 'II-4', 'met', t(ctx.locale, 'ii4.met'), covering.slice(0, 2).map((u) => evidence(ctx, u, defs.includes(u) ? 'evidence.definition' : 'evidence.offence'))), findings: [] };
  const at = defs[0] ?? offences[0];
  const f = finding(ctx, 'II-4', 'visual-only', at, 'ii4.finding', [], { clause: { recommendation: 'II-4' } });
  return { result: result(ctx, 'II-4', 'missing', t(ctx.locale, 'ii4.missing'), [evidence(ctx, at, defs[0] ? 'evidence.definition' : 'evidence.offence')]), findings: f ? [f] : [] };
}
