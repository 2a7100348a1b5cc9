/**
 * Akoma Ntoso drafts: the text a drafter reads, mapped back to the exact characters of the XML;
 * quotations and new wording told apart in amendments; fixes that never touch markup; and a
 * malformed file read as well as possible, never a crash.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { analyse } from '../../server/src/core/analyse';
import { formatOf, sourceFor } from '../../server/src/core/formats';
import { AKN_NAMESPACE } from '../../server/src/core/formats/akn';
import { scanTokens, tokenize } from '../../server/src/core/formats/xml/tokens';
import { buildTree, elements } from '../../server/src/core/formats/xml/tree';
import { defaultSettings, type Settings } from '../../server/src/core/settings';
import type { Source } from '../../server/src/core/source';
import { AKN_NAMESPACE as PROTOCOL_AKN_NAMESPACE } from '../../server/src/lsp/protocol';
import { ROOT as REPO, runCli, tempTree } from '../helpers/cli';
import { fileUri, LspClient } from '../lsp/lspClient';
import { assertWellFormed, FIXTURES, markup } from './helpers';

const NS = AKN_NAMESPACE;
const akn = (body: string, meta = '') => `<akomaNtoso xmlns="${NS}"><bill><meta>${meta}</meta><body>\n${body}\n</body></bill></akomaNtoso>\n`;
const source = (xml: string) => sourceFor('file:///test/draft.akn', xml, 'akn');
const run = (xml: string, settings: Partial<Settings> = {}) => analyse(source(xml), { ...defaultSettings(), ...settings });
const terms = (a: ReturnType<typeof run>) => a.findings.filter((f) => f.term);
const at = (xml: string, offset: number) => {
  const before = xml.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
};

/** Every segment copies the original exactly: the invariant every position rests on. */
function assertSegmentsExact(s: Source): void {
  for (const seg of s.segments ?? []) {
    assert.equal(s.text.slice(seg.textStart, seg.textStart + seg.length), s.original.slice(seg.originalStart, seg.originalStart + seg.length));
  }
}

const SAMPLES = ['samples/model-law.akn', 'samples/projet-de-loi-protection-enfants.akn.xml', 'test/fixtures/formats/bill.akn'];

