import { plainTextSource, type DraftFormat, type Source } from '../source';
import { markdownSource } from './markdown';

/** Pick the format from an editor language id or a file name. */
export function formatOf(nameOrLanguage: string): DraftFormat {
  const s = nameOrLanguage.toLowerCase();
  if (s === 'markdown' || /\.(md|markdown|mdown|mkd)$/.test(s)) return 'markdown';
  if (s === 'akomantoso' || s === 'akn' || /\.akn$/.test(s) || /\.akn\.xml$/.test(s)) return 'akn';
  return 'plaintext';
}

/** Build the Source for a document in a given format. */
export function sourceFor(uri: string, text: string, format: DraftFormat, notes?: string[]): Source {
  switch (format) {
    case 'markdown':
      return markdownSource(uri, text, notes);
    default:
      return plainTextSource(uri, text, notes);
  }
}
