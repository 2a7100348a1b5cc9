import { t } from '../i18n';
import { csamOffences, evidence, finding, notApplicable, result } from './common';
import { definitions } from './ii03-definition';
import type { ComplianceContext, ComplianceOutcome } from './types';

/** II-4 (Invite): legal responses to non-visual self-generated material (audio, text). */
export function checkII4(ctx: ComplianceContext): ComplianceOutcome {
  const offences = csamOffences(ctx);
  const defs = definitions(ctx);
  if (offences.length === 0 && defs.length === 0) return notApplicable(ctx, 'II-4');
  const covering = [...defs, ...offences].filter((u) => u.cats.has('nonVisual'));
  if (covering.length) return { result: result(ctx, 'II-4', 'met', t(ctx.locale, 'ii4.met'), covering.slice(0, 2).map((u) => evidence(ctx, u, defs.includes(u) ? 'evidence.definition' : 'evidence.offence'))), findings: [] };
  const at = defs[0] ?? offences[0];
  const f = finding(ctx, 'II-4', 'visual-only', at, 'ii4.finding', [], { clause: { recommendation: 'II-4' } });
  return { result: result(ctx, 'II-4', 'missing', t(ctx.locale, 'ii4.missing'), [evidence(ctx, at, defs[0] ? 'evidence.definition' : 'evidence.offence')]), findings: f ? [f] : [] };
}
