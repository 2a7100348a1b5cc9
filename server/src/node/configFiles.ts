import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { defaultSettings, parseSettingsFile, type Settings, type SettingsProblem } from '../core/settings';

export const CONFIG_FILE_NAME = '.lanzarote.json';

export interface LoadedConfig {
  /** The configuration file that applies, if any. */
  file?: string;
  settings: Settings;
  problems: SettingsProblem[];
}

/**
 * Find the `.lanzarote.json` that governs a file: in its folder or the nearest ancestor.
 * Results are cached per folder and per file modification time, so linting a folder reads
 * each configuration once.
 */
export class ConfigFinder {
  readonly #byFolder = new Map<string, string | null>();
  readonly #parsed = new Map<string, { mtimeMs: number; result: LoadedConfig }>();

  constructor(private readonly base: Settings = defaultSettings()) {}

  forFile(filePath: string): LoadedConfig {
    const file = this.locate(path.dirname(path.resolve(filePath)));
    return file ? this.load(file) : { settings: this.base, problems: [] };
  }

  locate(folder: string): string | undefined {
    const cached = this.#byFolder.get(folder);
    if (cached !== undefined) return cached ?? undefined;
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    let found: string | undefined;
    if (existsSync(candidate) && statSync(candidate).isFile()) found = candidate;
    else {
      const parent = path.dirname(folder);
      found = parent !== folder ? this.locate(parent) : undefined;
    }
    this.#byFolder.set(folder, found ?? null);
    return found;
  }

  load(file: string): LoadedConfig {
    const mtimeMs = statSync(file).mtimeMs;
    const cached = this.#parsed.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.result;
    let result: LoadedConfig;
    try {
      const text = readFileSync(file, 'utf8');
      if (text.length > 1024 * 1024) {
        result = { file, settings: this.base, problems: [{ key: '', message: 'The configuration file is larger than 1 MiB; it was not read.' }] };
      } else {
        const parsed = parseSettingsFile(text, this.base);
        result = { file, ...parsed };
      }
    } catch (e) {
      result = { file, settings: this.base, problems: [{ key: '', message: `Cannot read the file: ${(e as Error).message}` }] };
    }
    this.#parsed.set(file, { mtimeMs, result });
    return result;
  }
}
