import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import { explainFinding, explainReference, summariseChecks } from '../core/explain';
import { referenceAt } from '../core/references';
import type { Outcome } from './analyses';
import { toRange } from './convert';

/**
 * Hover over a flagged term (what to write instead and the recommendation it rests on) or over a
 * reference in the text ("Recommendation II-6", "Article 20(1)(e) of the Convention").
 */
export function hoverAt(outcome: Outcome, position: Position): Hover | null {
  if (outcome.kind !== 'analysed') return null;
  const { analysis, settings } = outcome;
  const { source } = analysis;
  const lines = source.originalLines;
  const offset = lines.offsetAt(position);
  const locale = settings.locale;

  const here = analysis.findings.filter((f) => f.check !== 'tool' && f.range.start <= offset && offset < Math.max(f.range.end, f.range.start + 1));
  if (here.length) {
    // The narrowest findings under the cursor speak: a term inside a provision, not the provision.
    const width = Math.min(...here.map((f) => f.range.end - f.range.start));
    const narrowest = here.filter((f) => f.range.end - f.range.start === width);
    const seen = new Set<string>();
    const distinct = narrowest.filter((f) => {
      const key = `${f.check}|${f.term?.id ?? f.ruleId}`;
      return !seen.has(key) && !!seen.add(key);
    });
    // Several checks on one provision: one line each, the full text is a command away.
    const text = distinct.length > 2 ? summariseChecks(distinct.map((f) => f.check), locale) : distinct.map((f) => explainFinding(f, locale)).filter(Boolean).join('\n\n---\n\n');
    if (text) return markdown(text, toRange(lines, narrowest[0].range));
  }

  const textOffset = source.fromOriginal(offset);
  if (textOffset === undefined) return null;
  const reference = referenceAt(source.text, textOffset);
  if (!reference) return null;
  const text = explainReference(reference, locale);
  return text ? markdown(text, toRange(lines, source.toOriginalRange(reference.range))) : null;
}

function markdown(value: string, range: Hover['range']): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}