describe('Akoma Ntoso: the text a drafter reads', () => {
  test('headings, numbered paragraphs and points as lines, the way the draft would be typed', () => {
    const s = source(readFileSync(path.join(REPO, 'samples/model-law.akn'), 'utf8'));
    const lines = s.text.split('\n');
    for (const expected of [
      'Model Law on Child Sexual Abuse Material and Self-Generated Images',
      'Article 2 – Offences',
      '1. A person who, intentionally and without right,',
      'a) produces child sexual abuse material;',
      'commits an offence and shall be liable to imprisonment for a term not exceeding ten years.',
      'Article 6 – Prevention and education',
    ]) assert.ok(lines.includes(expected), `line “${expected}” in\n${s.text}`);
    // Points follow their paragraph's opening words; paragraphs stand apart, as in the Markdown sample.
    const offences = lines.indexOf('1. A person who, intentionally and without right,');
    assert.equal(lines[offences + 1], 'a) produces child sexual abuse material;');
    assert.equal(s.declaredLanguage, 'en');
    assert.deepEqual(s.provisions.filter((p) => p.kind === 'article').map((p) => p.heading), [
      'Definitions', 'Offences', 'Children\'s own images', 'Solicitation of children for sexual purposes', 'Sexual extortion of a child', 'Prevention and education',
    ]);
    assert.deepEqual(s.definitions.map((d) => s.text.slice(d.start, d.end)), ['"Child"', '"Child sexual abuse material"']);
  });

  test('a bare number gets the keyword a drafter would write ("5" in <article> reads "Article 5")', () => {
    const s = source(akn('<article><num>5</num><heading>Possession</heading><content><p>Text.</p></content></article>'));
    assert.match(s.text, /^Article 5 – Possession$/m);
    const fr = source(akn('<chapter><num>II</num><heading>Dispositions diverses</heading></chapter>', '<identification><FRBRExpression><FRBRlanguage language="fra"/></FRBRExpression></identification>'));
    assert.match(fr.text, /^Chapitre II – Dispositions diverses$/m);
  });

  test('every character copied from the file maps back to it, on every sample', () => {
    for (const file of SAMPLES) assertSegmentsExact(source(readFileSync(path.join(REPO, file), 'utf8')));
  });

  test('the language comes from the FRBR metadata (ISO 639-2 codes)', () => {
    const lang = (code: string) => source(akn('', `<identification><FRBRExpression><FRBRlanguage language="${code}"/></FRBRExpression></identification>`)).declaredLanguage;
    assert.deepEqual(['eng', 'fra', 'fre', 'deu', 'ger', 'spa', 'fr-BE'].map(lang), ['en', 'fr', 'fr', 'de', 'de', 'es', 'fr']);
    const work = '<FRBRWork><FRBRlanguage language="eng"/></FRBRWork><FRBRExpression><FRBRlanguage language="fra"/></FRBRExpression>';
    assert.equal(source(akn('', `<identification>${work}</identification>`)).declaredLanguage, 'fr', 'the expression’s language wins');
    assert.equal(run(readFileSync(path.join(REPO, 'samples/projet-de-loi-protection-enfants.akn.xml'), 'utf8')).language, 'fr');
  });

  test('recognised by name (.akn, .akn.xml) or, for .xml, by the namespace in its first 2 KB', () => {
    const head = akn('');
    assert.equal(formatOf('bill.akn'), 'akn');
    assert.equal(formatOf('bill.akn.xml'), 'akn');
    assert.equal(formatOf('bill.xml', head), 'akn');
    assert.equal(formatOf('pom.xml', '<project xmlns="http://maven.apache.org/POM/4.0.0"/>'), undefined);
    assert.equal(formatOf('late.xml', `<a>${' '.repeat(3000)}<b xmlns="${NS}"/></a>`), undefined, 'only the first 2 KB are read');
    assert.equal(PROTOCOL_AKN_NAMESPACE, NS, 'the client sniffs the same namespace');
  });

  test('a long bill is read in linear time (3,000 articles well under the time of a keystroke burst)', () => {
    let body = '';
    for (let i = 1; i <= 3000; i++) body += `<article><num>Article ${i}</num><heading>Heading</heading><paragraph><num>1.</num><content><p>A person who possesses <i>child</i> pornography &amp; other\n  material commits an offence.  </p></content></paragraph></article>\n`;
    const started = Date.now();
    const s = source(akn(body));
    assert.equal(s.provisions.filter((p) => p.kind === 'article').length, 3000);
    // Quadratic string handling took minutes here; linear takes well under a second.
    assert.ok(Date.now() - started < 15_000, `${Date.now() - started} ms`);
  });

  test('saxes and the tolerant scanner read a well-formed file into the same tree', () => {
    for (const file of SAMPLES) {
      const xml = readFileSync(path.join(REPO, file), 'utf8');
      const strict = tokenize(xml);
      assert.equal(strict.error, undefined, file);
      const shape = (tokens: ReturnType<typeof scanTokens>) => [...elements(buildTree(tokens, xml.length))].map((e) => `${e.name}@${e.start}-${e.end}`);
      assert.deepEqual(shape(scanTokens(xml)), shape(strict.tokens), file);
    }
  });
});

