/**
 * Word drafts: paragraphs read with the automatic numbering Word shows ("Article 2", "(1)", "(a)",
 * "(i)"), located by paragraph number in the CLI and the report, and never rewritten by --fix.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import JSZip from 'jszip';
import { readDocx } from '../../server/src/node/docx';
import { ROOT, runCli, tempTree } from '../helpers/cli';
import { makeDocx } from './helpers';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A .docx with the given body paragraphs (WordprocessingML) and numbering definitions. */
async function docx(body: string, options: { numbering?: string; styles?: string; language?: string } = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  if (options.numbering) zip.file('word/numbering.xml', `<w:numbering xmlns:w="${W}">${options.numbering}</w:numbering>`);
  if (options.styles) zip.file('word/styles.xml', `<w:styles xmlns:w="${W}">${options.styles}</w:styles>`);
  if (options.language) zip.file('docProps/core.xml', `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:language>${options.language}</dc:language></cp:coreProperties>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const lvl = (ilvl: number, fmt: string, text: string, suff = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${suff ? `<w:suff w:val="${suff}"/>` : ''}</w:lvl>`;
const p = (text: string, numId?: number, ilvl = 0, style?: string) =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numId !== undefined ? `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>` : ''}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

const NUMBERING = [
  `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', 'Article %1', 'space')}${lvl(1, 'decimal', '(%2)')}${lvl(2, 'lowerLetter', '(%3)')}${lvl(3, 'lowerRoman', '(%4)')}</w:abstractNum>`,
  `<w:abstractNum w:abstractNumId="1">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%1.%2')}</w:abstractNum>`,
  `<w:abstractNum w:abstractNumId="2">${lvl(0, 'bullet', '\uf0b7')}</w:abstractNum>`,
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
  '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>',
  '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>',
  '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>',
].join('');
const STYLES = '<w:style w:type="paragraph" w:styleId="ArticleHeading"><w:name w:val="Article heading"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style>';

describe('Word documents: paragraphs and automatic numbering', () => {
  test('numbering labels are read as Word shows them: formats, levels, restarts, overrides, styles', async () => {
    const body = [
      p('Definitions', undefined, 0, 'ArticleHeading'),
      p('In this Act—', 1, 1),
      p('“child” means a person under 18;', 1, 2),
      p('“material” includes—', 1, 2),
      p('images;', 1, 3),
      p('recordings.', 1, 3),
      p('A second subsection.', 1, 1),
      p('its first point.', 1, 2),
      p('Offences', undefined, 0, 'ArticleHeading'),
      p('A person who possesses child pornography commits an offence.', 1, 1),
      p('Not numbered, although styled as a heading.', 0, 0, 'ArticleHeading'),
      p(''),
      p('Transitional provisions', 2, 0),
      p('Part one', 3, 0),
      p('its first section', 3, 1),
      p('Part two', 3, 0),
      p('a bullet', 4, 0),
    ].join('');
    const read = await readDocx(await docx(body, { numbering: NUMBERING, styles: STYLES }));
    assert.deepEqual(read.text.split('\n').slice(0, -1), [
      'Article 1 Definitions',
      '(1) In this Act—',
      '(a) “child” means a person under 18;',
      '(b) “material” includes—',
      '(i) images;',
      '(ii) recordings.',
      '(2) A second subsection.',
      '(a) its first point.',
      'Article 2 Offences',
      '(1) A person who possesses child pornography commits an offence.',
      'Not numbered, although styled as a heading.',
      '',
      'Article 10 Transitional provisions',
      'I. Part one',
      'I.1 its first section',
      'II. Part two',
      '• a bullet',
    ]);
    assert.deepEqual(read.paragraphOfLine, Array.from({ length: 17 }, (_, i) => i + 1));
  });

  test('what Word shows of the runs: tabs, line breaks, hidden text; not deleted text or field codes', async () => {
    const body = `<w:p><w:r><w:t>Section</w:t><w:tab/><w:t>1</w:t><w:br/><w:t>child </w:t></w:r><w:del><w:r><w:delText>old </w:delText></w:r></w:del><w:ins><w:r><w:t>pornography</w:t></w:r></w:ins><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> (hidden)</w:t></w:r><w:r><w:t>&amp; more</w:t></w:r></w:p>`;
    const read = await readDocx(await docx(body, { language: 'fr-FR' }));
    assert.equal(read.text, 'Section\t1 child pornography (hidden)& more\n');
    assert.equal(read.language, 'fr-FR');
  });

  test('the sample is the Markdown model law, with Word numbering, and is up to date', async () => {
    const sample = readFileSync(path.join(ROOT, 'samples/model-law.docx'));
    const read = await readDocx(sample);
    const lines = read.text.split('\n');
    for (const l of ['Article 2 – Offences', '1. A person who, intentionally and without right,', 'a) produces child sexual abuse material;', 'Article 6 – Prevention and education']) {
      assert.ok(lines.includes(l), l);
    }
    const fresh = path.join(mkdtempSync(path.join(tmpdir(), 'lanzarote-docx-')), 'model-law.docx');
    makeDocx(path.join(ROOT, 'samples/model-law.md'), fresh);
    assert.ok(readFileSync(fresh).equals(sample), 'samples/model-law.docx is what scripts/make-sample-docx.mjs writes: run it and commit the result');
  });
});

describe('Word documents in the CLI and the report', () => {
  const bill = () => docx([
    p('Offences', undefined, 0, 'ArticleHeading'),
    p('A person who possesses child pornography commits an offence.', 1, 1),
    p('Article 20 of the Convention speaks of “possessing child pornography”.', undefined, 0, 'Quote'),
  ].join(''), { numbering: NUMBERING, styles: STYLES });

  test('findings name the paragraph and quote the words around the term', async () => {
    const dir = tempTree({ 'bill.docx': await bill() });
    const r = await runCli(['--fail-on', 'never', 'bill.docx'], { cwd: dir });
    assert.match(r.stdout, /^bill\.docx ¶2 {2}information {2}“child pornography” is outdated wording/m);
    assert.match(r.stdout, /^ {4}“\(1\) A person who possesses child pornography commits an offence\.”$/m);
    assert.match(r.stdout, /^bill\.docx ¶3 {2}information {2}.*In quoted text \(a block quotation\)/m, 'a paragraph in the Quote style is a block quotation');

    const json = await runCli(['--format', 'json', '--fail-on', 'never', 'bill.docx'], { cwd: dir });
    const [file] = JSON.parse(json.stdout) as { findings: { ruleId: string; line: number; column: number; paragraph: number; excerpt: string }[] }[];
    const term = file.findings.find((f) => f.ruleId === 'term/csam')!;
    assert.deepEqual([term.line, term.paragraph, term.column], [2, 2, 28]);
    assert.equal(term.excerpt, '(1) A person who possesses child pornography commits an offence.');

    const sarif = await runCli(['--format', 'sarif', '--fail-on', 'never', 'bill.docx'], { cwd: dir });
    const result = JSON.parse(sarif.stdout).runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'term/csam');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 2);
    assert.equal(result.locations[0].physicalLocation.region.snippet.text, term.excerpt);
    assert.equal(result.properties.paragraph, 2);
    assert.equal(result.fixes, undefined, 'no replacements offered on a binary file');
  });

  test('--fix and --fix-dry-run are refused for Word documents (exit 2); the other files are still processed', async () => {
    const word = await bill();
    const dir = tempTree({ 'bill.docx': word, 'notes.txt': 'Possession of child pornography is an offence.\n' });
    const r = await runCli(['--fix', '--fail-on', 'never', '.'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--fix cannot change Word documents \(bill\.docx\): make the replacements in Word\. The other files were processed\./);
    assert.equal(readFileSync(path.join(dir, 'notes.txt'), 'utf8'), 'Possession of child sexual abuse material is an offence.\n');
    assert.ok(readFileSync(path.join(dir, 'bill.docx')).equals(word), 'the Word document is untouched');

    const dry = tempTree({ 'bill.docx': word, 'notes.txt': 'Possession of child pornography is an offence.\n' });
    const d = await runCli(['--fix-dry-run', '.'], { cwd: dry });
    assert.equal(d.code, 2);
    assert.match(d.stdout, /^\+Possession of child sexual abuse material is an offence\.$/m);
    assert.match(d.stderr, /--fix-dry-run cannot change Word documents/);
    const fr = await runCli(['--fix', '--lang', 'fr', 'bill.docx'], { cwd: dry });
    assert.match(fr.stderr, /--fix ne peut pas modifier les documents Word \(bill\.docx\)/);
  });

  test('lanzarote-lint report bill.docx: the checklist, with evidence located by paragraph', async () => {
    const md = await runCli(['report', 'samples/model-law.docx']);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^# Lanzarote checklist: samples\/model-law\.docx/);
    assert.match(md.stdout, /\*\*11 of 12 recommendations met, 0 partly met, 0 missing, 1 not applicable\.\*\*/);
    assert.match(md.stdout, /- \*\*Article 3\(2\), ¶18\*\*: “2\. A child shall not be prosecuted/);
    const json = await runCli(['report', '--format', 'json', 'samples/model-law.docx']);
    const evidence = (JSON.parse(json.stdout) as { recommendations: { evidence: { line: number; paragraph?: number }[] }[] }).recommendations.flatMap((r) => r.evidence);
    assert.ok(evidence.length > 0 && evidence.every((e) => e.paragraph === e.line));
    const fr = await runCli(['report', '--lang', 'fr', 'samples/model-law.docx']);
    assert.match(fr.stdout, /^# Liste de contrôle Lanzarote : samples\/model-law\.docx/m);
    assert.match(fr.stdout, /- \*\*Article 3\(2\), ¶18\*\*/);
  });

  test('a file that is not a Word document is skipped with a reason; folders include .docx files', async () => {
    const dir = tempTree({ 'fake.docx': 'Child pornography.\n' });
    const r = await runCli(['fake.docx'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^fake\.docx {2}skipped: Not analysed: not a readable Word document \(\.docx\)\.$/m);
    const samples = await runCli(['--format', 'json', '--fail-on', 'never', 'samples/']);
    assert.ok((JSON.parse(samples.stdout) as { file: string }[]).some((f) => f.file === 'samples/model-law.docx'));
  });
});
