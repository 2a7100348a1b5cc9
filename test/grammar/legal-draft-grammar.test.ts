// Tests for the TextMate grammar of the `legal-draft` language (syntaxes/legal-draft.tmLanguage.json)
// and for language-configuration.json. The grammar is loaded exactly as VS Code loads it:
// vscode-textmate's Registry over the Oniguruma WASM build.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { Registry, INITIAL, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '..', '..');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'legal-draft.tmLanguage.json');
const CONFIG_PATH = path.join(ROOT, 'language-configuration.json');
const SCOPE_NAME = 'text.legal-draft';

// Scope names the grammar promises (see the report / grammar comments).
const S = {
  heading: 'markup.heading.provision.legal-draft',
  headingKeyword: 'keyword.other.provision.legal-draft',
  headingNumber: 'constant.numeric.provision-number.legal-draft',
  headingSeparator: 'punctuation.separator.heading.legal-draft',
  headingTitle: 'entity.name.section.legal-draft',
  paragraph: 'constant.numeric.paragraph.legal-draft',
  point: 'constant.character.point.legal-draft',
  indent: 'constant.character.point.indent.legal-draft',
  definedTerm: 'entity.name.tag.defined-term.legal-draft',
  definedTermOpen: 'punctuation.definition.defined-term.begin.legal-draft',
  definedTermClose: 'punctuation.definition.defined-term.end.legal-draft',
  definitionVerb: 'keyword.other.definition.legal-draft',
  reference: 'markup.underline.link.reference.legal-draft',
  doubleQuoted: 'string.quoted.double.legal-draft',
  singleQuoted: 'string.quoted.single.legal-draft',
  guillemets: 'string.quoted.other.guillemet.legal-draft',
  stringOpen: 'punctuation.definition.string.begin.legal-draft',
  stringClose: 'punctuation.definition.string.end.legal-draft',
  draftingNote: 'comment.block.drafting-note.legal-draft',
  noteLabel: 'keyword.other.note-label.legal-draft',
  comment: 'comment.block.legal-draft',
  directiveLine: 'comment.line.directive.legal-draft',
  directive: 'keyword.control.directive.legal-draft',
  ruleId: 'constant.other.rule-id.legal-draft',
  offence: 'keyword.operator.offence.legal-draft',
} as const;

// ---------------------------------------------------------------------------------------------
// Helpers

interface Token {
  text: string;
  scopes: string[];
}

let grammarPromise: Promise<IGrammar> | undefined;

function loadGrammar(): Promise<IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm);
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === SCOPE_NAME ? parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
    });
    const grammar = await registry.loadGrammar(SCOPE_NAME);
    if (!grammar) throw new Error(`grammar ${SCOPE_NAME} did not load from ${GRAMMAR_PATH}`);
    return grammar;
  })();
  return grammarPromise;
}

