import { SaxesParser } from 'saxes';

/**
 * XML as a flat list of tokens, each with its exact offsets in the original string, so that an
 * adapter can map text content back to the characters the user sees. Text tokens are the raw
 * character data between two pieces of markup: entity references are still in them.
 */
export type XmlToken =
  | { kind: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean; start: number; end: number }
  | { kind: 'close'; name: string; start: number; end: number }
  | { kind: 'text'; start: number; end: number }
  /** start/end: the content between `<![CDATA[` and `]]>`. */
  | { kind: 'cdata'; start: number; end: number }
  /** start/end: the comment body between `<!--` and `-->`. */
  | { kind: 'comment'; start: number; end: number }
  /** XML declaration, processing instruction or DOCTYPE: markup with no text. */
  | { kind: 'other'; start: number; end: number };

export interface XmlError {
  message: string;
  /** Offset in the original where the parser gave up (its position tracking). */
  offset: number;
}

export interface XmlTokens {
  tokens: XmlToken[];
  /** The first well-formedness error, if any: the tokens then come from the tolerant scanner. */
  error?: XmlError;
}

/**
 * Tokenise a document. A well-formed document is read by saxes (the reference parser: namespaces,
 * entities, nesting all checked); markup offsets come from its position tracking, which reports
 * the offset just past each piece of markup. In well-formed XML no `<` occurs in character data,
 * so each piece of markup starts at the first `<` after the previous one ended, and the gap
 * between them is text.
 *
 * A malformed document gets the first error reported and is then read by `scanTokens`, which
 * never fails: drafts exported half-way or edited by hand must still be checked.
 */
export function tokenize(original: string): XmlTokens {
  const tokens: XmlToken[] = [];
  let error: XmlError | undefined;
  const parser = new SaxesParser({ xmlns: false, position: true });
  let last = 0;
  const markupStart = () => {
    const start = original.indexOf('<', last);
    const at = start < 0 ? original.length : start;
    if (at > last) tokens.push({ kind: 'text', start: last, end: at });
    return at;
  };
  const endAfter = (terminator: string, from: number) => {
    const i = original.indexOf(terminator, from);
    return i < 0 ? original.length : i + terminator.length;
  };

  parser.on('error', (e) => {
    error ??= { message: e.message, offset: Math.min(parser.position, original.length) };
  });
  // A text handler makes saxes check entity references in text too.
  parser.on('text', () => undefined);
  parser.on('xmldecl', () => {
    const start = markupStart();
    last = endAfter('?>', start + 2);
    tokens.push({ kind: 'other', start, end: last });
  });
  parser.on('processinginstruction', () => {
    const start = markupStart();
    last = endAfter('?>', start + 2);
    tokens.push({ kind: 'other', start, end: last });
  });
  parser.on('doctype', () => {
    const start = markupStart();
    last = parser.position;
    tokens.push({ kind: 'other', start, end: last });
  });
  parser.on('comment', () => {
    const start = markupStart();
    last = endAfter('-->', start + 4);
    tokens.push({ kind: 'comment', start: start + 4, end: last - 3 });
  });
  parser.on('cdata', () => {
    const start = markupStart();
    last = endAfter(']]>', start + 9);
    tokens.push({ kind: 'cdata', start: start + 9, end: last - 3 });
  });
  parser.on('opentag', (tag) => {
    const start = markupStart();
    last = parser.position;
    tokens.push({ kind: 'open', name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, selfClosing: tag.isSelfClosing, start, end: last });
  });
  parser.on('closetag', (tag) => {
    // `<x/>` closes where it opened: an empty close token.
    if (tag.isSelfClosing) {
      tokens.push({ kind: 'close', name: tag.name, start: last, end: last });
      return;
    }
    const start = markupStart();
    last = parser.position;
    tokens.push({ kind: 'close', name: tag.name, start, end: last });
  });

  try {
    parser.write(original).close();
  } catch (e) {
    error ??= { message: (e as Error).message, offset: Math.min(parser.position, original.length) };
  }
  if (error) return { tokens: scanTokens(original), error };
  if (last < original.length) tokens.push({ kind: 'text', start: last, end: original.length });
  return { tokens };
}

