import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../core/compliance/types';
import { t, urgencyWord } from '../core/i18n';
import { CONVENTION, recommendation, titleOf } from '../core/recommendations';
import { renderReport } from '../core/report';
import type { Outcome } from './analyses';
import type { ChecklistRequest } from './protocol';

/** The checklist of one analysed version, in protocol form (positions in UTF-16, as LSP wants). */
export function checklistOf(outcome: Outcome, document: TextDocument): ChecklistRequest.Result {
  if (outcome.kind !== 'analysed') return null;
  const { analysis, settings } = outcome;
  const locale = settings.locale;
  const item = (r: CheckResult): ChecklistRequest.Item => {
    const rec = r.id.startsWith('II-') ? recommendation(r.id) : undefined;
    return {
      id: r.id,
      title: rec ? titleOf(rec, locale) : r.id,
      urgency: urgencyWord(locale, r.urgency),
      status: r.status,
      statusText: t(locale, `status.${r.status}`),
      explanation: r.explanation,
      evidence: r.evidence.map((e) => ({
        provision: e.provision,
        note: e.note,
        text: e.text,
        range: { start: document.positionAt(e.range.start), end: document.positionAt(e.range.end) },
      })),
      url: rec ? rec.source.url : CONVENTION.url,
    };
  };
  const recommendations = analysis.checklist.recommendations.map(item);
  return {
    uri: outcome.uri,
    version: outcome.version,
    recommendations,
    convention: analysis.checklist.convention.map(item),
    met: recommendations.filter((r) => r.status === 'met').length,
  };
}

export function reportOf(outcome: Outcome, format: 'md' | 'html'): string | null {
  if (outcome.kind !== 'analysed') return null;
  const name = decodeURIComponent(outcome.uri.replace(/[?#].*$/, '').split('/').pop() ?? outcome.uri);
  return renderReport(outcome.analysis, name, format, outcome.settings.locale);
}
