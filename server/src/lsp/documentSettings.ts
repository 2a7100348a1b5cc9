import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { localeFrom, t, type Locale } from '../core/i18n';
import { cloneSettings, defaultSettings, validateSettings, type Settings, type SettingsProblem } from '../core/settings';
import { ConfigFinder, CONFIG_FILE_NAME, type LoadedConfig } from '../node/configFiles';
import { CONFIGURATION_SECTION } from './protocol';
import './messages';

export interface SettingsOptions {
  /** The client answers workspace/configuration (settings per document). */
  configurationRequests: boolean;
  /** InitializeParams.locale: the editor's display language. */
  clientLocale: string | undefined;
  workspaceTrusted: boolean;
}

/**
 * Settings per document: the editor's `lanzarote` settings over the nearest `.lanzarote.json`
 * over the defaults. Never kept as server globals: resolved per document and cached until
 * settings, the configuration file or the workspace change. Invalid values are reported once
 * and ignored, so a typo never stops the analysis.
 */
export class DocumentSettings {
  readonly #connection: Connection;
  readonly #options: SettingsOptions;
  readonly #cache = new Map<string, Promise<Settings>>();
  readonly #reported = new Set<string>();
  #finder: ConfigFinder;
  /** Editor settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  #pushed: unknown = undefined;
  #folders: string[] = [];
  /** Bumped on every change that can alter settings; part of each cached analysis's key. */
  generation = 0;

  constructor(connection: Connection, options: SettingsOptions) {
    this.#connection = connection;
    this.#options = options;
    this.#finder = new ConfigFinder(this.#base());
  }

  get locale(): Locale {
    return localeFrom(this.#options.clientLocale);
  }

  setWorkspaceFolders(uris: string[]): void {
    this.#folders = uris.map(filePath).filter((p): p is string => !!p);
    this.invalidate();
  }

  setTrusted(trusted: boolean): void {
    this.#options.workspaceTrusted = trusted;
    this.invalidate();
  }

  /** didChangeConfiguration: with workspace/configuration the payload is only a signal. */
  setPushedSettings(settings: unknown): void {
    if (!this.#options.configurationRequests) {
      this.#pushed = (settings as Record<string, unknown> | null | undefined)?.[CONFIGURATION_SECTION];
    }
    this.invalidate();
  }

  /** A .lanzarote.json was created, changed or deleted: look for configuration files afresh. */
  configFilesChanged(): void {
    this.#finder = new ConfigFinder(this.#base());
    this.invalidate();
  }

  invalidate(): void {
    this.#cache.clear();
    this.generation++;
  }

  forget(uri: string): void {
    this.#cache.delete(uri);
  }

  settingsFor(uri: string): Promise<Settings> {
    let s = this.#cache.get(uri);
    if (!s) {
      s = this.#resolve(uri);
      this.#cache.set(uri, s);
    }
    return s;
  }

  /** The language of messages outside any document (custom requests). */
  async globalLocale(): Promise<Locale> {
    const editor = await this.#editorSettings(undefined);
    const locale = (editor as Record<string, unknown> | undefined)?.locale;
    return locale === 'en' || locale === 'fr' ? locale : this.locale;
  }

  #base(): Settings {
    const base = cloneSettings(defaultSettings());
    base.locale = this.locale;
    return base;
  }

