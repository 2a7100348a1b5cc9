import { commands, window, type ExtensionContext } from 'vscode';
import { ChecklistView } from './checklist';
import { LanzaroteClient } from './client';
import { registerRecommendationCommands } from './recommendations';
import { registerWordDocumentCommand } from './wordDocument';

let lanzarote: LanzaroteClient | undefined;

/**
 * Activation (on opening a legal draft, a plain text or a Markdown file) only registers commands
 * and the recommendation pages; the server process starts once a draft of a served type is open.
 */
export function activate(context: ExtensionContext): void {
  const started = Date.now();
  const output = window.createOutputChannel('Lanzarote', { log: true });
  lanzarote = new LanzaroteClient(context, output);
  context.subscriptions.push(
    output,
    lanzarote,
    ...registerRecommendationCommands(lanzarote),
    ...registerWordDocumentCommand(lanzarote),
    new ChecklistView(lanzarote),
    commands.registerCommand('lanzarote.restartServer', () => lanzarote?.restart()),
  );
  lanzarote.startIfNeeded();
  output.info(`Activated in ${Date.now() - started} ms.`);
}

export async function deactivate(): Promise<void> {
  const l = lanzarote;
  lanzarote = undefined;
  await l?.dispose();
}
