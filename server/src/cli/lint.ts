import { analyse } from '../core/analyse';
import type { Settings } from '../core/settings';
import { loadDraft } from '../node/loadDraft';
import type { FileResult } from './results';

export { pathToUri } from '../node/loadDraft';

export interface DraftInput {
  absPath: string;
  display: string;
  /** Bytes from stdin; files are read from disk. */
  bytes?: Uint8Array;
}

/** Read, decode and analyse one draft. Never throws for a bad file: the result says why it was skipped. */
export async function lintOne(input: DraftInput, settings: Settings): Promise<FileResult & { hadBom?: boolean }> {
  const base = { display: input.display, absPath: input.absPath, findings: [], notes: [] as string[] };
  const loaded = await loadDraft(input.absPath, { maxFileSize: settings.maxFileSize, locale: settings.locale, bytes: input.bytes });
  if (!loaded.ok) return { ...base, skipped: loaded.message };
  const analysis = analyse(loaded.source, settings);
  return { ...base, analysis, findings: analysis.findings, notes: loaded.notes, hadBom: loaded.hadBom, paragraphs: loaded.paragraphs };
}