/** Tokenises several lines, carrying the rule stack from one line to the next as the editor does. */
async function tokenizeLines(lines: readonly string[]): Promise<Token[][]> {
  const grammar = await loadGrammar();
  let stack: StateStack = INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

async function tokenizeLine(line: string): Promise<Token[]> {
  return (await tokenizeLines([line]))[0];
}

function dump(tokens: readonly Token[]): string {
  return tokens
    .map((t) => `  ${JSON.stringify(t.text)} → ${t.scopes.filter((s) => s !== SCOPE_NAME).join(' ') || '(none)'}`)
    .join('\n');
}

/** The token whose text is exactly `text` (the `nth` one if it occurs more than once). */
function tokenFor(tokens: readonly Token[], text: string, nth = 0): Token {
  const found = tokens.filter((t) => t.text === text);
  assert.ok(found.length > nth, `expected a token ${JSON.stringify(text)}; got:\n${dump(tokens)}`);
  return found[nth];
}

function assertScope(tokens: readonly Token[], text: string, scope: string, nth = 0): void {
  const token = tokenFor(tokens, text, nth);
  assert.ok(
    token.scopes.includes(scope),
    `expected ${JSON.stringify(text)} to have scope ${scope}; it has [${token.scopes.join(', ')}]. Tokens:\n${dump(tokens)}`,
  );
}

function assertNoScope(tokens: readonly Token[], scopePrefix: string, what: string): void {
  const offending = tokens.filter((t) => t.scopes.some((s) => s === scopePrefix || s.startsWith(`${scopePrefix}.`)));
  assert.equal(offending.length, 0, `${what}: no token should have ${scopePrefix}*; tokens:\n${dump(tokens)}`);
}

// ---------------------------------------------------------------------------------------------

describe('legal-draft grammar: files', () => {
  test('grammar file is valid JSON with the contributed scopeName and named repository rules', () => {
    const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as {
      scopeName: string;
      patterns: { include: string }[];
      repository: Record<string, unknown>;
    };
    assert.equal(raw.scopeName, SCOPE_NAME);
    for (const p of raw.patterns) {
      assert.ok(p.include.startsWith('#'), `top-level pattern should include a named rule: ${JSON.stringify(p)}`);
      assert.ok(p.include.slice(1) in raw.repository, `top-level include ${p.include} is missing from the repository`);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { grammars: { scopeName: string; path: string }[] };
    };
    const contributed = pkg.contributes.grammars.find((g) => g.scopeName === SCOPE_NAME);
    assert.ok(contributed, 'package.json contributes the grammar');
    assert.equal(path.resolve(ROOT, contributed.path), GRAMMAR_PATH);
  });

  test('every regular expression in the grammar compiles in Oniguruma', async () => {
    await loadGrammar(); // makes sure the WASM is loaded
    const raw: unknown = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
    const regexes: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') regexes.push(value);
          else walk(value);
        }
      }
    };
    walk(raw);
    assert.ok(regexes.length >= 20, `expected the grammar to have many rules, found ${regexes.length}`);
    for (const re of regexes) {
      assert.doesNotThrow(() => new oniguruma.OnigScanner([re]), `regex does not compile: ${re}`);
    }
  });
});

describe('legal-draft grammar: headings', () => {
  test('English headings: keyword, number and title get distinct scopes', async () => {
    const section = await tokenizeLine('Section 160A — Possession of indecent photographs of children');
    assertScope(section, 'Section', S.headingKeyword);
    assertScope(section, 'Section', S.heading);
    assertScope(section, '160A', S.headingNumber);
    assertScope(section, '—', S.headingSeparator);
    assertScope(section, 'Possession of indecent photographs of children', S.headingTitle);

    const part = await tokenizeLine('PART 3 — OFFENCES');
    assertScope(part, 'PART', S.headingKeyword);
    assertScope(part, '3', S.headingNumber);
    assertScope(part, 'OFFENCES', S.headingTitle);

    const article = await tokenizeLine('Article 20 – Offences concerning child pornography');
    assertScope(article, '20', S.headingNumber);
    assertScope(article, 'Offences concerning child pornography', S.headingTitle);

    assertScope(await tokenizeLine('Chapter II'), 'II', S.headingNumber);
    assertScope(await tokenizeLine('Title IV'), 'Title', S.headingKeyword);
    const art = await tokenizeLine('Art. 175(5)');
    assertScope(art, 'Art.', S.headingKeyword);
    assertScope(art, '175(5)', S.headingNumber);
    assertScope(await tokenizeLine('s. 52B'), '52B', S.headingNumber);
  });

  test('French headings', async () => {
    const a = await tokenizeLine('Article 227-23');
    assertScope(a, 'Article', S.headingKeyword);
    assertScope(a, '227-23', S.headingNumber);
    assertScope(await tokenizeLine('Article 1er'), '1er', S.headingNumber);
    const chapitre = await tokenizeLine('Chapitre II : Des atteintes aux mineurs et à la famille');
    assertScope(chapitre, 'Chapitre', S.headingKeyword);
    assertScope(chapitre, 'II', S.headingNumber);
    assertScope(chapitre, 'Des atteintes aux mineurs et à la famille', S.headingTitle);
    assertScope(await tokenizeLine('Titre V'), 'V', S.headingNumber);
    assertScope(await tokenizeLine('Livre II'), 'Livre', S.headingKeyword);
  });

  test('German headings', async () => {
    const para = await tokenizeLine('§ 207a. Pornographische Darstellungen Minderjähriger');
    assertScope(para, '§', S.headingKeyword);
    assertScope(para, '207a', S.headingNumber);
    assertScope(para, '.', S.headingSeparator);
    assertScope(para, 'Pornographische Darstellungen Minderjähriger', S.headingTitle);
    const abschnitt = await tokenizeLine('Abschnitt 13');
    assertScope(abschnitt, 'Abschnitt', S.headingKeyword);
    assertScope(abschnitt, '13', S.headingNumber);
    const artikel = await tokenizeLine('Artikel 1 Änderung des Strafgesetzbuches');
    assertScope(artikel, 'Artikel', S.headingKeyword);
    assertScope(artikel, 'Änderung des Strafgesetzbuches', S.headingTitle);
    const ordinal = await tokenizeLine('Dreizehnter Abschnitt');
    assertScope(ordinal, 'Dreizehnter', S.headingNumber);
    assertScope(ordinal, 'Abschnitt', S.headingKeyword);
  });

  test('a line that merely starts with a cross-reference is not a heading', async () => {
    const tokens = await tokenizeLine('Article 20(1)(a) of the Convention applies to images a child has made.');
    assertNoScope(tokens, 'markup.heading', 'running text starting with "Article 20(1)(a) of"');
    assertScope(tokens, 'Article 20(1)(a)', S.reference);
  });
});

