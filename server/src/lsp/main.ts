/**
 * Entry point of the Lanzarote language server (bundled to dist/server.js).
 *
 *   node dist/server.js --stdio        any editor (Neovim, Emacs, Helix, Sublime …)
 *   node dist/server.js --node-ipc     VS Code (the extension starts it this way)
 *
 * createConnection picks the transport from these arguments. The same script, started as a
 * worker thread by the server itself, analyses long drafts away from the thread that answers
 * the editor.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { isAnalysisThread, runAnalysisWorker } from './offThread';
import { startServer } from './server';

if (isAnalysisThread()) {
  runAnalysisWorker();
} else {
  const connection = createConnection(ProposedFeatures.all);

  // A bug in one handler must not take the server down with the drafter's session.
  process.on('uncaughtException', (e) => connection.console.error(`Unexpected error: ${e?.stack ?? String(e)}`));
  process.on('unhandledRejection', (e) => connection.console.error(`Unexpected error: ${(e as Error)?.stack ?? String(e)}`));

  startServer(connection, { workerScript: __filename });
}