  async #resolve(uri: string): Promise<Settings> {
    const fromFile = this.#fileSettings(uri);
    const editor = await this.#editorSettings(uri);
    const { settings, problems } = validateSettings(editorToCore(editor), fromFile);
    problems.push(...editorShapeProblems(editor));
    for (const p of problems) this.#report(`editor:${p.key}:${p.message}`, t(this.locale, 'settings.ignored', 'settings', editorKey(p.key), p.message));
    return settings;
  }

  #fileSettings(uri: string): Settings {
    const file = filePath(uri);
    // An untitled draft takes the configuration of the first workspace folder.
    const probe = file ?? (this.#folders[0] ? path.join(this.#folders[0], 'untitled') : undefined);
    if (!probe) return this.#base();
    let loaded: LoadedConfig;
    try {
      loaded = this.#finder.forFile(probe);
    } catch (e) {
      this.#connection.console.error(`Reading ${CONFIG_FILE_NAME} for ${uri}: ${(e as Error).message}`);
      return this.#base();
    }
    if (!loaded.file) return loaded.settings;
    let settings = loaded.settings;
    let problems = loaded.problems;
    if (!this.#options.workspaceTrusted && this.#inWorkspace(loaded.file)) {
      // Restricted mode: a workspace's own file may only change how findings are shown.
      const base = this.#base();
      settings = { ...base, severity: { ...loaded.settings.severity }, quotations: loaded.settings.quotations };
      problems = problems.filter((p) => p.key === '' || p.key.startsWith('severity') || p.key === 'quotations');
      this.#report(`untrusted:${loaded.file}`, t(this.locale, 'settings.untrusted', loaded.file), 'info');
    }
    for (const p of problems) this.#reportFileProblem(loaded.file, p);
    return settings;
  }

  #inWorkspace(file: string): boolean {
    // With no folders known, every file counts as the workspace's (the cautious reading).
    return this.#folders.length === 0 || this.#folders.some((f) => !path.relative(f, file).startsWith('..'));
  }

  async #editorSettings(uri: string | undefined): Promise<unknown> {
    if (!this.#options.configurationRequests) return this.#pushed;
    try {
      return await this.#connection.workspace.getConfiguration(uri ? { scopeUri: uri, section: CONFIGURATION_SECTION } : { section: CONFIGURATION_SECTION });
    } catch (e) {
      this.#connection.console.warn(`workspace/configuration failed: ${(e as Error).message}`);
      return undefined;
    }
  }

  #reportFileProblem(file: string, p: SettingsProblem): void {
    const where = `${file}${p.line ? `:${p.line}:${p.column}` : ''}`;
    const message = p.key ? t(this.locale, 'settings.ignored', where, p.key, p.message) : t(this.locale, 'settings.ignoredNoKey', where, p.message);
    // Keyed by the message with its position: an edit that moves or changes the problem reports it again.
    this.#report(`file:${message}`, message);
  }

  #report(key: string, message: string, level: 'warning' | 'info' = 'warning'): void {
    if (this.#reported.has(key)) return;
    this.#reported.add(key);
    this.#connection.console.log(message);
    // A notification, not a request: nothing waits for the user to dismiss it.
    void this.#connection.sendNotification(ShowMessageNotification.type, { type: level === 'warning' ? MessageType.Warning : MessageType.Info, message });
  }
}

/** Keys of the `lanzarote` section in the extension manifest (documentTypes and trace are the client's). */
const EDITOR_KEYS = ['severity', 'quotations', 'languages', 'documentLanguage', 'maxFileSize', 'locale', 'jurisdiction', 'documentTypes', 'trace'];

/** What validateSettings cannot see once editorToCore has picked the known keys: a section that is no object, unknown keys. */
function editorShapeProblems(value: unknown): SettingsProblem[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) return [{ key: '', message: 'Must be an object of settings, e.g. { "quotations": "hide" }.' }];
  return Object.keys(value)
    .filter((k) => !EDITOR_KEYS.includes(k))
    .map((k) => ({ key: k, message: `Unknown setting "${CONFIGURATION_SECTION}.${k}". Known settings: ${EDITOR_KEYS.slice(0, 7).map((x) => `${CONFIGURATION_SECTION}.${x}`).join(', ')}.` }));
}

/** A problem's key as the user wrote it in the editor's settings (the core says "language" for documentLanguage). */
function editorKey(key: string): string {
  const name = key === 'language' ? 'documentLanguage' : key;
  return name ? `${CONFIGURATION_SECTION}.${name}` : CONFIGURATION_SECTION;
}

/**
 * Editor settings use the names in the extension manifest (lanzarote.documentLanguage …); the core
 * reads the names of .lanzarote.json. Settings that only the client uses are dropped here, and an
 * unset value (null) never overrides the file, except for the jurisdiction, where null means "unknown".
 */
export function editorToCore(value: unknown): Record<string, unknown> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const copy = (from: string, to = from) => {
    if (v[from] !== undefined && v[from] !== null) out[to] = v[from];
  };
  copy('severity');
  copy('quotations');
  copy('languages');
  copy('documentLanguage', 'language');
  copy('maxFileSize');
  if (v.locale !== undefined && v.locale !== null && v.locale !== 'auto') out.locale = v.locale;
  if (v.jurisdiction && typeof v.jurisdiction === 'object' && !Array.isArray(v.jurisdiction)) {
    const j: Record<string, unknown> = {};
    for (const [k, n] of Object.entries(v.jurisdiction)) if (n !== undefined) j[k] = n;
    if (Object.keys(j).length) out.jurisdiction = j;
  } else if (v.jurisdiction !== undefined && v.jurisdiction !== null) out.jurisdiction = v.jurisdiction;
  return out;
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
