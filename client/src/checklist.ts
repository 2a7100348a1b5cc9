import {
  EventEmitter, MarkdownString, Range, StatusBarAlignment, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri,
  commands, env, l10n, languages, window, workspace,
  type Disposable, type Event, type StatusBarItem, type TextEditor, type TreeDataProvider,
} from 'vscode';
import { ChecklistRequest, ReportRequest } from '../../server/src/lsp/protocol';
import type { LanzaroteClient } from './client';

type Checklist = NonNullable<ChecklistRequest.Result>;
type Node =
  | { kind: 'item'; item: ChecklistRequest.Item }
  | { kind: 'convention'; items: ChecklistRequest.Item[] }
  | { kind: 'explanation'; item: ChecklistRequest.Item }
  | { kind: 'evidence'; item: ChecklistRequest.Item; evidence: ChecklistRequest.Evidence }
  | { kind: 'wording'; item: ChecklistRequest.Item };

const ICONS: Record<ChecklistRequest.Item['status'], ThemeIcon> = {
  met: new ThemeIcon('pass', new ThemeColor('testing.iconPassed')),
  partial: new ThemeIcon('warning', new ThemeColor('list.warningForeground')),
  missing: new ThemeIcon('error', new ThemeColor('list.errorForeground')),
  'not-applicable': new ThemeIcon('circle-slash'),
};

/**
 * The "Lanzarote checklist" view for the active draft: twelve recommendations and Article 20(1),
 * each expandable to its explanation, its evidence (click to go to the provision) and the
 * Committee's wording. The server computes everything; the view only shows it.
 */
