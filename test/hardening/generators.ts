/**
 * Random drafts and editing sessions for the hardening properties and `npm run fuzz`: pieces of
 * real drafting (numbering, offences, exemptions, deprecated terms in every spelling, quotations
 * of every style, directives) glued with hostile Unicode (astral characters, combining marks,
 * right-to-left and zero-width characters, no-break spaces, lone surrogates, NUL, CR/LF mixes).
 *
 * A case is plain JSON so that a failing one can be written to test/fuzz-corpus and replayed.
 */
import fc from 'fast-check';

export type DraftFormat = 'plaintext' | 'markdown';

/** One incremental change: offsets are taken modulo the current length when applied. */
export interface EditOp {
  /** Where the replaced range starts (modulo length + 1). */
  at: number;
  /** How many UTF-16 units it covers (capped at the end of the text). */
  length: number;
  text: string;
  /**
   * How the range is sent: 'offsets' as exact positions, 'raw' as a (line, character) pair that
   * may lie past a line's end or past the last line (editors do send such ranges), 'full' as a
   * whole-document change without a range.
   */
  mode: 'offsets' | 'raw' | 'full';
  /** Sent in the same didChange notification as the previous op. */
  batched: boolean;
}

export interface DraftCase {
  format: DraftFormat;
  text: string;
  edits: EditOp[];
}

/** Deprecated terms in the spellings drafters actually write. */
export const TERMS = [
  'child pornography', 'Child Pornography', 'CHILD PORNOGRAPHY', 'Child pornography', 'child-pornography', 'child\npornography',
  'child\r\npornography', 'child-\npornography', 'child pornography’s', "child pornography's", 'child\u00a0pornography', 'child  pornography',
  'kiddy porn', 'kiddy-porn', 'kiddie porn', 'child porn', 'child prostitute', 'child prostitutes', 'child prostitution',
  'child sex tourism', 'sextortion', 'Sextortion', 'child pornographic images', 'a child pornography offence',
  'pédopornographie', 'Pédopornographie', 'PÉDOPORNOGRAPHIE', 'pedopornographie', 'la pédopornographie', 'de la pédopornographie',
  'pe\u0301dopornographie', 'pornographie infantile', 'de la pornographie infantile', 'pornographie enfantine', 'prostitution infantile',
  'Kinderpornografie', 'Kinderpornographie', 'kinderpornografische Schriften', 'Kinderpornografiedelikt', 'Kinderprostitution',
  'pornografía infantil', 'de la pornografía infantil', 'la pornografía infantil', 'prostitución infantil',
];

/** Numbering in many drafting styles. */
const NUMBERING = [
  'Section 160A', 'Section 160A.', 'Section 52B —', 's. 52B', '(1)', '(2)', '(a)', '(b)', '(iv)', 'Article 227-23', 'Article 1er',
  'Art. 20(1)(f)', '1°', '2°', '§ 207a', '§ 184b Abs. 3', 'Artículo 189', 'PART 2', 'Chapter IV', '4.—(1)', 'Article 20 –', 'a)', 'Z 1',
];

/** Offences, exemptions and amendments in drafting language. */
const PROSE = [
  'A person who possesses', 'A person who produces, distributes or transmits', 'commits an offence', 'shall be punished',
  'is liable on conviction to imprisonment for a term not exceeding 5 years', 'knowingly obtains access, through information and communication technologies, to',
  'It is not an offence for a child to possess an image of themselves kept for private use',
  'where both persons have reached the age of sexual consent and the image was produced with their consent',
  'where the image was received passively without being requested', 'children are prosecuted only as a last resort',
  'A person who, through information and communication technologies, proposes to meet a child', 'threatens to disclose images of a child',
  'est puni de cinq ans d’emprisonnement', 'Le fait de détenir', 'n’est pas punissable le mineur qui', 'à des fins sexuelles',
  'Wer … besitzt, wird mit Freiheitsstrafe bestraft', 'será castigado con la pena de prisión', 'In this Act,', 'means any representation of a child',
  'In section 160, for', 'substitute', 'is amended as follows:', 'Article 20(2) of the Convention reads as follows:',
  'the Optional Protocol on the sale of children, child prostitution and child pornography',
  'Directive 2011/93/EU on combating the sexual abuse and sexual exploitation of children and child pornography',
  'the Child Pornography Prevention Act of 1996', 'L’article 227-23 est ainsi rédigé :', 'self-generated images', 'sexual extortion',
];

const QUOTES: [string, string][] = [
  ['"', '"'], ['“', '”'], ['‘', '’'], ["'", "'"], ['«\u00a0', '\u00a0»'], ['«', '»'], ['„', '“'], ['‹', '›'], ['»', '«'], ['「', '」'], ['"', ''], ['', '”'],
];