describe('Akoma Ntoso: findings at the exact characters, fixes only in text', () => {
  test('a term inside inline markup is found at its own line and column in the XML', () => {
    const xml = akn('<article><num>Article 1</num>\n<content><p>A person who possesses <b><i>child pornography</i></b> commits an offence.</p></content></article>');
    const [f] = terms(run(xml));
    assert.equal(xml.slice(f.range.start, f.range.end), 'child pornography');
    assert.equal(at(xml, f.range.start), '3:42');
    assert.ok(f.fix, 'a term inside one text node can be rewritten');
    assert.equal(xml.slice(f.fix.range.start, f.fix.range.end), 'child pornography');
  });

  test('entity and character references inside a term: reported, never rewritten', () => {
    const xml = akn('<article><num>Article 1</num><content><p>Child&#32;pornography, child porn&#x6F;graphy &amp; child pornography.</p></content></article>');
    const found = terms(run(xml));
    assert.deepEqual(found.map((f) => xml.slice(f.range.start, f.range.end)), ['Child&#32;pornography', 'child porn&#x6F;graphy', 'child pornography']);
    assert.deepEqual(found.map((f) => !!f.fix), [false, false, true], 'only the term written without a reference has a fix');
    assert.ok(source(xml).text.includes('Child pornography, child pornography & child pornography.'), 'references are decoded in the text');
  });

  test('a term split by an inline element is reported at its first character, with no fix', () => {
    const xml = akn('<article><num>Article 1</num><content><p>Possessing child <i>pornography</i> is an offence.</p></content></article>');
    const [f] = terms(run(xml));
    assert.equal(xml.slice(f.range.start, f.range.end), 'child <i>pornography');
    assert.equal(f.fix, undefined);
    assert.equal(f.term?.text, 'child pornography');
  });

  test('replacements are written as XML (a user term whose wording has "&")', () => {
    const xml = akn('<article><num>Article 1</num><content><p>Kiddie pics are banned.</p></content></article>');
    const [f] = terms(run(xml, { terms: [{ term: 'kiddie pics', replacement: 'abuse & exploitation material', recommendation: 'II-1' }] }));
    assert.equal(f.fix?.newText, 'Abuse &amp; exploitation material');
  });

  test('lanzarote directives work in XML comments', () => {
    const xml = akn('<article><num>Article 1</num><content>\n<!-- lanzarote-disable-next-line II-1 — quoted from the 1996 Act -->\n<p>Kiddy porn was the word.</p><p>Child pornography is not.</p></content></article>');
    assert.deepEqual(terms(run(xml)).map((f) => xml.slice(f.range.start, f.range.end)), ['Child pornography']);
    const language = `<?xml version="1.0"?>\n<!-- lanzarote-language: fr -->\n${akn('<article><num>Article 1</num><content><p>The offence.</p></content></article>')}`;
    assert.equal(run(language).language, 'fr');
  });

  test('--fix edits only text content: the file stays well-formed and its markup is unchanged', async () => {
    const original = readFileSync(path.join(FIXTURES, 'bill.akn'), 'utf8');
    const dir = tempTree({ 'bill.akn': original });
    const r = await runCli(['--fix', '--fail-on', 'never', 'bill.akn'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const fixed = readFileSync(path.join(dir, 'bill.akn'), 'utf8');
    assert.notEqual(fixed, original);
    assertWellFormed(fixed);
    assert.deepEqual(markup(fixed), markup(original));
    assert.match(fixed, /<point eId="art_2__para_1__list_1__point_a"><num>a\)<\/num><content><p>produces child sexual abuse material;<\/p>/);
    assert.match(fixed, /for <quotedText eId="art_2__para_2__mod_1__qtext_1">"child pornography"<\/quotedText>/, 'the quoted old wording is kept');
    assert.match(fixed, /<heading>Sexual extortion<\/heading>/);
    const again = await runCli(['--format', 'json', '--fail-on', 'never', 'bill.akn'], { cwd: dir });
    const [file] = JSON.parse(again.stdout) as { findings: { fix?: unknown }[] }[];
    assert.equal(file.findings.filter((f) => f.fix).length, 0, 'nothing left to fix');
  });

  test('folders: .akn files and Akoma Ntoso .xml files are checked, other XML is skipped silently', async () => {
    const dir = tempTree({
      'a.akn': akn('<article><num>1</num><content><p>Child pornography.</p></content></article>'),
      'b.akn.xml': akn('<article><num>1</num><content><p>Child pornography.</p></content></article>'),
      'c.xml': akn('<article><num>1</num><content><p>Child pornography.</p></content></article>'),
      'pom.xml': '<project><name>child pornography filter</name></project>\n',
    });
    const r = await runCli(['--format', 'json', '--fail-on', 'never', '.'], { cwd: dir });
    assert.deepEqual((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file), ['a.akn', 'b.akn.xml', 'c.xml']);
    const explicit = await runCli(['pom.xml'], { cwd: dir });
    assert.match(explicit.stdout, /pom\.xml {2}skipped: Not analysed: an XML file that is not Akoma Ntoso\./);
  });
});

describe('Akoma Ntoso amendments: old wording is quoted, new wording is the draft’s own', () => {
  const quoted = (xml: string) => terms(run(xml)).map((f) => `${xml.slice(f.range.start, f.range.end)}:${f.quoted ? 'quoted' : 'own'}`);

  test('“for … substitute …”: the replaced words are quoted, the substituted words are own wording', () => {
    const xml = akn('<article><num>1</num><content><p><mod>In section 12, for <quotedText>child pornography</quotedText> substitute <quotedText>child porn images</quotedText>.</mod></p></content></article>');
    assert.deepEqual(quoted(xml), ['child pornography:quoted', 'child porn:own']);
  });

  test('French: « les mots … sont remplacés par les mots … »', () => {
    const xml = akn('<article><num>1</num><content><p><mod>Au premier alinéa, les mots <quotedText>« prostitution enfantine »</quotedText> sont remplacés par les mots <quotedText>« pornographie enfantine »</quotedText>.</mod></p></content></article>');
    assert.deepEqual(quoted(xml), ['prostitution enfantine:quoted', 'pornographie enfantine:own']);
  });

  test('an inserted or substituted provision (quotedStructure) is own wording; a quotation outside any amendment is quoted', () => {
    const xml = akn(`<article><num>1</num><content><p><mod>Section 5 is replaced by:<quotedStructure><section><num>5</num><heading>Possession</heading><content><p>Possessing child pornography is an offence.</p></content></section></quotedStructure></mod></p></content></article>
<article><num>2</num><content><p>Article 20 of the Convention speaks of <quotedText>possessing child pornography</quotedText>.</p></content></article>`);
    assert.deepEqual(quoted(xml), ['child pornography:own', 'child pornography:quoted']);
  });

  test('the metadata decides first: textualMod names the old and the new text by id', () => {
    const meta = '<analysis><activeModifications><textualMod type="substitution"><source href="#m1"/><old href="#q1"/><new href="#q2"/></textualMod></activeModifications></analysis>';
    // Cue words that would mislead: the metadata is the author's own statement.
    const xml = akn('<article><num>1</num><content><p><mod eId="m1">Substitute <quotedText eId="q1">child pornography</quotedText> with <quotedText eId="q2">child porn</quotedText>.</mod></p></content></article>', meta);
    assert.deepEqual(quoted(xml), ['child pornography:quoted', 'child porn:own']);
  });

  test('deleted text (<del>) is old wording; the French sample’s inserted articles are the draft’s own', () => {
    assert.deepEqual(quoted(akn('<article><num>1</num><content><p>The <del>child pornography</del> <ins>child porn</ins> offence.</p></content></article>')), ['child pornography:quoted', 'child porn:own']);
    const projet = readFileSync(path.join(REPO, 'samples/projet-de-loi-protection-enfants.akn.xml'), 'utf8');
    assert.deepEqual(quoted(projet), ['pornographie enfantine:quoted', 'pédopornographie:own', 'prostitution enfantine:own', 'tourisme sexuel impliquant des enfants:own']);
  });
});

describe('malformed Akoma Ntoso', () => {
  const broken = `<akomaNtoso xmlns="${NS}"><bill><body>
<article><num>Article 1</num><heading>Possession</heading>
<paragraph><num>1.</num><content><p>A person who possesses child <b>pornography</i> commits an offence & more.</p></content></paragraph>
<paragraph><num>2.</num><content><p>Sextortion of a child is an offence.</p>
</article></body>`;

  test('a clear note with line and column, and the text still read', () => {
    const a = run(broken);
    assert.equal(a.source.notes.length, 1);
    assert.match(a.source.notes[0], /^Not well-formed XML \(line 3, column \d+: unexpected close tag\)\. The text was read as far as the markup allows/);
    assert.equal(a.source.problems.length, 1);
    assert.deepEqual(terms(a).map((f) => broken.slice(f.range.start, f.range.end)), ['child <b>pornography', 'Sextortion']);
    assert.match(a.source.text, /^Article 1 – Possession$/m);
    assert.match(a.source.text, /^2\. Sextortion of a child is an offence\.$/m);
    assertSegmentsExact(a.source);
    const fr = sourceFor('file:///x.akn', broken, 'akn', undefined, { locale: 'fr' });
    assert.match(fr.notes[0], /^XML mal formé \(ligne 3, colonne \d+ : unexpected close tag\)/);
  });

  test('the CLI prints the note and the findings; nothing crashes', async () => {
    const dir = tempTree({ 'broken.akn': broken });
    const r = await runCli(['--fail-on', 'never', 'broken.akn'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^broken\.akn {2}note: Not well-formed XML \(line 3/m);
    assert.match(r.stdout, /^broken\.akn:4:37 {2}information {2}“Sextortion”/m);
  });

  test('any input, however broken, is read without an exception and maps back exactly', () => {
    const piece = fc.constantFrom('<p>', '</p>', '<i>', '</i>', '<article>', '</article>', '<num>1.</num>', '&amp;', '&#x41;', '&bogus;', '&', '<', '>', '<!--', '-->', '<![CDATA[', ']]>', '"', ' ', '\n', 'child ', 'pornography', 'Sextortion', `<akomaNtoso xmlns="${NS}">`, '<mod>', '<quotedText>', '</quotedText>', '<?pi x?>', '<!DOCTYPE a [');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const s = source(pieces.join(''));
        assertSegmentsExact(s);
        analyse(s, defaultSettings());
      }),
      { numRuns: 300 },
    );
  });
});

