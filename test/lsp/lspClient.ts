/**
 * A small LSP client for protocol tests: starts the bundled server (`node dist/server.js --stdio`)
 * as a child process and speaks JSON-RPC to it over its stdio, as Neovim or Helix would.
 * Waiting is always polling with a deadline, never a fixed sleep, and every server started here
 * is killed at the end, also when a test fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  ConfigurationParams,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  ShowMessageParams,
  TextDocumentContentChangeEvent,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVER = path.join(ROOT, 'dist/server.js');

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface StartOptions {
  /** Advertise pull diagnostics (textDocument/diagnostic) and diagnostic refresh. */
  pull?: boolean;
  /** Answer workspace/configuration; without it the client does not advertise the capability. */
  configuration?: (params: ConfigurationParams) => unknown[];
  locale?: string;
  initializationOptions?: unknown;
  workspaceFolders?: string[];
  /** Advertise versioned documentChanges in workspace edits (default true). */
  documentChanges?: boolean;
}

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publishDiagnostics, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly shownDocuments: { uri: string; external?: boolean }[] = [];
  readonly logs: string[] = [];
  readonly documents = new Map<string, TextDocument>();
  refreshRequests = 0;
  registrations: { method: string; registerOptions?: unknown }[] = [];
  initializeResult!: InitializeResult;
  exitCode: number | null | undefined = undefined;
  configuration: ((params: ConfigurationParams) => unknown[]) | undefined;
  stderr = '';

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    running.add(child);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    client.configuration = options.configuration;
    child.stderr!.on('data', (d) => (client.stderr += String(d)));
    child.on('exit', (code) => {
      client.exitCode = code;
      running.delete(child);
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.diagnostics.set(p.uri, p);
      client.published.push(p);
    });
    connection.onNotification('window/showMessage', (p: ShowMessageParams) => {
      client.messages.push(p);
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      client.logs.push(p.message);
    });
    connection.onRequest('workspace/configuration', (p: ConfigurationParams) => client.configuration?.(p) ?? p.items.map(() => null));
    connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...p.registrations);
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshRequests++;
      return null;
    });
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('window/showDocument', (p: { uri: string; external?: boolean }) => {
      client.shownDocuments.push(p);
      return { success: true };
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();

    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: !!options.configuration,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceFolders: true,
        workspaceEdit: { documentChanges: options.documentChanges ?? true },
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        foldingRange: { lineFoldingOnly: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      window: { showDocument: { support: true } },
    };
    const folders = options.workspaceFolders ?? [];
    try {
      client.initializeResult = await withTimeout(
        connection.sendRequest('initialize', {
          processId: process.pid,
          rootUri: folders[0] ? fileUri(folders[0]) : null,
          locale: options.locale,
          capabilities,
          initializationOptions: options.initializationOptions,
          workspaceFolders: folders.length ? folders.map((f) => ({ uri: fileUri(f), name: path.basename(f) })) : null,
        }),
        10000,
        'initialize',
      );
      await connection.sendNotification('initialized', {});
    } catch (e) {
      client.kill();
      throw new Error(`${(e as Error).message}\nserver stderr:\n${client.stderr}`);
    }
    return client;
  }

  async open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<TextDocument> {
    const doc = TextDocument.create(uri, languageId, version, text);
    this.documents.set(uri, doc);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return doc;
  }

  /** Send incremental changes (ranges in the current text), keeping the local copy in step. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<TextDocument> {
    const doc = this.documents.get(uri)!;
    const version = doc.version + 1;
    const updated = TextDocument.update(doc, changes, version);
    this.documents.set(uri, updated);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return updated;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Apply a workspace edit the way an editor does: refused when it names another version. */
  async applyEdit(edit: WorkspaceEdit): Promise<boolean> {
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change)) return false;
      const doc = this.documents.get(change.textDocument.uri);
      if (!doc || (change.textDocument.version !== null && change.textDocument.version !== doc.version)) return false;
      const text = TextDocument.applyEdits(doc, change.edits as Parameters<typeof TextDocument.applyEdits>[1]);
      await this.change(doc.uri, [{ text }]);
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      const doc = this.documents.get(uri);
      if (!doc) return false;
      await this.change(uri, [{ text: TextDocument.applyEdits(doc, edits) }]);
    }
    return true;
  }

  request<R>(method: string, params?: unknown, timeoutMs = 10000): Promise<R> {
    return withTimeout(this.connection.sendRequest<R>(method, params), timeoutMs, method);
  }

  notify(method: string, params?: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Published diagnostics for `uri` once `accept` holds (default: for the local version). */
  async diagnosticsFor(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 10000): Promise<Diagnostic[]> {
    const version = this.documents.get(uri)?.version;
    const ok = accept ?? ((p: PublishDiagnosticsParams) => p.version === version);
    const p = await waitFor(() => {
      const d = this.diagnostics.get(uri);
      return d && ok(d) ? d : undefined;
    }, timeoutMs, `diagnostics for ${uri} (version ${version})`);
    return p.diagnostics;
  }

  /** Shut down politely; the server must exit with code 0. */
  async stop(): Promise<number | null | undefined> {
    try {
      await this.request('shutdown', undefined, 5000);
      await this.notify('exit');
      await waitFor(() => (this.exitCode !== undefined ? true : undefined), 5000, 'server exit');
    } finally {
      this.kill();
    }
    return this.exitCode;
  }

  kill(): void {
    this.connection.dispose();
    if (this.exitCode === undefined) this.child.kill('SIGKILL');
  }
}

export function fileUri(p: string): string {
  return `file://${p.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** Poll `probe` every 20 ms until it returns a value or the deadline passes. */
export async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function withTimeout<T>(promise: Thenable<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    Promise.resolve(promise).finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]);
}

/** The text a diagnostic's range covers in a document. */
export function textAt(doc: TextDocument, d: { range: Diagnostic['range'] }): string {
  return doc.getText(d.range);
}
