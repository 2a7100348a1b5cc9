import * as path from 'node:path';
import { analyse } from '../core/analyse';
import { formatOf, sourceFor } from '../core/formats';
import { formatBytes, t } from '../core/i18n';
import type { Settings } from '../core/settings';
import { decodeDraft, readDraft } from '../node/readDraft';
import type { FileResult } from './results';

export interface DraftInput {
  absPath: string;
  display: string;
  /** Bytes from stdin; files are read from disk. */
  bytes?: Uint8Array;
}

/** Read, decode and analyse one draft. Never throws for a bad file: the result says why it was skipped. */
export async function lintOne(input: DraftInput, settings: Settings): Promise<FileResult & { hadBom?: boolean }> {
  const base = { display: input.display, absPath: input.absPath, findings: [], notes: [] as string[] };
  const read = input.bytes
    ? input.bytes.length > settings.maxFileSize
      ? tooLarge(input.bytes.length, settings)
      : decodeDraft(input.bytes, settings.locale)
    : await readDraft(input.absPath, settings.maxFileSize, settings.locale);
  if (!read.ok) return { ...base, skipped: read.message };
  const source = sourceFor(pathToUri(input.absPath), read.text, formatOf(input.absPath), read.notes);
  const analysis = analyse(source, settings);
  return { ...base, analysis, findings: analysis.findings, notes: read.notes, hadBom: read.hadBom };
}

function tooLarge(size: number, settings: Settings) {
  return { ok: false as const, reason: 'too-large' as const, size, message: t(settings.locale, 'file.tooLarge', formatBytes(size), formatBytes(settings.maxFileSize)) };
}

export function pathToUri(p: string): string {
  return 'file://' + path.resolve(p).split(path.sep).map(encodeURIComponent).join('/').replace(/^\/?/, '/');
}
