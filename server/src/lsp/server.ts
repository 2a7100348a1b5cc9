import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { ChunkedDocument } from './chunkedDocument';
import { explainArticle, officialUrl, recommendationPage } from '../core/explain';
import { urgencyWord } from '../core/i18n';
import { RECOMMENDATIONS, recommendation, titleOf } from '../core/recommendations';
import { articleNumber, checkLabel, parseArticleKey } from '../core/references';
import { CONFIG_FILE_NAME } from '../node/configFiles';
import { Analyses, type Outcome } from './analyses';
import { codeActions } from './codeActions';
import { toDiagnostic, toDiagnostics, type DiagnosticOptions } from './convert';
import { DocumentSettings } from './documentSettings';
import { hoverAt } from './hover';
import { applyChange, findingsOf, prepare, stateFromAnalysis, type Change, type TermState } from './incremental';
import { OffThreadAnalyser } from './offThread';
import { checklistOf, reportOf, reportOfFile } from './checklist';
import {
  AnalysedNotification,
  ChecklistRequest,
  CONFIGURATION_SECTION,
  ExplainRequest,
  FIX_ALL_KIND,
  RecommendationsRequest,
  SOURCE,
  ReportFileRequest,
  ReportRequest,
  SHOW_RECOMMENDATION_COMMAND,
  WorkspaceTrustNotification,
  type InitializationOptions,
} from './protocol';
import { documentSymbols, foldingRanges, symbolInformation } from './symbols';
import { version } from '../../../package.json';

/**
 * Longest delay before re-analysing after a keystroke (push model); opening a document is
 * immediate. The delay is what the document's last analysis took, up to this: a short draft gets
 * its diagnostics at once, a long one waits for a pause in the typing rather than analysing
 * every keystroke.
 */
const TYPING_DELAY_MS = 150;
/**
 * When the keystroke's terminology was published at once (followEdit), the full analysis of a
 * long draft (one that took longer than TYPING_DELAY_MS) waits for a real pause in the typing: started between two keystrokes of a long draft, it would be
 * stopped by the next one, and only take the processor from the editor meanwhile.
 */
const PAUSE_AFTER_FOLLOWED_EDIT_MS = 300;

export interface ServerOptions {
  /** The script a worker thread runs to analyse long drafts (the server's own bundle); none: all in this thread. */
  workerScript?: string;
}

