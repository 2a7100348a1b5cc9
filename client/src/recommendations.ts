import { Uri, commands, env, l10n, window, workspace, type Disposable, type TextDocumentContentProvider } from 'vscode';
import { ExplainRequest, RecommendationsRequest } from '../../server/src/lsp/protocol';
import type { LanzaroteClient } from './client';

/** Read-only pages "lanzarote-recommendation:/II-6.md", written by the server from the catalogue. */
export const PAGE_SCHEME = 'lanzarote-recommendation';

export function pageUri(check: string): Uri {
  return Uri.from({ scheme: PAGE_SCHEME, path: `/${check}.md` });
}

/**
 * "Show Recommendation" and "Open Official Text". The client writes none of the text: the page
 * comes from the server (the core's explain module), so the editor, the CLI and other editors
 * quote the same words.
 */
export function registerRecommendationCommands(lanzarote: LanzaroteClient): Disposable[] {
  const provider: TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const check = decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
      const page = await explain(lanzarote, check);
      return page?.markdown ?? l10n.t('Unknown recommendation “{0}”.', check);
    },
  };

  return [
    workspace.registerTextDocumentContentProvider(PAGE_SCHEME, provider),
    commands.registerCommand('lanzarote.showRecommendation', async (check?: unknown) => {
      const id = typeof check === 'string' && check ? check : await pick(lanzarote, l10n.t('Show which recommendation?'));
      if (!id) return;
      const uri = pageUri(id);
      try {
        await commands.executeCommand('markdown.showPreview', uri);
      } catch {
        // Without the built-in Markdown extension, show the Markdown source, still read-only.
        await window.showTextDocument(await workspace.openTextDocument(uri), { preview: true });
      }
    }),
    commands.registerCommand('lanzarote.openOfficialText', async (check?: unknown) => {
      const id = typeof check === 'string' && check ? check : await pick(lanzarote, l10n.t('Open the official text of which recommendation?'));
      if (!id) return;
      const page = await explain(lanzarote, id);
      if (page) await env.openExternal(Uri.parse(page.url));
      else void window.showWarningMessage(l10n.t('Unknown recommendation “{0}”.', id));
    }),
  ];
}

async function explain(lanzarote: LanzaroteClient, check: string): Promise<ExplainRequest.Result | null> {
  const client = await lanzarote.start();
  return client.sendRequest<ExplainRequest.Result | null>(ExplainRequest.method, { check } satisfies ExplainRequest.Params);
}

/** Quick pick of II-1 … II-12: id, urgency, our short title. */
async function pick(lanzarote: LanzaroteClient, placeHolder: string): Promise<string | undefined> {
  const client = await lanzarote.start();
  const items = await client.sendRequest<RecommendationsRequest.Result>(RecommendationsRequest.method);
  const chosen = await window.showQuickPick(
    items.map((r) => ({ label: r.id, description: r.urgency, detail: r.title })),
    { placeHolder, matchOnDescription: true, matchOnDetail: true },
  );
  return chosen?.label;
}