export class ChecklistView implements TreeDataProvider<Node>, Disposable {
  readonly #changed = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData: Event<Node | undefined> = this.#changed.event;
  readonly #status: StatusBarItem;
  readonly #disposables: Disposable[] = [];
  #checklist: Checklist | undefined;
  #document: Uri | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly lanzarote: LanzaroteClient) {
    this.#status = window.createStatusBarItem('lanzarote.checklist', StatusBarAlignment.Left, 10);
    this.#status.name = l10n.t('Lanzarote checklist');
    this.#status.command = 'lanzarote.showChecklist';
    this.#disposables.push(
      this.#status,
      window.registerTreeDataProvider('lanzarote.checklist', this),
      window.onDidChangeActiveTextEditor((e) => this.#editorChanged(e)),
      // New diagnostics for the active draft mean a new analysis: fetch its checklist.
      languages.onDidChangeDiagnostics((e) => {
        const active = window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule();
      }),
      commands.registerCommand('lanzarote.showChecklist', () => commands.executeCommand('lanzarote.checklist.focus')),
      commands.registerCommand('lanzarote.refreshChecklist', () => this.refresh()),
      commands.registerCommand('lanzarote.revealEvidence', (uri: string, range: ChecklistRequest.Evidence['range']) => this.#reveal(uri, range)),
      commands.registerCommand('lanzarote.exportReport', () => this.#export()),
    );
    this.#editorChanged(window.activeTextEditor);
  }

  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.refresh(), 200);
  }

  async refresh(): Promise<void> {
    const document = window.activeTextEditor?.document;
    if (!document || !this.lanzarote.serves(document)) {
      this.#show(undefined, undefined);
      return;
    }
    const client = await this.lanzarote.start();
    const result = await client.sendRequest<ChecklistRequest.Result>(ChecklistRequest.method, { uri: document.uri.toString() } satisfies ChecklistRequest.Params);
    // The user may have switched drafts while the server worked.
    if (window.activeTextEditor?.document !== document) return;
    this.#show(result ?? undefined, document.uri);
  }

  #editorChanged(editor: TextEditor | undefined): void {
    if (editor && this.lanzarote.serves(editor.document)) this.schedule();
    else if (!editor || editor.document.uri.scheme === 'file' || editor.document.uri.scheme === 'untitled') this.#show(undefined, undefined);
  }

  #show(checklist: Checklist | undefined, uri: Uri | undefined): void {
    this.#checklist = checklist;
    this.#document = uri;
    if (checklist) {
      this.#status.text = `$(checklist) Lanzarote: ${l10n.t('{0}/12 met', checklist.met)}`;
      const counts = (s: ChecklistRequest.Item['status']) => checklist.recommendations.filter((r) => r.status === s).length;
      this.#status.tooltip = l10n.t('{0} met, {1} partly met, {2} missing, {3} not applicable. Click to open the checklist.', counts('met'), counts('partial'), counts('missing'), counts('not-applicable'));
      this.#status.show();
    } else this.#status.hide();
    void commands.executeCommand('setContext', 'lanzarote.hasChecklist', !!checklist);
    this.#changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    const c = this.#checklist;
    if (!c) return [];
    if (!node) return [...c.recommendations.map((item): Node => ({ kind: 'item', item })), { kind: 'convention', items: c.convention }];
    if (node.kind === 'convention') return node.items.map((item) => ({ kind: 'item', item }));
    if (node.kind !== 'item') return [];
    const children: Node[] = [{ kind: 'explanation', item: node.item }];
    for (const evidence of node.item.evidence) children.push({ kind: 'evidence', item: node.item, evidence });
    if (node.item.id.startsWith('II-')) children.push({ kind: 'wording', item: node.item });
    return children;
  }

  getTreeItem(node: Node): TreeItem {
    switch (node.kind) {
      case 'item': {
        const { item } = node;
        const label = item.id.startsWith('II-') ? `${item.id} — ${item.title}` : item.id;
        const t = new TreeItem(label, TreeItemCollapsibleState.Collapsed);
        t.id = item.id;
        t.description = item.statusText;
        t.iconPath = ICONS[item.status];
        t.tooltip = new MarkdownString(`**${label}** · ${item.urgency} · ${item.statusText}\n\n${item.explanation}`);
        t.contextValue = 'lanzarote.check';
        return t;
      }
      case 'convention': {
        const t = new TreeItem(l10n.t('Convention, Article 20(1)'), TreeItemCollapsibleState.Collapsed);
        t.id = 'convention';
        const met = node.items.filter((i) => i.status === 'met').length;
        t.description = node.items.every((i) => i.status === 'not-applicable') ? l10n.t('not applicable') : l10n.t('{0}/6 acts criminalised', met);
        t.iconPath = new ThemeIcon('law');
        return t;
      }
      case 'explanation': {
        const t = new TreeItem(node.item.explanation, TreeItemCollapsibleState.None);
        t.iconPath = new ThemeIcon('info');
        t.tooltip = node.item.explanation;
        return t;
      }
      case 'evidence': {
        const e = node.evidence;
        const t = new TreeItem(e.provision || l10n.t('line {0}', e.range.start.line + 1), TreeItemCollapsibleState.None);
        t.description = `${e.note}: ${e.text}`;
        t.tooltip = new MarkdownString(`**${e.provision}** (${e.note})\n\n> ${e.text.replace(/\n/g, ' ')}`);
        t.iconPath = new ThemeIcon('go-to-file');
        t.command = { command: 'lanzarote.revealEvidence', title: l10n.t('Go to provision'), arguments: [this.#document?.toString(), e.range] };
        return t;
      }
      case 'wording': {
        const t = new TreeItem(l10n.t('The Committee’s wording'), TreeItemCollapsibleState.None);
        t.iconPath = new ThemeIcon('quote');
        t.command = { command: 'lanzarote.showRecommendation', title: l10n.t('Show the recommendation'), arguments: [node.item.id] };
        return t;
      }
    }
  }

  async #reveal(uri: string | undefined, range: ChecklistRequest.Evidence['range']): Promise<void> {
    if (!uri) return;
    const r = new Range(range.start.line, range.start.character, range.end.line, range.end.character);
    await window.showTextDocument(Uri.parse(uri), { selection: new Range(r.start, r.start), preserveFocus: false });
  }

  /** Write the report next to the draft (Markdown or HTML) and open it. */
  async #export(): Promise<void> {
    const document = window.activeTextEditor?.document;
    if (!document || !this.lanzarote.serves(document)) {
      void window.showWarningMessage(l10n.t('Open a draft to export its Lanzarote report.'));
      return;
    }
    const choice = await window.showQuickPick(
      [
        { label: 'Markdown', description: '.md', format: 'md' as const },
        { label: 'HTML', description: '.html', format: 'html' as const },
      ],
      { placeHolder: l10n.t('Export the Lanzarote report as…') },
    );
    if (!choice) return;
    const client = await this.lanzarote.start();
    const result = await client.sendRequest<ReportRequest.Result>(ReportRequest.method, { uri: document.uri.toString(), format: choice.format } satisfies ReportRequest.Params);
    if (!result) {
      void window.showWarningMessage(l10n.t('This draft could not be analysed (it may be over the size limit).'));
      return;
    }
    let target: Uri | undefined;
    if (document.uri.scheme === 'file') target = document.uri.with({ path: `${document.uri.path}.lanzarote-report.${choice.format}` });
    else target = await window.showSaveDialog({ filters: { [choice.label]: [choice.format] } });
    if (!target) return;
    await workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
    if (choice.format === 'md') await window.showTextDocument(target);
    else {
      const open = l10n.t('Open in browser');
      const picked = await window.showInformationMessage(l10n.t('Report written to {0}.', workspace.asRelativePath(target)), open);
      if (picked === open) await env.openExternal(target);
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
    for (const d of this.#disposables) d.dispose();
    this.#changed.dispose();
  }
}
