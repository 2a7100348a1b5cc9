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
    const { mtimeMs, size } = statSync(file);
    const cached = this.#parsed.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.result;
    let result: LoadedConfig;
    try {
      // Size first: a huge file (or a link to one) is never read into memory.
      if (size > 1024 * 1024) {
        result = { file, settings: this.base, problems: [{ key: '', message: 'The configuration file is larger than 1 MiB; it was not read.' }] };
      } else {
        // Editors on Windows (Notepad) save UTF-8 with a byte order mark: not part of the JSON.
        const parsed = parseSettingsFile(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), this.base);
        result = { file, ...parsed };
      }
    } catch (e) {
      const message = e instanceof RangeError ? 'The file is nested too deeply to be a configuration; it was not read.' : `Cannot read the file: ${(e as Error).message}`;
      result = { file, settings: this.base, problems: [{ key: '', message }] };
    }
    this.#parsed.set(file, { mtimeMs, result });
    return result;
  }
}