// One alternative per kind of markup; whatever none of them matches is text. Unterminated
// constructs run to the end of the file rather than swallowing nothing.
const MARKUP =
  /<!--([\s\S]*?)(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>?|<(\/?)([A-Za-z_:][^\s/>"'=]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const MARKUP_AT = new RegExp(MARKUP.source, 'y');
const ATTRIBUTE = /([^\s=/>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Where a tag opened at a "<" could close: the pattern's tag alternative reads on to the first
 * ">" outside quotation marks, and fails at the end of the file or at a quotation mark never
 * closed. Asked of every "<" of "<a <a <a …" with no ">", that reading would cover the rest of
 * the file each time (quadratic); here each position outside quotes is read once, remembering
 * whether a ">" is reached from it.
 */
class TagEnds {
  /** 0 not read yet, 1 a ">" follows, 2 none does. */
  readonly #from: Uint8Array;

  constructor(private readonly text: string) {
    this.#from = new Uint8Array(text.length + 1);
  }

  /** False only where the pattern certainly matches nothing at `lt`. */
  mayMatchAt(lt: number): boolean {
    const text = this.text;
    let i = lt + 1;
    if (text.charCodeAt(i) === 0x21 /* ! */ || text.charCodeAt(i) === 0x3f /* ? */) return true;
    if (text.charCodeAt(i) === 0x2f /* / */) i++;
    if (!/[A-Za-z_:]/.test(text[i] ?? '')) return false;
    return this.#closesFrom(i + 1);
  }

  #closesFrom(start: number): boolean {
    const text = this.text;
    const memo = this.#from;
    const read: number[] = [];
    let i = start;
    let closes: boolean;
    for (;;) {
      if (i >= text.length) {
        closes = false;
        break;
      }
      if (memo[i]) {
        closes = memo[i] === 1;
        break;
      }
      read.push(i);
      const c = text.charCodeAt(i);
      if (c === 0x3e /* > */) {
        closes = true;
        break;
      }
      if (c === 0x22 || c === 0x27) {
        const j = text.indexOf(c === 0x22 ? '"' : "'", i + 1);
        if (j < 0) {
          closes = false;
          break;
        }
        i = j + 1;
      } else i++;
    }
    for (const r of read) memo[r] = closes ? 1 : 2;
    return closes;
  }
}

/**
 * A tolerant tokeniser for malformed XML: tags, comments, CDATA and declarations by pattern,
 * everything else text (a stray `<` included). Attribute values keep their entity references
 * undecoded except the five predefined ones.
 */
export function scanTokens(original: string): XmlToken[] {
  const tokens: XmlToken[] = [];
  let last = 0;
  const closes = new TagEnds(original);
  // Every kind of markup starts with "<": try the pattern at each "<" in turn (where the global
  // search would find its next match), except where a tag could not close.
  for (let lt = original.indexOf('<'); lt >= 0; lt = original.indexOf('<', lt + 1)) {
    if (!closes.mayMatchAt(lt)) continue;
    MARKUP_AT.lastIndex = lt;
    const m = MARKUP_AT.exec(original);
    if (!m) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (start > last) tokens.push({ kind: 'text', start: last, end: start });
    last = end;
    if (m[1] !== undefined) tokens.push({ kind: 'comment', start: start + 4, end: start + 4 + m[1].length });
    else if (m[2] !== undefined) tokens.push({ kind: 'cdata', start: start + 9, end: start + 9 + m[2].length });
    else if (m[4] === undefined) tokens.push({ kind: 'other', start, end });
    else if (m[3]) tokens.push({ kind: 'close', name: m[4], start, end });
    else {
      const selfClosing = m[6] === '/';
      tokens.push({ kind: 'open', name: m[4], attributes: attributesOf(m[5]), selfClosing, start, end });
      if (selfClosing) tokens.push({ kind: 'close', name: m[4], start: end, end });
    }
    lt = end - 1;
  }
  if (last < original.length) tokens.push({ kind: 'text', start: last, end: original.length });
  return tokens;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function attributesOf(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let a = ATTRIBUTE.exec(source); a; a = ATTRIBUTE.exec(source)) {
    out[a[1]] = (a[2] ?? a[3] ?? '').replace(/&(amp|lt|gt|quot|apos);/g, (_, n: string) => PREDEFINED[n]);
  }
  return out;
}
