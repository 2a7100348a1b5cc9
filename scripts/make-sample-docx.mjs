#!/usr/bin/env node
// Writes samples/model-law.docx from samples/model-law.md: the same model law as a Word document,
// with real WordprocessingML automatic numbering (numbering.xml), so that the CLI, the report and
// the tests read numbering labels the way Word shows them. The output is byte-for-byte
// reproducible (fixed zip dates): run it again after editing the Markdown and commit both.
//
//   node scripts/make-sample-docx.mjs [input.md] [output.docx]
//
// Markdown → Word: "# Title" → Title style; "## Article 1 – Definitions" → a Heading 2 paragraph
// "Definitions" numbered "Article 1 –" (list level 0); "1. …" → level 1 ("%2."); "a) …" → level 2
// ("%3)"); "> …" → Quote style; a lanzarote directive comment → a paragraph of hidden text
// (w:vanish), which Word does not show and the analysis reads; fenced code is left out.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';

const root = new URL('..', import.meta.url).pathname;
const input = process.argv[2] ?? join(root, 'samples/model-law.md');
const output = process.argv[3] ?? join(root, 'samples/model-law.docx');
const DATE = new Date('2025-01-15T00:00:00Z');

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Paragraphs of the Markdown draft: { style?, level?, hidden?, text }. */
export function paragraphsOf(markdown) {
  const out = [];
  let current; // the paragraph continuation lines append to
  let textIndent = 0;
  let fenced = false;
  for (const raw of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      current = undefined;
      continue;
    }
    if (fenced) continue;
    const line = raw.replace(/\s+$/, '');
    if (!line.trim()) {
      current = undefined;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    const directive = /^<!--\s*(lanzarote-(?!language)[\s\S]*?)\s*-->$/.exec(line.trim());
    if (directive) {
      out.push({ hidden: true, text: directive[1] });
      current = undefined;
      continue;
    }
    if (/^<!--/.test(line.trim())) continue; // the language is in docProps/core.xml
    let m;
    if ((m = /^#\s+(.*)$/.exec(line))) out.push((current = { style: 'Title', text: m[1] }));
    else if ((m = /^##\s+Article\s+\d+\s*[–—-]\s*(.*)$/.exec(line))) out.push((current = { style: 'Heading2', level: 0, text: m[1] }));
    else if ((m = /^##\s+(.*)$/.exec(line))) out.push((current = { style: 'Heading2', text: m[1] }));
    else if ((m = /^>\s?(.*)$/.exec(line))) out.push((current = { style: 'Quote', text: m[1] }));
    else if ((m = /^(\s*)\d+\.\s+(.*)$/.exec(line))) out.push((current = { level: 1, text: m[2] }));
    else if ((m = /^(\s*)[a-z]\)\s+(.*)$/.exec(line))) out.push((current = { level: 2, text: m[2] }));
    else if (current && indent >= textIndent) {
      current.text += ` ${line.trim()}`;
      continue;
    } else out.push((current = { text: line.trim() }));
    // Where the paragraph's text starts: continuation lines indented as far belong to it.
    textIndent = line.length - current.text.length;
  }
  return out;
}

function paragraphXml(p) {
  const props = [];
  if (p.style) props.push(`<w:pStyle w:val="${p.style}"/>`);
  if (p.level !== undefined) props.push(`<w:numPr><w:ilvl w:val="${p.level}"/><w:numId w:val="1"/></w:numPr>`);
  if (p.hidden) props.push('<w:rPr><w:vanish/></w:rPr>');
  const run = `<w:r>${p.hidden ? '<w:rPr><w:vanish/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(p.text)}</w:t></w:r>`;
  return `<w:p>${props.length ? `<w:pPr>${props.join('')}</w:pPr>` : ''}${run}</w:p>`;
}

const level = (ilvl, format, text, suffix, indent) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>${ilvl > 0 ? `<w:lvlRestart w:val="${ilvl}"/>` : ''}<w:lvlText w:val="${text}"/><w:suff w:val="${suffix}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${indent}" w:hanging="360"/></w:pPr></w:lvl>`;

const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>${level(0, 'decimal', 'Article %1 –', 'space', 0)}${level(1, 'decimal', '%2.', 'tab', 720)}${level(2, 'lowerLetter', '%3)', 'tab', 1080)}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
`;

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr><w:rPr><w:i/></w:rPr></w:style></w:styles>
`;

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
`;

const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
`;

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
`;

const core = (title, language) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(title)}</dc:title><dc:language>${language}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">2025-01-15T00:00:00Z</dcterms:created></cp:coreProperties>
`;

/** The .docx bytes for a list of paragraphs. */
export async function docxOf(paragraphs, { title = 'Draft', language = 'en-GB' } = {}) {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}"><w:body>${paragraphs.map(paragraphXml).join('')}<w:sectPr/></w:body></w:document>
`;
  const zip = new JSZip();
  const add = (name, content) => zip.file(name, content, { date: DATE, createFolders: false });
  add('[Content_Types].xml', contentTypes);
  add('_rels/.rels', rels);
  add('word/document.xml', document);
  add('word/_rels/document.xml.rels', documentRels);
  add('word/numbering.xml', numbering);
  add('word/styles.xml', styles);
  add('docProps/core.xml', core(title, language));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const paragraphs = paragraphsOf(readFileSync(input, 'utf8'));
  const title = paragraphs.find((p) => p.style === 'Title')?.text ?? 'Draft';
  writeFileSync(output, await docxOf(paragraphs, { title }));
  console.log(`wrote ${output} (${paragraphs.length} paragraphs)`);
}
