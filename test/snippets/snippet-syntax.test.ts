import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { expandClause, parseSnippet } from '../../server/src/core/clauses';

/** Snippet bodies that parse, with the tab stops they use. Written as they appear in JSON source. */
const VALID: { name: string; body: string; tabstops: number[] }[] = [
  { name: 'plain heading', body: 'Section 12 — Definitions', tabstops: [] },
  { name: 'numbered heading', body: 'Section ${1:X} — Own self-generated images of a child', tabstops: [1] },
  { name: 'bare, braced and final tab stops', body: 'section $1 and section ${2}$0', tabstops: [0, 1, 2] },
  { name: 'nested placeholders', body: 'Article ${1:X} – ${2:Extorsion ${3:sexuelle} d\'un enfant}', tabstops: [1, 2, 3] },
  { name: 'choice of penalty', body: 'shall be liable to ${3|imprisonment,a fine,both|}', tabstops: [3] },
  { name: 'choice with escaped comma and pipe', body: '${1|two\\, three or four years,five \\| six years|}', tabstops: [1] },
  { name: 'mirror of a placeholder', body: 'In ${2:this Part} … In $2', tabstops: [2] },
  { name: 'variables', body: '$TM_FILENAME ${CURRENT_YEAR} ${TM_SELECTED_TEXT:default text}', tabstops: [] },
  { name: 'variable default holding a placeholder', body: '${TM_SELECTED_TEXT:${1:section number}}', tabstops: [1] },
  { name: 'escaped dollar, brace and backslash', body: 'a fine of \\$500 \\} \\\\', tabstops: [] },
  { name: 'escaped brace inside a placeholder', body: '${1:subsection (1\\}}', tabstops: [1] },
  { name: 'other backslashes are literal', body: 'C:\\drafts\\bill ${1:x\\y}', tabstops: [1] },
  { name: 'an unescaped "$500" is tab stop 500 (write \\$500)', body: 'a fine of $500', tabstops: [500] },
  { name: 'lone opening brace is text', body: 'Article 5 {bis', tabstops: [] },
  { name: 'multi-line body', body: 'Section ${1:X} — Heading\n(1) ${2:text}\n(2) $2', tabstops: [1, 2] },
  { name: 'empty body', body: '', tabstops: [] },
  { name: 'empty placeholder', body: '${1:}', tabstops: [1] },
];

