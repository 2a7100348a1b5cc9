import { Range, Uri, languages, workspace, type Disposable, type ExtensionContext, type LogOutputChannel, type TextDocument } from 'vscode';
import type {
  CancellationToken,
  ConfigurationParams,
  ConfigurationRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';
import { AKN_NAMESPACE, CONFIGURATION_SECTION, WorkspaceTrustNotification, type InitializationOptions } from '../../server/src/lsp/protocol';
import { documentSelector, documentTypes, explicitSettings, type DocumentType } from './settings';

function isAkomaNtoso(head: string): boolean {
  return head.slice(0, 2048).includes(AKN_NAMESPACE);
}

/**
 * Owns the language client: starts the bundled server over IPC when the first draft of a served
 * type is open (not before: activation stays cheap), restarts it when the served types change,
 * and stops it with the extension.
 */
export class LanzaroteClient implements Disposable {
  #client: LanguageClient | undefined;
  #watcher: Disposable | undefined;
  #starting: Promise<LanguageClient> | undefined;
  #types: DocumentType[] = documentTypes();
  readonly #disposables: Disposable[] = [];

  constructor(
    private readonly context: ExtensionContext,
    private readonly output: LogOutputChannel,
  ) {
    this.#disposables.push(
      workspace.onDidOpenTextDocument((d) => {
        if (this.serves(d)) void this.start();
      }),
      workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${CONFIGURATION_SECTION}.documentTypes`)) void this.#typesChanged();
      }),
      workspace.onDidGrantWorkspaceTrust(() => {
        void this.#client?.sendNotification(WorkspaceTrustNotification.method, { trusted: true } satisfies WorkspaceTrustNotification.Params);
      }),
    );
  }

  /** Start the server if a served document is open already. */
  startIfNeeded(): void {
    if (workspace.textDocuments.some((d) => this.serves(d))) void this.start();
  }

  serves(document: TextDocument): boolean {
    if (languages.match(documentSelector(this.#types), document) === 0) return false;
    // XML is served for Akoma Ntoso only: the namespace in the first 2 KB says so (as the server decides).
    return document.languageId !== 'xml' || /\.akn$/i.test(document.uri.path) || isAkomaNtoso(document.getText(new Range(document.positionAt(0), document.positionAt(2048))));
  }

  /** The running client, started on demand (commands need it even with no draft open). */
  start(): Promise<LanguageClient> {
    if (this.#client?.isRunning()) return Promise.resolve(this.#client);
    this.#starting ??= this.#create().finally(() => (this.#starting = undefined));
    return this.#starting;
  }

  async restart(): Promise<void> {
    if (this.#client) {
      this.output.info('Restarting the Lanzarote language server.');
      await this.#client.restart();
    } else await this.start();
  }

  async #create(): Promise<LanguageClient> {
    // Loaded on first use: evaluating the client library is most of the extension's start-up cost.
    const { LanguageClient, TransportKind } = await import('vscode-languageclient/node');
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const watcher = workspace.createFileSystemWatcher('**/.lanzarote.json');
    const initializationOptions: InitializationOptions = {
      workspaceTrusted: workspace.isTrusted,
      watchesConfigFiles: true,
      handlesCommands: true,
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(this.#types),
      outputChannel: this.output,
      initializationOptions,
      synchronize: { fileEvents: watcher },
      // Pull diagnostics when a draft opens, changes or is saved.
      diagnosticPullOptions: { onChange: true, onSave: true },
      middleware: {
        workspace: {
          configuration: (params: ConfigurationParams, token, next) => this.#configuration(params, token, next),
        },
      },
    };
    // The id "lanzarote" makes the client read the lanzarote.trace.server setting.
    const client = new LanguageClient('lanzarote', 'Lanzarote', serverOptions, clientOptions);
    this.#client = client;
    this.#watcher?.dispose();
    this.#watcher = watcher;
    await client.start();
    return client;
  }

  /** Answer workspace/configuration for "lanzarote" with what the user set, not the defaults. */
  async #configuration(params: ConfigurationParams, token: CancellationToken, next: ConfigurationRequest.HandlerSignature): Promise<unknown[]> {
    const others = await next(params, token);
    const values = Array.isArray(others) ? [...others] : params.items.map(() => null);
    params.items.forEach((item, i) => {
      if (item.section === CONFIGURATION_SECTION) values[i] = explicitSettings(item.scopeUri ? Uri.parse(item.scopeUri) : undefined);
    });
    return values;
  }

  async #typesChanged(): Promise<void> {
    const types = documentTypes();
    if (types.join() === this.#types.join()) return;
    this.#types = types;
    if (!this.#client) return this.startIfNeeded();
    // The document selector is fixed when a client starts: start a new one.
    const old = this.#client;
    this.#client = undefined;
    await old.dispose();
    this.startIfNeeded();
  }

  get client(): LanguageClient | undefined {
    return this.#client;
  }

  async dispose(): Promise<void> {
    for (const d of this.#disposables) d.dispose();
    this.#watcher?.dispose();
    const client = this.#client;
    this.#client = undefined;
    if (client) await client.dispose();
  }
}
