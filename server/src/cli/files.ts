import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { isAkomaNtoso } from '../core/formats';

/** File extensions linted when a folder is given (.xml only when it is Akoma Ntoso, see isDraftFile). */
export const DRAFT_EXTENSIONS = ['.txt', '.draft', '.bill', '.md', '.markdown', '.akn', '.xml', '.docx'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', 'test-results']);

export class UsageError extends Error {}

/**
 * Expand the command line's files, folders and globs into a sorted, de-duplicated list of
 * files. Explicit files are always included; folder and glob members are filtered by the
 * draft extensions and the ignore patterns.
 */
export async function expandInputs(inputs: string[], cwd: string, ignore: string[]): Promise<string[]> {
  const found = new Set<string>();
  const isIgnored = ignore.length ? picomatch(ignore, { dot: true }) : () => false;
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      found.add(abs);
    } else if (stat?.isDirectory()) {
      for (const f of await walk(abs)) if (!isIgnored(path.relative(cwd, f))) found.add(f);
    } else if (/[*?[\]{}]/.test(input)) {
      const matches = await glob(input, { cwd, absolute: true, dot: false, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
      for (const f of matches) if (!isIgnored(path.relative(cwd, f))) found.add(path.resolve(f));
    } else {
      throw new UsageError(`No such file or folder: ${input}`);
    }
  }
  return [...found].sort();
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(e.name) && !e.name.startsWith('.')) out.push(...(await walk(p)));
    } else if (e.isFile() && (await isDraftFile(p))) {
      out.push(p);
    }
  }
  return out;
}

/** A draft by its extension; an .xml file only when its first 2 KB declare Akoma Ntoso (other XML is skipped silently). */
export async function isDraftFile(p: string): Promise<boolean> {
  const ext = path.extname(p).toLowerCase();
  if (!DRAFT_EXTENSIONS.includes(ext)) return false;
  if (ext !== '.xml') return true;
  const handle = await fs.open(p, 'r');
  try {
    const buffer = Buffer.alloc(2048);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return isAkomaNtoso(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}
