import type { Locale } from '../i18n';
import { plainTextSource, type DraftFormat, type Source } from '../source';
import { aknSource, isAkomaNtoso } from './akn';
import { markdownSource } from './markdown';

export { isAkomaNtoso } from './akn';

/**
 * Pick the format from an editor language id or a file name. An `.xml` file is Akoma Ntoso when
 * its first 2 KB (`head`) declare the Akoma Ntoso namespace; any other XML is not a draft
 * (undefined). Without `head`, an `.xml` name alone is read as plain text.
 */
export function formatOf(nameOrLanguage: string): DraftFormat;
export function formatOf(nameOrLanguage: string, head: string): DraftFormat | undefined;
export function formatOf(nameOrLanguage: string, head?: string): DraftFormat | undefined {
  const s = nameOrLanguage.toLowerCase();
  if (s === 'markdown' || /\.(md|markdown|mdown|mkd)$/.test(s)) return 'markdown';
  if (s === 'akomantoso' || s === 'akn' || /\.akn$/.test(s) || /\.akn\.xml$/.test(s)) return 'akn';
  if (s === 'xml' || /\.xml$/.test(s)) {
    if (head === undefined) return 'plaintext';
    return isAkomaNtoso(head) ? 'akn' : undefined;
  }
  return 'plaintext';
}

/** Build the Source for a document in a given format. `locale` is the language of notes about reading it. */
export function sourceFor(uri: string, text: string, format: DraftFormat, notes?: string[], options: { locale?: Locale } = {}): Source {
  switch (format) {
    case 'markdown':
      return markdownSource(uri, text, notes);
    case 'akn':
      return aknSource(uri, text, { notes, locale: options.locale });
    default:
      return plainTextSource(uri, text, notes);
  }
}
