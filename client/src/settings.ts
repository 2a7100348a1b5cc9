import { workspace, type Uri } from 'vscode';
import { CONFIGURATION_SECTION } from '../../server/src/lsp/protocol';

/** The document types the extension can serve; legal drafts always, the others by choice. */
export const DOCUMENT_TYPES = ['legal-draft', 'plaintext', 'markdown', 'akoma-ntoso'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The editor language of each document type: Akoma Ntoso drafts are XML documents (.akn included). */
const LANGUAGE: Record<DocumentType, string> = { 'legal-draft': 'legal-draft', plaintext: 'plaintext', markdown: 'markdown', 'akoma-ntoso': 'xml' };

export function documentTypes(): DocumentType[] {
  const configured = workspace.getConfiguration(CONFIGURATION_SECTION).get<unknown>('documentTypes');
  const list = Array.isArray(configured) ? configured : [...DOCUMENT_TYPES];
  const types = DOCUMENT_TYPES.filter((t) => list.includes(t));
  return types.includes('legal-draft') ? types : ['legal-draft', ...types];
}

/** Saved files and untitled drafts of the served types (not diff views, not output channels). */
export function documentSelector(types: readonly DocumentType[]): { scheme: string; language: string }[] {
  return types.flatMap((type) => [
    { scheme: 'file', language: LANGUAGE[type] },
    { scheme: 'untitled', language: LANGUAGE[type] },
  ]);
}

/** Settings the server reads; documentTypes and trace.server are the client's own. */
const SERVER_KEYS = [
  'severity',
  'quotations',
  'languages',
  'documentLanguage',
  'maxFileSize',
  'locale',
  'jurisdiction.ageOfSexualConsent',
  'jurisdiction.ageOfCriminalResponsibility',
  'jurisdiction.maxAgeDifference',
] as const;

/**
 * The `lanzarote` settings the user actually set, for one resource. Defaults are left out on
 * purpose: the server lays editor settings over the project's `.lanzarote.json`, and a default
 * sent as if chosen would hide what the project file says.
 */
export function explicitSettings(scope: Uri | undefined): Record<string, unknown> {
  const config = workspace.getConfiguration(CONFIGURATION_SECTION, scope);
  const out: Record<string, unknown> = {};
  for (const key of SERVER_KEYS) {
    const i = config.inspect<unknown>(key);
    if (!i) continue;
    let value: unknown;
    if (key === 'severity') {
      // Objects merge across levels, as VS Code itself merges them.
      const levels = [i.globalValue, i.workspaceValue, i.workspaceFolderValue].filter((v) => v && typeof v === 'object');
      value = levels.length ? Object.assign({}, ...levels) : undefined;
    } else {
      value = i.workspaceFolderValue ?? i.workspaceValue ?? i.globalValue;
    }
    if (value === undefined) continue;
    const path = key.split('.');
    let target = out;
    for (const p of path.slice(0, -1)) target = (target[p] ??= {}) as Record<string, unknown>;
    target[path[path.length - 1]] = value;
  }
  return out;
}
