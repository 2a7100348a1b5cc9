import { isUtf8 } from 'node:buffer';
import { promises as fs } from 'node:fs';
import { formatBytes, t, type Locale } from '../core/i18n';

export type ReadResult =
  | { ok: true; text: string; hadBom: boolean; notes: string[]; size: number }
  | { ok: false; reason: 'too-large' | 'binary'; message: string; size: number };

/**
 * Read a draft from disk the way an editor would: UTF-8, BOM removed (and remembered so a fix
 * can write it back), invalid bytes decoded as U+FFFD with a note, binary files and files over
 * the size limit refused with a message instead of being analysed.
 */
export async function readDraft(path: string, maxFileSize: number, locale: Locale): Promise<ReadResult> {
  const stat = await fs.stat(path);
  if (stat.size > maxFileSize) {
    return { ok: false, reason: 'too-large', size: stat.size, message: t(locale, 'file.tooLarge', formatBytes(stat.size), formatBytes(maxFileSize)) };
  }
  return decodeDraft(await fs.readFile(path), locale);
}

export function decodeDraft(bytes: Uint8Array, locale: Locale): ReadResult {
  if (looksBinary(bytes)) return { ok: false, reason: 'binary', size: bytes.length, message: t(locale, 'file.binary') };
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;
  const notes: string[] = [];
  let text: string;
  // Valid UTF-8 not opening with a second BOM (which TextDecoder would drop) is decoded by the
  // fast native path: the same string, several times quicker on a draft of megabytes.
  const secondBom = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
  if (!secondBom && isUtf8(body)) return { ok: true, text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), hadBom, notes, size: bytes.length };
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = new TextDecoder('utf-8', { fatal: false }).decode(body);
    notes.push(t(locale, 'file.invalidUtf8'));
  }
  return { ok: true, text, hadBom, notes, size: bytes.length };
}

/**
 * A NUL byte in the first 8 KiB, or mostly control bytes, means binary (as git decides).
 * UTF-16 files with a BOM are binary to us: drafts are UTF-8.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  return binaryByCodes(bytes.length, (i) => bytes[i]);
}

/**
 * The same rule on text an editor has already decoded (a binary file forced open as text): a NUL
 * or mostly control characters in the first 8 K characters.
 */
export function looksBinaryText(text: string): boolean {
  return binaryByCodes(text.length, (i) => text.charCodeAt(i));
}

function binaryByCodes(length: number, codeAt: (i: number) => number): boolean {
  const n = Math.min(length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = codeAt(i);
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control / n > 0.1;
}
