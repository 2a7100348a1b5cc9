import { EventEmitter, ProgressLocation, Uri, commands, l10n, window, workspace, type Disposable, type TextDocumentContentProvider } from 'vscode';
import { ReportFileRequest } from '../../server/src/lsp/protocol';
import type { LanzaroteClient } from './client';

/** Read-only report pages "lanzarote-report:/bill.docx.md"; not a served scheme, so never analysed themselves. */
const REPORT_SCHEME = 'lanzarote-report';

/**
 * "Check a Word Document…": VS Code cannot open a .docx as text, so the server reads the file
 * from disk, analyses it like the CLI does and writes the checklist report, which opens as a
 * Markdown preview. Also offered on .docx files in the Explorer.
 */
export function registerWordDocumentCommand(lanzarote: LanzaroteClient): Disposable[] {
  const reports = new Map<string, string>();
  const changed = new EventEmitter<Uri>();
  const provider: TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri) => reports.get(uri.toString()) ?? '',
  };

  const check = async (given?: unknown) => {
    const target = given instanceof Uri ? given : (await pickDocx())?.[0];
    if (!target) return;
    if (target.scheme !== 'file') {
      void window.showWarningMessage(l10n.t('Only Word documents saved on this computer can be checked.'));
      return;
    }
    const name = target.path.split('/').pop() ?? target.path;
    const client = await lanzarote.start();
    const params: ReportFileRequest.Params = { path: target.fsPath, format: 'md' };
    const result = await window.withProgress({ location: ProgressLocation.Notification, title: l10n.t('Checking {0}…', name) }, () =>
      client.sendRequest<ReportFileRequest.Result>(ReportFileRequest.method, params),
    );
    if ('error' in result) {
      void window.showErrorMessage(result.error);
      return;
    }
    const page = Uri.from({ scheme: REPORT_SCHEME, path: `/${name}.lanzarote-report.md` });
    reports.set(page.toString(), result.content);
    changed.fire(page);
    try {
      await commands.executeCommand('markdown.showPreview', page);
    } catch {
      // Without the built-in Markdown extension, show the Markdown source, still read-only.
      await window.showTextDocument(await workspace.openTextDocument(page), { preview: false });
    }
  };

  return [changed, workspace.registerTextDocumentContentProvider(REPORT_SCHEME, provider), commands.registerCommand('lanzarote.checkWordDocument', check)];
}

function pickDocx(): Thenable<Uri[] | undefined> {
  return window.showOpenDialog({
    canSelectMany: false,
    openLabel: l10n.t('Check'),
    title: l10n.t('Check a Word document against the Lanzarote recommendations'),
    filters: { [l10n.t('Word documents')]: ['docx'] },
  });
}