/**
 * The language server: wires LSP to the analysis core and nothing more. Documents, settings,
 * the analysis cache and the conversion of findings to protocol types live in their own modules.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  /** Each document's last exact terminology, followed from keystroke to keystroke (push model). */
  const states = new Map<string, TermState>();
  /** The edit that made each document's current version, when it was one edit of the version before. */
  const edits = new Map<string, { from: number; change: Change }>();
  const documents = new TextDocuments<ChunkedDocument>({
    create: ChunkedDocument.create,
    update: (document, changes, version) => {
      const only = changes.length === 1 ? changes[0] : undefined;
      if (only && TextDocumentContentChangeEvent.isIncremental(only)) {
        const a = document.offsetAt(only.range.start);
        const b = document.offsetAt(only.range.end);
        const [start, end] = a <= b ? [a, b] : [b, a];
        edits.set(document.uri, { from: document.version, change: { start, end, text: only.text, removed: document.slice(start, end) } });
      } else edits.delete(document.uri);
      document.update(changes, version);
      return document;
    },
  });
  let settings!: DocumentSettings;
  let analyses!: Analyses;
  let client: ClientFeatures;
  let folders: string[] = [];
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** How long each document's last analysis took, for the typing delay. */
  const lastCost = new Map<string, number>();
  const offThread = options.workerScript ? new OffThreadAnalyser(options.workerScript) : undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    client = clientFeatures(params.capabilities, options);
    settings = new DocumentSettings(connection, {
      configurationRequests: client.configurationRequests,
      clientLocale: params.locale,
      workspaceTrusted: options.workspaceTrusted !== false,
    });
    analyses = new Analyses(settings, (uri) => documents.get(uri)?.version, offThread);
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    settings.setWorkspaceFolders(folders);

    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: { label: 'Lanzarote' },
        foldingRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'lanzarote-language-server', version },
    };
    if (client.pullDiagnostics) {
      result.capabilities.diagnosticProvider = { identifier: 'lanzarote', interFileDependencies: false, workspaceDiagnostics: false };
    }
    // VS Code's client implements the command itself (a preview page); other editors get the official text.
    if (!options.handlesCommands) result.capabilities.executeCommandProvider = { commands: [SHOW_RECOMMENDATION_COMMAND] };
    return result;
  });

  connection.onInitialized(() => {
    if (client.configurationChangeRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIGURATION_SECTION });
    }
    if (client.watchedFilesRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] });
    }
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
        settings.setWorkspaceFolders(folders);
        refresh();
      });
    }
  });

  // --- diagnostics ------------------------------------------------------------------------------

  const diagnosticOptions = (): DiagnosticOptions => ({ relatedInformation: client.relatedInformation });

  async function publish(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    try {
      const started = Date.now();
      const generation = settings.generation;
      const outcome = await analyses.get(document);
      if (outcome) lastCost.set(uri, Date.now() - started);
      // A newer version is on its way; its own analysis will publish.
      const current = documents.get(uri);
      if (!outcome || current?.version !== outcome.version) return;
      if (outcome.kind === 'analysed' && generation === settings.generation) {
        const state = stateFromAnalysis(outcome.analysis, current.getText(), outcome.version, outcome.settings, generation);
        if (state) {
          states.set(uri, state);
          setImmediate(() => {
            // The line table too: the first keystroke's position lookups would build it.
            void current.lineCount;
            prepare(state, current);
          });
        } else states.delete(uri);
      } else states.delete(uri);
      await connection.sendDiagnostics({ uri, version: outcome.version, diagnostics: toDiagnostics(outcome, diagnosticOptions()) });
      if (client.reportAnalysed) void connection.sendNotification(AnalysedNotification.method, { uri, version: outcome.version } satisfies AnalysedNotification.Params);
    } catch (e) {
      logError(`Analysing ${uri}`, e);
    }
  }

  /**
   * After one edit, the terminology of the edited text at once (exact for this version: see
   * incremental.ts), with the checklist's findings of the last full analysis moved along; the
   * full analysis follows after the typing delay and publishes the complete set.
   */
  function followEdit(document: ChunkedDocument): boolean {
    const uri = document.uri;
    const edit = edits.get(uri);
    edits.delete(uri);
    const state = states.get(uri);
    states.delete(uri);
    if (!state || !edit || edit.from !== state.version || state.generation !== settings.generation) return false;
    // Never the whole text: reading it would join the pieces, the cost this path avoids.
    const next = applyChange(state, edit.change, document, document.version);
    if (!next) return false;
    states.set(uri, next);
    const options = diagnosticOptions();
    const positions = { positionAt: (offset: number) => document.analysedPositionAt(offset) };
    const diagnostics = findingsOf(next).map((f) => toDiagnostic(f, uri, positions, next.version, options));
    void connection.sendDiagnostics({ uri, version: next.version, diagnostics });
    return true;
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void publish(uri);
      }, delay),
    );
  }

  documents.onDidOpen((e) => {
    if (!client.pullDiagnostics) schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    // didOpen also fires a content change; the timer above is simply reset.
    const uri = e.document.uri;
    if (client.pullDiagnostics) return;
    const followed = e.document.version > 1 && followEdit(e.document);
    const cost = lastCost.get(uri) ?? TYPING_DELAY_MS;
    schedule(uri, e.document.version <= 1 ? 0 : followed && cost > TYPING_DELAY_MS ? PAUSE_AFTER_FOLLOWED_EDIT_MS : Math.min(TYPING_DELAY_MS, cost));
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    lastCost.delete(uri);
    states.delete(uri);
    edits.delete(uri);
    analyses.forget(uri);
    settings.forget(uri);
    if (!client.pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: 'full', items: [] };
    const resultId = `${document.version}:${settings.generation}`;
    if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
    const outcome = await analyses.get(document);
    if (!outcome || token.isCancellationRequested) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; analysing the newer version.', { retriggerRequest: true });
    }
    return { kind: 'full', resultId, items: toDiagnostics(outcome, diagnosticOptions()) };
  });

  /** Settings, a configuration file or the workspace changed: analyse every open draft again. */
  function refresh(): void {
    states.clear();
    settings.invalidate();
    analyses.clear();
    if (client.pullDiagnostics) {
      if (client.diagnosticRefresh) void connection.languages.diagnostics.refresh();
    } else {
      for (const d of documents.all()) schedule(d.uri, 0);
    }
  }

  connection.onDidChangeConfiguration((params) => {
    settings.setPushedSettings(params.settings);
    refresh();
  });
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
      settings.configFilesChanged();
      refresh();
    }
  });
  connection.onNotification(WorkspaceTrustNotification.method, (params: WorkspaceTrustNotification.Params) => {
    settings.setTrusted(params.trusted);
    refresh();
  });

  // --- features that read one version's analysis -----------------------------------------------

  async function current(uri: string): Promise<Outcome | undefined> {
    const document = documents.get(uri);
    return document ? analyses.get(document) : undefined;
  }

  connection.onHover(async (params, token) => {
    const outcome = await current(params.textDocument.uri);
    return outcome && !token.isCancellationRequested ? hoverAt(outcome, params.position) : null;
  });

  connection.onCodeAction(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    // Editors ask at every move of the cursor, mostly where none of our diagnostics is: without
    // one, and without a fix-all asked for, there is no action, and no reason to analyse the
    // version just typed (the typing delay decides when that happens).
    const only = params.context.only;
    const fixAll = !!only?.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(`${o}.`));
    if (!fixAll && !params.context.diagnostics.some((d) => d.source === SOURCE)) return [];
    const outcome = await analyses.get(document);
    if (!outcome || token.isCancellationRequested) return [];
    return codeActions(outcome, params, { documentChanges: client.documentChanges, languageId: document.languageId });
  });

  connection.onDocumentSymbol(async (params, token) => {
    const outcome = await current(params.textDocument.uri);
    if (!outcome || outcome.kind !== 'analysed' || token.isCancellationRequested) return [];
    return client.hierarchicalSymbols ? documentSymbols(outcome.analysis) : symbolInformation(outcome.analysis);
  });

  connection.onFoldingRanges(async (params, token) => {
    const outcome = await current(params.textDocument.uri);
    if (!outcome || outcome.kind !== 'analysed' || token.isCancellationRequested) return [];
    return foldingRanges(outcome.analysis);
  });

  // --- the checklist ---------------------------------------------------------------------------

  connection.onRequest(ChecklistRequest.method, async (params: ChecklistRequest.Params): Promise<ChecklistRequest.Result> => {
    const document = documents.get(params.uri);
    const outcome = document ? await analyses.get(document) : undefined;
    return outcome && document ? checklistOf(outcome, document) : null;
  });

  connection.onRequest(ReportRequest.method, async (params: ReportRequest.Params): Promise<ReportRequest.Result> => {
    const outcome = await current(params.uri);
    const content = outcome ? reportOf(outcome, params.format === 'html' ? 'html' : 'md') : null;
    return content === null ? null : { content };
  });

  connection.onRequest<ReportFileRequest.Result, unknown>(ReportFileRequest.method, (params: ReportFileRequest.Params) =>
    reportOfFile(String(params.path), params.format === 'html' ? 'html' : 'md', (uri) => settings.settingsFor(uri)),
  );

  // --- the recommendations themselves ----------------------------------------------------------

  connection.onRequest(RecommendationsRequest.method, async (): Promise<RecommendationsRequest.Result> => {
    const locale = await settings.globalLocale();
    return RECOMMENDATIONS.map((r) => ({ id: r.id, title: titleOf(r, locale), urgency: urgencyWord(locale, r.urgency), url: r.source.url }));
  });

  connection.onRequest(ExplainRequest.method, async (params: ExplainRequest.Params): Promise<ExplainRequest.Result | null> => {
    const locale = await settings.globalLocale();
    const rec = recommendation(params.check);
    if (rec) return { check: rec.id, title: checkLabel(rec.id, locale), markdown: recommendationPage(rec.id, locale)!, url: rec.source.url };
    const ref = parseArticleKey(params.check);
    if (!ref) return null;
    const key = `Art. ${articleNumber(ref)}`;
    return { check: key, title: checkLabel(key, locale), markdown: `${explainArticle(ref, locale)}\n`, url: officialUrl(key)! };
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== SHOW_RECOMMENDATION_COMMAND) return;
    const check = String(params.arguments?.[0] ?? '');
    const url = officialUrl(check);
    if (!url) return;
    if (client.showDocument) await connection.window.showDocument({ uri: url, external: true });
    else void connection.window.showInformationMessage(`${checkLabel(check, settings.locale)}: ${url}`);
  });

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    offThread?.dispose();
  });

  function logError(what: string, e: unknown): void {
    const err = e as Error;
    connection.console.error(`${what}: ${err?.stack ?? String(e)}`);
  }

  documents.listen(connection);
  connection.listen();
}

interface ClientFeatures {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configurationRequests: boolean;
  configurationChangeRegistration: boolean;
  watchedFilesRegistration: boolean;
  workspaceFolders: boolean;
  documentChanges: boolean;
  relatedInformation: boolean;
  hierarchicalSymbols: boolean;
  showDocument: boolean;
  reportAnalysed: boolean;
}

function clientFeatures(c: ClientCapabilities, options: InitializationOptions): ClientFeatures {
  return {
    pullDiagnostics: !!c.textDocument?.diagnostic,
    diagnosticRefresh: !!c.workspace?.diagnostics?.refreshSupport,
    configurationRequests: !!c.workspace?.configuration,
    configurationChangeRegistration: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    watchedFilesRegistration: !options.watchesConfigFiles && !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    workspaceFolders: !!c.workspace?.workspaceFolders,
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
    relatedInformation: !!(c.textDocument?.publishDiagnostics?.relatedInformation ?? c.textDocument?.diagnostic?.relatedInformation),
    hierarchicalSymbols: !!c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport,
    showDocument: !!c.window?.showDocument?.support,
    reportAnalysed: !!options.reportAnalysed,
  };
}
