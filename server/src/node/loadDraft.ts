import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formatOf, sourceFor } from '../core/formats';
import { addMessages, formatBytes, t, type Locale } from '../core/i18n';
import { Source } from '../core/source';
import { decodeDraft } from './readDraft';

addMessages('en', {
  'file.notDocx': 'Not analysed: not a readable Word document (.docx).',
  'file.notAkn': 'Not analysed: an XML file that is not Akoma Ntoso.',
});
addMessages('fr', {
  'file.notDocx': 'Non analysé : ce n’est pas un document Word (.docx) lisible.',
  'file.notAkn': 'Non analysé : un fichier XML qui n’est pas en Akoma Ntoso.',
});

export type LoadedDraft =
  | {
      ok: true;
      source: Source;
      notes: string[];
      /** The file started with a UTF-8 byte order mark (written back by --fix). */
      hadBom?: boolean;
      /** Word documents: the paragraph number of each line of the analysed text. */
      paragraphs?: number[];
    }
  | { ok: false; message: string; notADraft?: boolean };

export interface LoadOptions {
  maxFileSize: number;
  locale: Locale;
  /** Bytes already read (standard input); otherwise the file is read from disk. */
  bytes?: Uint8Array;
}

export function isWordDocument(file: string): boolean {
  return /\.docx$/i.test(file);
}

/**
 * Read one draft from disk (or given bytes) into a Source, whatever its format: plain text,
 * Markdown and Akoma Ntoso as text; Word documents through their XML. Never throws for a bad
 * file: the result says why it was not read. Shared by the CLI and the language server's
 * "report on a file" request.
 */
export async function loadDraft(absPath: string, options: LoadOptions): Promise<LoadedDraft> {
  const { locale } = options;
  let bytes = options.bytes;
  if (!bytes) {
    const stat = await fs.stat(absPath);
    if (stat.size > options.maxFileSize) return tooLarge(stat.size, options);
    bytes = await fs.readFile(absPath);
  } else if (bytes.length > options.maxFileSize) return tooLarge(bytes.length, options);

  const uri = pathToUri(absPath);
  if (isWordDocument(absPath)) {
    // The zip and XML readers are loaded for the first Word document only: start-up stays quick.
    const { DocxError, readDocx } = await import('./docx');
    try {
      const docx = await readDocx(bytes);
      const source = new Source({ uri, original: docx.text, format: 'plaintext', quotations: docx.quotations, declaredLanguage: docx.language });
      return { ok: true, source, notes: [], paragraphs: docx.paragraphOfLine };
    } catch (e) {
      if (!(e instanceof DocxError)) throw e;
      return { ok: false, message: t(locale, 'file.notDocx') };
    }
  }

  const read = decodeDraft(bytes, locale);
  if (!read.ok) return { ok: false, message: read.message };
  const format = formatOf(absPath, read.text.slice(0, 2048));
  if (!format) return { ok: false, message: t(locale, 'file.notAkn'), notADraft: true };
  const source = sourceFor(uri, read.text, format, read.notes, { locale });
  return { ok: true, source, notes: source.notes, hadBom: read.hadBom };
}

function tooLarge(size: number, options: LoadOptions): LoadedDraft {
  return { ok: false, message: t(options.locale, 'file.tooLarge', formatBytes(size), formatBytes(options.maxFileSize)) };
}

export function pathToUri(p: string): string {
  return 'file://' + path.resolve(p).split(path.sep).map(encodeURIComponent).join('/').replace(/^\/?/, '/');
}
