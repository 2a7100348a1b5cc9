/**
 * Character data as runs: verbatim runs (the same characters in the file and in the text) and
 * decoded references (`&amp;` → "&", `&#233;` → "é"), which are shorter or longer than what the
 * file holds and so cannot map back character by character. Callers give verbatim runs a segment
 * and references none, which makes every reference a segment boundary.
 */
export interface TextRun {
  text: string;
  /** Offset of the run in the original, for verbatim runs only. */
  originalStart?: number;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(?:#(\d{1,7})|#x([0-9A-Fa-f]{1,6})|([A-Za-z_][\w.-]*));/g;

export function textRuns(original: string, start: number, end: number): TextRun[] {
  const runs: TextRun[] = [];
  const raw = original.slice(start, end);
  if (!raw.includes('&')) return raw ? [{ text: raw, originalStart: start }] : [];
  let last = 0;
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(raw); m; m = REFERENCE.exec(raw)) {
    const decoded = decode(m);
    // An undefined entity (malformed XML, or one declared in a DTD we do not read) stays as written.
    if (decoded === undefined) continue;
    if (m.index > last) runs.push({ text: raw.slice(last, m.index), originalStart: start + last });
    runs.push({ text: decoded });
    last = m.index + m[0].length;
  }
  if (last < raw.length) runs.push({ text: raw.slice(last), originalStart: start + last });
  return runs;
}

function decode(m: RegExpExecArray): string | undefined {
  if (m[3] !== undefined) return PREDEFINED[m[3]];
  const code = m[1] !== undefined ? Number(m[1]) : parseInt(m[2], 16);
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}