describe('legal-draft grammar: provision numbers and points', () => {
  test('paragraph numbers and points at the start of a line', async () => {
    const p1 = await tokenizeLine('(1) A person who possesses child sexual abuse material commits an offence.');
    assertScope(p1, '(1)', S.paragraph);
    assertScope(p1, 'commits an offence', S.offence);
    assertScope(await tokenizeLine('(2A) In this section—'), '(2A)', S.paragraph);
    assertScope(await tokenizeLine('1. Mit Freiheitsstrafe wird bestraft, wer'), '1.', S.paragraph);
    assertScope(await tokenizeLine('    (aa) in relation to a child,'), '(aa)', S.point);
    assertScope(await tokenizeLine('      (iv) by means of a computer system;'), '(iv)', S.point);
    assertScope(await tokenizeLine('a) producing child pornography;'), 'a)', S.point);
    const fr = await tokenizeLine('1° le fait de fixer, d’enregistrer ou de transmettre l’image d’un mineur ;');
    assertScope(fr, '1°', S.point);
    assertNoScope(fr, 'string', 'French elisions d’ and l’');
    assertScope(await tokenizeLine('– en vue de sa diffusion ;'), '–', S.indent);
  });

  test('numbers in the middle of a line are not provision numbers', async () => {
    const tokens = await tokenizeLine('imprisonment for a term not exceeding (a) 5 years or 1. a fine');
    assertNoScope(tokens, S.paragraph, 'mid-line "(a)" and "1."');
    assertNoScope(tokens, S.point, 'mid-line "(a)"');
  });
});

describe('legal-draft grammar: defined terms and quotations', () => {
  test('defined terms in English, French and German', async () => {
    const en = await tokenizeLine('“child sexual abuse material” means any material that visually depicts a child …');
    assertScope(en, 'child sexual abuse material', S.definedTerm);
    assertScope(en, '“', S.definedTermOpen);
    assertScope(en, '”', S.definedTermClose);
    assertScope(en, 'means', S.definitionVerb);
    assertNoScope(en, 'string', 'a defined term takes precedence over a quotation');

    const fr = await tokenizeLine('« matériel d\'abus sexuel d\'enfants » désigne tout matériel représentant un enfant');
    assertScope(fr, "matériel d'abus sexuel d'enfants", S.definedTerm);
    assertScope(fr, '«', S.definedTermOpen);
    assertScope(fr, 'désigne', S.definitionVerb);

    const frNbsp = await tokenizeLine('«\u00a0mineur\u00a0» s’entend de toute personne âgée de moins de dix-huit ans');
    assertScope(frNbsp, 'mineur', S.definedTerm);

    const de = await tokenizeLine('„Kinderpornografie“ bedeutet jede Darstellung sexueller Handlungen');
    assertScope(de, 'Kinderpornografie', S.definedTerm);
    assertScope(de, 'bedeutet', S.definitionVerb);

    const uk = await tokenizeLine('In this Act, “photograph” includes the negative as well as the positive version;');
    assertScope(uk, 'photograph', S.definedTerm);
  });

  test('quotations in every common quote style, and apostrophes that must not open one', async () => {
    const en = await tokenizeLine('for “child pornography” substitute “child sexual abuse material”');
    assertScope(en, 'child pornography', S.doubleQuoted);
    assertScope(en, '“', S.stringOpen);
    assertScope(en, '”', S.stringClose);
    assertNoScope(en, S.definedTerm, 'a quotation not followed by a definition verb');

    const mixed = await tokenizeLine('the words "indecent", ‘pseudo-photograph’, «pédopornographie», „Schrift“');
    assertScope(mixed, 'indecent', S.doubleQuoted);
    assertScope(mixed, 'pseudo-photograph', S.singleQuoted);
    assertScope(mixed, 'pédopornographie', S.guillemets);
    assertScope(mixed, 'Schrift', S.doubleQuoted);

    const apostrophe = await tokenizeLine('the child’s own images and the parents\' consent, d\'un mineur');
    assertNoScope(apostrophe, 'string', 'apostrophes inside or after words');
    assert.equal(apostrophe.length, 1, `the whole line should be a single plain token:\n${dump(apostrophe)}`);
  });

  test('an unterminated quotation stops at the end of its line', async () => {
    const [first, second] = await tokenizeLines([
      'for “child pornography substitute',
      '(2) A person who is guilty of an offence under this section is liable to imprisonment.',
    ]);
    assertScope(first, 'child pornography substitute', S.doubleQuoted);
    assertNoScope(second, 'string', 'the line after an unterminated quotation');
    assertScope(second, '(2)', S.paragraph);
    assertScope(second, 'is guilty of an offence', S.offence);
    assertScope(second, 'is liable to imprisonment', S.offence);
  });
});

