import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse, type Analysis } from '../core/analyse';
import { formatOf, sourceFor } from '../core/formats';
import { formatBytes, t } from '../core/i18n';
import type { Settings } from '../core/settings';
import type { DraftFormat } from '../core/source';
import { looksBinaryText } from '../node/readDraft';
import type { DocumentSettings } from './documentSettings';
import type { OffThreadAnalyser } from './offThread';

/** The result of looking at one version of a document. */
export type Outcome =
  | { kind: 'analysed'; uri: string; version: number; settings: Settings; analysis: Analysis }
  /** Announced on the first line, not analysed: over maxFileSize, or binary forced open as text. */
  | { kind: 'not-analysed'; code: 'file/too-large' | 'file/binary'; uri: string; version: number; settings: Settings; message: string; firstLineLength: number }
  /** Not a draft (an XML file that is not Akoma Ntoso): nothing to report. */
  | { kind: 'not-a-draft'; uri: string; version: number; settings: Settings };

interface Entry {
  version: number;
  generation: number;
  outcome: Promise<Outcome | undefined>;
}

/**
 * One analysis per (document, version), shared by diagnostics, hovers, code actions and symbols:
 * a hover or a quick fix never analyses again what the diagnostics already analysed, and edits
 * are always computed from the text of the version they name.
 *
 * Work a newer version made stale is dropped before it starts: the settings lookup is awaited,
 * then pending notifications are let in, and only a version that is still current is analysed.
 */
export class Analyses {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly settings: DocumentSettings,
    private readonly currentVersion: (uri: string) => number | undefined,
    /** Where long drafts are analysed, away from the thread that answers the editor. */
    private readonly offThread?: OffThreadAnalyser,
  ) {}

  /** The outcome for the document's current version; undefined when a newer version superseded it. */
  get(document: TextDocument): Promise<Outcome | undefined> {
    const { uri, version } = document;
    const generation = this.settings.generation;
    const entry = this.#entries.get(uri);
    if (entry && entry.version === version && entry.generation === generation) return entry.outcome;
    // Read everything from the document now: TextDocument objects are updated in place.
    const text = document.getText();
    const format = draftFormat(document.languageId, uri, text);
    const outcome = this.#run(uri, version, text, format).catch((e: Error) => {
      if (this.#entries.get(uri)?.outcome === outcome) this.#entries.delete(uri);
      throw e;
    });
    this.#entries.set(uri, { version, generation, outcome });
    return outcome;
  }

  /** The cached outcome of exactly this version, if any (no new work). */
  peek(uri: string, version: number): Promise<Outcome | undefined> | undefined {
    const entry = this.#entries.get(uri);
    return entry && entry.version === version && entry.generation === this.settings.generation ? entry.outcome : undefined;
  }

  forget(uri: string): void {
    this.#entries.delete(uri);
  }

  clear(): void {
    this.#entries.clear();
  }

  async #run(uri: string, version: number, text: string, format: DraftFormat | undefined): Promise<Outcome | undefined> {
    const settings = await this.settings.settingsFor(uri);
    // Let queued didChange notifications land first: typing fast must not queue analyses.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.currentVersion(uri) !== version) return undefined;
    const size = Buffer.byteLength(text, 'utf8');
    const tooLarge = size > settings.maxFileSize;
    if (tooLarge || looksBinaryText(text)) {
      const nl = text.search(/\r|\n/);
      return {
        kind: 'not-analysed',
        code: tooLarge ? 'file/too-large' : 'file/binary',
        uri,
        version,
        settings,
        message: tooLarge ? t(settings.locale, 'file.tooLarge', formatBytes(size), formatBytes(settings.maxFileSize)) : t(settings.locale, 'file.binary'),
        firstLineLength: nl < 0 ? text.length : nl,
      };
    }
    if (!format) return { kind: 'not-a-draft', uri, version, settings };
    const source = () => sourceFor(uri, text, format, undefined, { locale: settings.locale });
    let analysis: Analysis | undefined;
    if (this.offThread && text.length >= OFF_THREAD_MIN_LENGTH) {
      try {
        analysis = await this.offThread.analyse(uri, text, format, settings, source);
      } catch {
        // The thread failed (out of memory, killed): analyse here rather than show nothing.
        analysis = analyse(source(), settings);
      }
      // Superseded by a newer version before it started.
      if (!analysis) return undefined;
    } else analysis = analyse(source(), settings);
    return { kind: 'analysed', uri, version, settings, analysis };
  }
}

/**
 * Drafts at least this long (UTF-16 code units) are analysed in the worker thread: from about
 * here an analysis takes long enough to be felt as a frozen hover; shorter ones are quicker to
 * analyse in place than to send across. (LANZAROTE_OFF_THREAD_MIN_LENGTH changes it, for tests.)
 */
export const OFF_THREAD_MIN_LENGTH = Number(process.env.LANZAROTE_OFF_THREAD_MIN_LENGTH) || 256 * 1024;

/**
 * Markdown by language; otherwise by file name (a .md opened as plain text is still Markdown).
 * XML (by language or name) is a draft only when it is Akoma Ntoso: the first 2 KB decide.
 */
export function draftFormat(languageId: string, uri: string, text: string): DraftFormat | undefined {
  if (languageId === 'markdown') return 'markdown';
  const name = uri.replace(/[?#].*$/, '');
  const byName = formatOf(name, text.slice(0, 2048));
  if (languageId === 'xml' && byName !== 'akn') return formatOf('draft.xml', text.slice(0, 2048));
  return byName;
}
