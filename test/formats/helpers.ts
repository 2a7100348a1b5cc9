import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SaxesParser } from 'saxes';

export const ROOT = path.resolve(__dirname, '../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures/formats');

export const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

/** The text between two 1-based positions counted in code points (the CLI's JSON positions). */
export function sliceByCodePoints(text: string, line: number, column: number, endLine: number, endColumn: number): string {
  const lines = text.split(/\r\n|\r|\n/);
  const offset = (l: number, c: number) => {
    let o = 0;
    for (let i = 0; i < l - 1; i++) o += [...lines[i]].length + 1;
    return o + c - 1;
  };
  return [...text.replace(/\r\n|\r/g, '\n')].slice(offset(line, column), offset(endLine, endColumn)).join('');
}

/** Flagged text made comparable across formats: markup dropped, white space collapsed. */
export function plainWords(s: string): string {
  return s.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Throws unless `xml` is well-formed (saxes, the parser the adapter itself trusts). */
export function assertWellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let error: Error | undefined;
  parser.on('error', (e) => (error ??= e));
  parser.write(xml).close();
  if (error) throw error;
}

/** The start and end tags of a document, in order: what --fix must leave alone. */
export function markup(xml: string): string[] {
  return xml.match(/<[^>]*>/g) ?? [];
}

/** Generate a .docx from a Markdown draft with the sample script, as a user would. */
export function makeDocx(markdownPath: string, output: string): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/make-sample-docx.mjs'), markdownPath, output], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}
