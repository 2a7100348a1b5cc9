import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../core/analyse';
import type { CheckResult } from '../core/compliance/types';
import { t, urgencyWord } from '../core/i18n';
import { CONVENTION, recommendation, titleOf } from '../core/recommendations';
import { renderReport } from '../core/report';
import type { Settings } from '../core/settings';
import { loadDraft, pathToUri } from '../node/loadDraft';
import type { Outcome } from './analyses';
import type { ChecklistRequest, ReportFileRequest } from './protocol';

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

/**
 * The report of a file read from disk (a Word document the editor cannot open as text), with the
 * settings a document at that path would have. Errors are returned as a message, never thrown:
 * the client shows them as they are.
 */
export async function reportOfFile(file: string, format: 'md' | 'html', settingsFor: (uri: string) => Promise<Settings>): Promise<ReportFileRequest.Result> {
  const absPath = path.resolve(file);
  const settings = await settingsFor(pathToUri(absPath));
  let loaded;
  try {
    loaded = await loadDraft(absPath, { maxFileSize: settings.maxFileSize, locale: settings.locale });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { error: t(settings.locale, 'file.unreadable', absPath, err.code ?? err.message) };
  }
  if (!loaded.ok) return { error: `${path.basename(absPath)}: ${loaded.message}` };
  const analysis = analyse(loaded.source, settings);
  return { content: renderReport(analysis, path.basename(absPath), format, settings.locale, { paragraphs: loaded.paragraphs }) };
}