/** Malformed bodies: the error and where it is reported. */
const INVALID: { name: string; body: string; offset: number; error: RegExp }[] = [
  { name: 'unclosed placeholder', body: 'Section ${1:unclosed', offset: 8, error: /unclosed placeholder/ },
  { name: 'outer placeholder left open by a nested one', body: '${1:Section ${2:160B}', offset: 0, error: /unclosed placeholder \$\{1/ },
  { name: 'choice closed with } instead of |}', body: '${1|a,b}', offset: 0, error: /unclosed choice/ },
  { name: 'choice closed with | but no }', body: 'liable to ${2|imprisonment,a fine|', offset: 33, error: /must end with '\|\}'/ },
  { name: 'empty choice option', body: '${1|imprisonment,,a fine|}', offset: 17, error: /empty option/ },
  { name: 'choice with no options', body: '${1||}', offset: 4, error: /empty option/ },
  { name: 'unescaped dollar before a space', body: 'a fine of $ 500', offset: 10, error: /unescaped '\$'/ },
  { name: 'dollar at the end', body: 'costs in $', offset: 9, error: /unescaped '\$'/ },
  { name: 'unmatched closing brace', body: 'Section 1} — Definitions', offset: 9, error: /unmatched '\}'/ },
  { name: 'unmatched closing brace after a placeholder', body: '${1:X}}', offset: 6, error: /unmatched '\}'/ },
  { name: 'empty braces', body: 'Section ${}', offset: 10, error: /must be followed by a tab stop number or a variable name/ },
  { name: 'space after ${', body: '${ 1:X}', offset: 2, error: /must be followed/ },
  { name: 'lone ${ at the end', body: 'Section ${', offset: 8, error: /unclosed '\$\{'/ },
  { name: 'tab stop never closed', body: 'Section ${1', offset: 8, error: /unclosed tab stop/ },
  { name: 'letter after the tab stop number', body: '${1X}', offset: 3, error: /unexpected 'X'/ },
  { name: 'tab stop transform', body: '${1/(.*)/${1:/upcase}/}', offset: 0, error: /transforms .* not supported/ },
  { name: 'variable transform', body: '${TM_FILENAME/(.*)\\..+$/$1/}', offset: 0, error: /variable transforms .* not supported/ },
  { name: 'variable never closed', body: '${TM_FILENAME', offset: 0, error: /unclosed variable/ },
  { name: 'variable default never closed', body: '${TM_FILENAME:draft', offset: 0, error: /unclosed variable/ },
  { name: 'bad character after a variable name', body: '${TM_FILENAME|a|}', offset: 13, error: /unexpected '\|'/ },
  { name: 'error on a later line', body: 'Section ${1:X}\n(1) ${2:text', offset: 19, error: /unclosed placeholder \$\{2/ },
];

describe('parseSnippet accepts the VS Code snippet grammar', () => {
  for (const c of VALID) {
    test(c.name, () => {
      assert.deepEqual(parseSnippet(c.body), { ok: true, tabstops: c.tabstops });
    });
  }
});

describe('parseSnippet rejects malformed bodies', () => {
  for (const c of INVALID) {
    test(c.name, () => {
      const r = parseSnippet(c.body);
      assert.equal(r.ok, false, JSON.stringify(r));
      if (r.ok) return;
      assert.match(r.error, c.error);
      assert.equal(r.offset, c.offset, r.error);
    });
  }

  test('expandClause refuses a malformed body', () => {
    assert.throws(() => expandClause({ body: 'Section ${1:X' }), /offset 8: unclosed placeholder/);
  });
});

/** Expansions: body, options, expected text. */
const EXPANSIONS: { name: string; body: string; options?: { number?: string; eol?: string }; expected: string }[] = [
  { name: 'default of the heading number', body: 'Section ${1:X} — Title', expected: 'Section X — Title' },
  { name: 'number replaces the heading default', body: 'Section ${1:X} — Title', options: { number: '160B' }, expected: 'Section 160B — Title' },
  { name: 'number fills a bare heading tab stop', body: 'Article $1 – Titre', options: { number: '227-24-1' }, expected: 'Article 227-24-1 – Titre' },
  { name: 'number replaces the first heading tab stop whatever its index', body: 'Article ${2:X}\n1. ${1:texte}', options: { number: '7' }, expected: 'Article 7\n1. texte' },
  { name: 'number reaches the mirrors of the heading tab stop', body: 'Section ${1:X}\nsee section $1', options: { number: '9' }, expected: 'Section 9\nsee section 9' },
  { name: 'number is not used below the heading', body: 'Heading\n(1) ${1:X}', options: { number: '5' }, expected: 'Heading\n(1) X' },
  { name: 'nested placeholders', body: '${1:a ${2:b ${3:c}} d}', expected: 'a b c d' },
  { name: 'number replaces the whole outer heading placeholder', body: 'Section ${1:${2:X}A} — T', options: { number: '4' }, expected: 'Section 4 — T' },
  { name: 'choice takes its first option', body: 'liable to ${3|imprisonment,a fine|}', expected: 'liable to imprisonment' },
  { name: 'escaped choice option', body: '${1|two\\, or three\\|four,five|}', expected: 'two, or three|four' },
  { name: 'mirrors repeat the placeholder default', body: 'In ${2:this Part}; in $2; in ${2}', expected: 'In this Part; in this Part; in this Part' },
  { name: 'mirror before its placeholder', body: '$1 / ${1:X}', expected: 'X / X' },
  { name: 'choice mirrored', body: '${1|a,b|} $1', expected: 'a a' },
  { name: 'bare tab stops and $0 become empty', body: 'a$1b${2}c$0', expected: 'abc' },
  { name: 'variables become empty or their default', body: '[$TM_FILENAME][${CURRENT_YEAR}][${TM_SELECTED_TEXT:draft.bill}]', expected: '[][][draft.bill]' },
  { name: 'escapes are resolved', body: 'a fine of \\$500 \\} \\\\ ${1:(1\\}}', expected: 'a fine of $500 } \\ (1}' },
  { name: 'other backslashes stay', body: 'C:\\drafts', expected: 'C:\\drafts' },
  { name: 'a placeholder that mirrors itself does not loop', body: '${1:a $1 b}', expected: 'a  b' },
  { name: 'lines joined with the requested separator', body: 'one\n${1:two\nthree}\nfour', options: { eol: '\r\n' }, expected: 'one\r\ntwo\r\nthree\r\nfour' },
  { name: 'CRLF in the body is normalised', body: 'one\r\ntwo', expected: 'one\ntwo' },
];

describe('expandClause', () => {
  for (const c of EXPANSIONS) {
    test(c.name, () => {
      assert.equal(expandClause({ body: c.body }, c.options), c.expected);
    });
  }
});

/** Escape text so that it stands for itself in snippet text, in a placeholder, in a choice option. */
const escapeText = (s: string) => s.replace(/[\\$}]/g, '\\$&');
const escapeChoice = (s: string) => s.replace(/[\\,|]/g, '\\$&');
const text = fc.string({ unit: fc.constantFrom('a', ' ', '$', '}', '{', '\\', ',', '|', ':', '1', '\n', 'é', '«') });

describe('escaped text round-trips', () => {
  test('as text', () => {
    fc.assert(
      fc.property(text, (s) => {
        const body = escapeText(s);
        assert.deepEqual(parseSnippet(body), { ok: true, tabstops: [] });
        assert.equal(expandClause({ body }), s);
      }),
    );
  });

  test('as a placeholder default, and as the heading number is replaced', () => {
    fc.assert(
      fc.property(text, text, (s, rest) => {
        const body = `\${1:${escapeText(s)}}${escapeText(rest.replace(/\n/g, ' '))}`;
        assert.deepEqual(parseSnippet(body), { ok: true, tabstops: [1] });
        assert.equal(expandClause({ body }), s + rest.replace(/\n/g, ' '));
        assert.equal(expandClause({ body }, { number: '12' }), '12' + rest.replace(/\n/g, ' '));
      }),
    );
  });

  test('as choice options', () => {
    fc.assert(
      fc.property(fc.array(text.filter((s) => s.length > 0), { minLength: 1, maxLength: 4 }), (options) => {
        const body = `\${1|${options.map(escapeChoice).join(',')}|}`;
        assert.deepEqual(parseSnippet(body), { ok: true, tabstops: [1] });
        assert.equal(expandClause({ body }), options[0]);
      }),
    );
  });

  test('the parser never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('$', '{', '}', '|', ',', ':', '\\', '1', 'A', '/', ' ') }), (body) => {
        const r = parseSnippet(body);
        if (!r.ok) assert.ok(r.offset >= 0 && r.offset <= body.length, `${r.error} at ${r.offset}`);
        else assert.equal(typeof expandClause({ body }), 'string');
      }),
    );
  });
});