describe('legal-draft grammar: cross-references', () => {
  test('references inside running text', async () => {
    const two = await tokenizeLine('as provided in Article 20(1)(a) of the Convention and section 160A(2)');
    assertScope(two, 'Article 20(1)(a)', S.reference);
    assertScope(two, 'section 160A(2)', S.reference);
    assert.deepEqual(tokenFor(two, ' of the Convention and ').scopes, [SCOPE_NAME], 'text between references is plain');

    const many = await tokenizeLine(
      'see subsection (2), paragraph 3, § 207a Abs. 5, Art. 175(5), s. 52B and Article 18, paragraph 2',
    );
    for (const ref of ['subsection (2)', 'paragraph 3', '§ 207a', 'Abs. 5', 'Art. 175(5)', 's. 52B', 'Article 18', 'paragraph 2']) {
      assertScope(many, ref, S.reference);
    }
    const fr = await tokenizeLine('les faits prévus à l\'article 227-23 du code pénal');
    assertScope(fr, 'article 227-23', S.reference);
    assertNoScope(fr, 'string', "l'article");
  });

  test('a reference inside a heading title is still a reference', async () => {
    const tokens = await tokenizeLine('Section 3 — Amendment of section 160A of the Criminal Justice Act');
    assertScope(tokens, 'section 160A', S.reference);
    assertScope(tokens, 'section 160A', S.headingTitle);
  });
});

describe('legal-draft grammar: drafting notes, comments and directives', () => {
  test('drafting notes in English and French, also across lines', async () => {
    const en = await tokenizeLine('[Drafting note: align with the Children Act.]');
    assertScope(en, 'Drafting note', S.noteLabel);
    assertScope(en, ' align with the Children Act.', S.draftingNote);
    assertScope(en, ']', S.draftingNote);
    const fr = await tokenizeLine('[Note de rédaction : à harmoniser avec l’article 227-23]');
    assertScope(fr, 'Note de rédaction', S.noteLabel);

    const [l1, l2, l3] = await tokenizeLines([
      '[Explanatory note: this note spans',
      'two lines, with a citation [1] inside.]',
      '(1) A person commits an offence.',
    ]);
    assertScope(l1, 'Explanatory note', S.noteLabel);
    assertScope(l2, 'two lines, with a citation ', S.draftingNote);
    assertScope(l2, ' inside.', S.draftingNote);
    assertNoScope(l3, 'comment', 'the line after the note has closed');
    assertScope(l3, '(1)', S.paragraph);
  });

  test('HTML comments with suppression directives, and the plain-text directive', async () => {
    const html = await tokenizeLine('<!-- lanzarote-disable-next-line II-1 -- quoting the 1996 Act -->');
    assertScope(html, '<!--', S.comment);
    assertScope(html, 'lanzarote-disable-next-line', S.directive);
    assertScope(html, 'lanzarote-disable-next-line', S.comment);
    assertScope(html, 'II-1', S.ruleId);
    assertScope(html, ' quoting the 1996 Act ', S.comment);
    assertScope(html, '-->', S.comment);

    const plain = await tokenizeLine('lanzarote-disable II-6');
    assertScope(plain, 'lanzarote-disable', S.directive);
    assertScope(plain, 'II-6', S.ruleId);

    const [open, inside, after] = await tokenizeLines([
      '<!-- lanzarote-disable II-6, II-8 -- exemptions',
      'are in the Children Act -->',
      '“Article 3” means nothing here',
    ]);
    assertScope(open, 'lanzarote-disable', S.directive);
    assertScope(inside, 'are in the Children Act ', S.comment);
    assertNoScope(after, 'comment', 'the line after a closed multi-line comment');
    assertScope(after, 'Article 3', S.definedTerm);
  });

  test('criminalisation cues in English, French and German', async () => {
    const tokens = await tokenizeLine(
      'shall be punished; est puni de cinq ans; n\'est pas punissable; wird bestraft; is liable to imprisonment',
    );
    for (const cue of ['shall be punished', 'est puni de', "n'est pas punissable", 'wird bestraft', 'is liable to imprisonment']) {
      assertScope(tokens, cue, S.offence);
    }
  });
});