const DIRECTIVES = [
  'lanzarote-disable-next-line II-1 -- the 1978 Act is quoted as enacted', '<!-- lanzarote-disable II-6, II-8 -- exemptions elsewhere -->',
  '<!-- lanzarote-enable II-6, II-8 -->', 'lanzarote-disable', 'lanzarote-enable', 'lanzarote-disable-line II-1', 'lanzarote-disable-next-line II-13',
  'lanzarote-disable-next-line Art.20(1)(f) — reason', 'lanzarote-language: fr', 'lanzarote-language: xx', '<!-- lanzarote-disable-next-line -->',
  'lanzarote-disable-next-line constructor __proto__ toString', 'lanzarote-disable II-1 -->',
];

/** Characters that break naive code: each is one piece. */
export const HOSTILE = [
  '\n', '\r\n', '\r', '\n\n', '\r\r\n', '\n\r', ' ', '\t', '\u00a0', '\u202f', '\u2007', '\u3000', '\f', '\v',
  '𝔸', '𝔹', '😀', '👩‍👧', '🏳️‍🌈', '\u{1F1EB}\u{1F1F7}', 'e\u0301', '\u0301', '\u0301\u0302\u0303', 'a\u20dd',
  '\u202e', '\u202d', '\u200f', '\u200e', '\u2066', '\u2069', 'שלום', 'مرحبا', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad',
  '\ud800', '\udc00', '\udbff', '\udfff', '\ud83d', '\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\ufffd', '\uffff',
  '<', '>', '&amp;', '<!--', '-->', '*', '_', '`', '```', '> ', '#', '\\', '"', '“', '”', '«', '»', '’', "'",
];

const pick = (xs: readonly string[]) => fc.constantFrom(...xs);

const quotation = fc.tuple(fc.constantFrom(...QUOTES), fc.oneof(pick(TERMS), pick(PROSE)), fc.constantFrom('for %s substitute "child sexual abuse material"', '%s', 'the words %s', '%s means', 'omit %s', 'reads: %s')).map(
  ([[open, close], inner, frame]) => frame.replace('%s', `${open}${inner}${close}`),
);

const markdown = fc.constantFrom('# ', '## ', '> ', '- ', '1. ', '**', '_', '`', '```\n', '\n---\n', '<!-- comment -->', '[link](http://example.invalid)');

/** A piece of a draft; weights favour realistic text with hostile characters sprinkled in. */
export const piece = fc.oneof(
  { weight: 4, arbitrary: pick(TERMS) },
  { weight: 3, arbitrary: pick(PROSE) },
  { weight: 3, arbitrary: pick(NUMBERING) },
  { weight: 2, arbitrary: quotation },
  { weight: 6, arbitrary: pick(HOSTILE) },
  { weight: 4, arbitrary: pick([' ', ' ', '\n', '. ', ', ', '; ', ': ', ' — ', '\r\n', '\n\n']) },
  { weight: 1, arbitrary: pick(DIRECTIVES) },
  { weight: 1, arbitrary: markdown },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

/** What sits between two pieces: mostly a space or a line break, sometimes nothing at all (glued words). */
const separator = fc.constantFrom(' ', ' ', ' ', ' ', '\n', '\n', '\r\n', '', '\n\n', '. ', '\u00a0');

export const draftText = (maxPieces = 60) =>
  fc.array(fc.tuple(piece, separator), { maxLength: maxPieces, size: 'medium' }).map((parts) => parts.map(([p, sep]) => p + sep).join(''));

const editOp: fc.Arbitrary<EditOp> = fc.record({
  at: fc.nat({ max: 100_000 }),
  length: fc.oneof(fc.constant(0), fc.nat({ max: 4 }), fc.nat({ max: 60 })),
  text: fc.oneof({ weight: 3, arbitrary: fc.array(fc.tuple(piece, separator), { maxLength: 4 }).map((p) => p.map(([x, sep]) => x + sep).join('')) }, { weight: 1, arbitrary: fc.constant('') }),
  mode: fc.constantFrom<EditOp['mode'][]>('offsets', 'offsets', 'offsets', 'offsets', 'raw', 'full'),
  batched: fc.boolean(),
});

export function draftCase(options: { maxPieces?: number; maxEdits?: number } = {}): fc.Arbitrary<DraftCase> {
  return fc.record({
    format: fc.constantFrom<DraftFormat[]>('plaintext', 'plaintext', 'markdown'),
    text: draftText(options.maxPieces ?? 60),
    edits: fc.array(editOp, { maxLength: options.maxEdits ?? 12 }),
  });
}

export const EXTENSION: Record<DraftFormat, string> = { plaintext: 'txt', markdown: 'md' };
export const LANGUAGE_ID: Record<DraftFormat, string> = { plaintext: 'plaintext', markdown: 'markdown' };