describe('Akoma Ntoso in the editor', () => {
  let lsp: LspClient;
  before(async () => {
    lsp = await LspClient.start();
  });
  after(async () => {
    await lsp.stop();
  });

  const actionsFor = (uri: string, d: Diagnostic) =>
    lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });

  test('a term split by markup: diagnosed where it starts, and no quick fix edits across the tags', async () => {
    const xml = akn('<article><num>Article 1</num>\n<content><p>Possessing child <i>pornography</i> or kiddy porn is an offence.</p></content></article>');
    const uri = 'file:///test/split.akn.xml';
    await lsp.open(uri, xml, 'xml');
    const diagnostics = (await lsp.diagnosticsFor(uri)).filter((d) => String(d.code).startsWith('term/'));
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character]), [[2, 23], [2, 51]]);
    const split = await actionsFor(uri, diagnostics[0]);
    const edits = (a: CodeAction): { newText: string }[] => [
      ...Object.values(a.edit?.changes ?? {}).flat(),
      ...(a.edit?.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits.map((e) => ({ newText: 'newText' in e ? e.newText : '' })) : [])),
    ];
    for (const a of split) {
      for (const e of edits(a)) assert.match(e.newText, /^\s*<!-- lanzarote-disable-next-line II-1 — reason: … -->\s*$/, `only a directive comment is inserted (${a.title})`);
    }
    const whole = await actionsFor(uri, diagnostics[1]);
    assert.ok(whole.some((a) => a.isPreferred && edits(a)[0]?.newText === 'child sexual abuse material'));

    // Silencing inserts an XML comment the adapter reads as a directive for the next line.
    const silence = split.find((a) => /^Silence/.test(a.title))!;
    assert.ok(await lsp.applyEdit(silence.edit as WorkspaceEdit));
    const silenced = lsp.documents.get(uri)!.getText();
    assertWellFormed(silenced);
    const after = await lsp.diagnosticsFor(uri);
    assert.deepEqual(after.filter((d) => String(d.code).startsWith('term/')), []);
  });

  test('“fix all” on an Akoma Ntoso draft leaves well-formed XML with the same markup', async () => {
    const xml = readFileSync(path.join(FIXTURES, 'bill.akn'), 'utf8');
    const uri = fileUri(path.join(FIXTURES, 'fixall.akn'));
    await lsp.open(uri, xml, 'xml');
    await lsp.diagnosticsFor(uri);
    const [fixAll] = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.lanzarote'] } });
    assert.ok(fixAll, 'a fix-all action is offered');
    assert.ok(await lsp.applyEdit(fixAll.edit as WorkspaceEdit));
    const fixed = lsp.documents.get(uri)!.getText();
    assertWellFormed(fixed);
    assert.deepEqual(markup(fixed), markup(xml));
  });

  test('malformed XML is a warning where the parser stopped; other XML is left alone', async () => {
    const uri = 'file:///test/broken.akn';
    await lsp.open(uri, akn('<article><num>1</num><content><p>Child pornography</i></p></content></article>'), 'xml');
    const d = (await lsp.diagnosticsFor(uri)).find((x) => x.code === 'file/malformed');
    assert.ok(d, 'file/malformed reported');
    assert.equal(d.range.start.line, 1);
    const other = 'file:///test/pom.xml';
    await lsp.open(other, '<project><name>child pornography filter</name></project>\n', 'xml');
    assert.deepEqual(await lsp.diagnosticsFor(other), []);
    assert.equal(await lsp.request('lanzarote/checklist', { uri: other }), null);
  });
});