describe('legal-draft grammar: adversarial input', () => {
  test('very long pathological lines are tokenised to the end', async () => {
    const grammar = await loadGrammar();
    const n = 100_000;
    const lines: Record<string, string> = {
      'open parentheses': '('.repeat(n),
      'repeated Article keyword': 'Article '.repeat(n / 8),
      'unterminated curly quotation': '“' + 'child '.repeat(n / 6),
      'opening quotes only': '“„«‘'.repeat(n / 4),
      'straight quotes': '"\''.repeat(n / 2),
      'heading with huge whitespace run': 'Section 1 -' + ' '.repeat(n) + 'x',
      'defined term followed by spaces and commas': '“child”' + ' ,'.repeat(n / 2),
      'reference with endless parentheses': 'section 1' + '(1)'.repeat(n / 3) + '(',
      'nested brackets in a drafting note': '[Drafting note: ' + '['.repeat(n),
      'paragraph signs': '§ '.repeat(n / 2),
      'no-break spaces': '\u00a0'.repeat(n),
    };
    for (const [what, line] of Object.entries(lines)) {
      const result = grammar.tokenizeLine(line, INITIAL);
      assert.equal(result.stoppedEarly, false, `${what}: tokenisation stopped early`);
      const last = result.tokens[result.tokens.length - 1];
      assert.ok(last.endIndex >= line.length, `${what}: tokens cover ${last.endIndex} of ${line.length} characters`);
    }
  });
});

describe('language-configuration.json', () => {
  const config = JSON.parse(fs.readFileSync(CONFIG_PATH, 'utf8')) as {
    comments: { blockComment: [string, string] };
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
    surroundingPairs: [string, string][];
    wordPattern: string;
  };

  test('comments, brackets and quote pairs', () => {
    assert.deepEqual(config.comments.blockComment, ['<!--', '-->']);
    assert.deepEqual(config.brackets.map(([open]) => open).sort(), ['(', '[', '{']);
    for (const [open, close] of [['“', '”'], ['‘', '’'], ['«', '»'], ['„', '“'], ['"', '"'], ["'", "'"]]) {
      const pair = config.autoClosingPairs.find((p) => p.open === open && p.close === close);
      assert.ok(pair, `autoClosingPairs lacks ${open}${close}`);
      assert.ok(pair.notIn?.includes('string'), `${open}${close} should not auto-close inside strings`);
      assert.ok(
        config.surroundingPairs.some(([o, c]) => o === open && c === close),
        `surroundingPairs lacks ${open}${close}`,
      );
    }
  });

  test('wordPattern keeps accents, inner hyphens and inner apostrophes', () => {
    const words = (text: string) => text.match(new RegExp(config.wordPattern, 'g')) ?? [];
    assert.deepEqual(words('the child\'s images'), ['the', "child's", 'images']);
    assert.deepEqual(words('l’image d\'enfants'), ['l’image', "d'enfants"]);
    assert.deepEqual(words('Kinderpornografie-Delikte Minderjähriger'), ['Kinderpornografie-Delikte', 'Minderjähriger']);
    assert.deepEqual(words('« matériel » — “child”'), ['matériel', 'child']);
  });
});
