/**
 * Character classes shared by the terminology matcher, the quotation finder and the structure
 * reader. All work on UTF-16 code units so that scanning stays a single linear pass.
 */

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const wordCache = new Int8Array(0x10000); // 0 = unknown, 1 = word, 2 = not word

/** Letters, digits and combining marks: what a term must not be glued to. */
export function isWordCode(code: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  // Surrogates: astral letters are rare in legislation; treat them as non-word characters.
  if (code >= 0xd800 && code <= 0xdfff) return false;
  let v = wordCache[code];
  if (v === 0) {
    v = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
    wordCache[code] = v;
  }
  return v === 1;
}

const MARK = /\p{M}/u;
const markCache = new Int8Array(0x10000);
export function isCombiningMark(code: number): boolean {
  if (code < 0x300) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  let v = markCache[code];
  if (v === 0) {
    v = MARK.test(String.fromCharCode(code)) ? 1 : 2;
    markCache[code] = v;
  }
  return v === 1;
}

/** Spaces that separate words, including no-break spaces used in French typography. */
export function isSpaceCode(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 0xa0 || code === 0x202f || code === 0x2007 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x3000 || code === 0x0c || code === 0x0b
  );
}

export function isLineBreakCode(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029 || code === 0x85;
}

/** Hyphens that join the parts of a compound term ("child-pornography"). */
export function isHyphenCode(code: number): boolean {
  return code === 45 || code === 0x2010 || code === 0x2011 || code === 0x2012;
}

/** Invisible characters that may sit inside a word without changing it. */
export function isInvisibleCode(code: number): boolean {
  return code === 0xad /* soft hyphen */ || code === 0x200b || code === 0x200c || code === 0x200d ||
    code === 0x2060 || code === 0xfeff || code === 0x200e || code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

export function isApostropheCode(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 0x02bc || code === 0x2032;
}

const foldCache = new Uint16Array(0x10000);
/**
 * Case- and accent-insensitive form of one UTF-16 code unit: lower case, base letter only.
 * Returns 0 for a combining mark (to be skipped).
 */
export function foldCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  let v = foldCache[code];
  if (v === 0) {
    if (isCombiningMark(code)) {
      v = 0xffff;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      v = code;
    } else {
      const ch = String.fromCharCode(code);
      const base = ch.toLowerCase().normalize('NFD');
      v = base.length > 0 ? base.charCodeAt(0) : code;
      if (v === 0x131 /* dotless i */) v = 105;
      if (code === 0xdf /* ß */) v = 0xdf;
    }
    foldCache[code] = v;
  }
  return v === 0xffff ? 0 : v;
}

/** Fold a whole string (used at compile time for term forms). */
export function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isApostropheCode(c)) {
      out += "'";
      continue;
    }
    const f = foldCode(c);
    if (f !== 0) out += String.fromCharCode(f);
  }
  return out;
}
