/**
 * The language of each draft: a `lanzarote-language` directive in the draft wins over the setting
 * (`language` in .lanzarote.json, `lanzarote.documentLanguage`), which wins
 * over the file's metadata (Akoma Ntoso FRBRlanguage, Word dc:language), which wins over detection
 * from the text.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import JSZip from 'jszip';
import { analyse } from '../../server/src/core/analyse';
import { sourceFor } from '../../server/src/core/formats';
import { AKN_NAMESPACE } from '../../server/src/core/formats/akn';
import { defaultSettings, type Settings } from '../../server/src/core/settings';
import { loadDraft } from '../../server/src/node/loadDraft';
import { runCli, tempTree } from '../helpers/cli';
import { fileUri, LspClient } from '../lsp/lspClient';

const ENGLISH = 'A person who possesses such images of a child shall be guilty of an offence and liable to imprisonment.';
const FRENCH = 'Le fait de détenir une telle image est puni de cinq ans d’emprisonnement et de 75 000 euros d’amende.';

const akn = (text: string, language?: string, directive?: string) =>
  `<?xml version="1.0"?>\n${directive ? `<!-- lanzarote-language: ${directive} -->\n` : ''}<akomaNtoso xmlns="${AKN_NAMESPACE}"><act><meta>${language ? `<identification><FRBRExpression><FRBRlanguage language="${language}"/></FRBRExpression></identification>` : ''}</meta><body><article><num>1</num><content><p>${text}</p></content></article></body></act></akomaNtoso>\n`;

async function docx(text: string, language?: string, directive?: string): Promise<Buffer> {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const zip = new JSZip();
  zip.file('word/document.xml', `<w:document xmlns:w="${W}"><w:body>${directive ? para(`lanzarote-language: ${directive}`) : ''}${para(text)}</w:body></w:document>`);
  if (language) zip.file('docProps/core.xml', `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:language>${language}</dc:language></cp:coreProperties>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const aknLanguage = (xml: string, settings: Partial<Settings> = {}) => analyse(sourceFor('file:///d.akn', xml, 'akn'), { ...defaultSettings(), ...settings }).language;

async function docxLanguage(bytes: Buffer, settings: Partial<Settings> = {}) {
  const loaded = await loadDraft('/virtual/bill.docx', { maxFileSize: 1 << 20, locale: 'en', bytes });
  assert.ok(loaded.ok);
  return analyse(loaded.source, { ...defaultSettings(), ...settings }).language;
}

describe('the language of a draft: directive > setting > metadata > detection', () => {
  test('Akoma Ntoso: FRBRlanguage over the text, the setting over FRBRlanguage, the directive over both', () => {
    assert.equal(aknLanguage(akn(ENGLISH)), 'en', 'detected');
    assert.equal(aknLanguage(akn(FRENCH)), 'fr', 'detected');
    assert.equal(aknLanguage(akn(ENGLISH, 'fra')), 'fr', 'metadata over detection');
    assert.equal(aknLanguage(akn(ENGLISH, 'fra'), { documentLanguage: 'es' }), 'es', 'setting over metadata');
    assert.equal(aknLanguage(akn(ENGLISH, 'fra', 'de'), { documentLanguage: 'es' }), 'de', 'directive over setting');
    assert.equal(aknLanguage(akn(FRENCH, 'ita')), 'fr', 'a language we have no pack for falls back to detection');
  });

  test('Word: dc:language over the text, the setting over dc:language, the directive over both', async () => {
    assert.equal(await docxLanguage(await docx(FRENCH)), 'fr', 'detected');
    assert.equal(await docxLanguage(await docx(ENGLISH, 'fr-FR')), 'fr', 'metadata over detection');
    assert.equal(await docxLanguage(await docx(ENGLISH, 'fr-FR'), { documentLanguage: 'de' }), 'de', 'setting over metadata');
    assert.equal(await docxLanguage(await docx(ENGLISH, 'fr-FR', 'es'), { documentLanguage: 'de' }), 'es', 'directive over setting');
  });

  test('the CLI: .lanzarote.json `language` over the metadata', async () => {
    const language = (stdout: string) => /Language of the draft: (\w+)\./.exec(stdout)?.[1];
    const dir = tempTree({ 'bill.akn': akn(ENGLISH, 'fra'), 'sub/bill.akn': akn(ENGLISH, 'fra'), 'sub/.lanzarote.json': '{ "language": "en" }' });
    assert.equal(language((await runCli(['report', 'bill.akn'], { cwd: dir })).stdout), 'fr');
    assert.equal(language((await runCli(['report', 'sub/bill.akn'], { cwd: dir })).stdout), 'en');
  });

  test('the editor: lanzarote.documentLanguage over the metadata, the directive over the setting', async () => {
    const dir = tempTree({});
    let setting: string | undefined;
    const lsp = await LspClient.start({ configuration: (p) => p.items.map(() => (setting ? { documentLanguage: setting } : {})) });
    try {
      const language = async (name: string, text: string) => {
        const uri = fileUri(path.join(dir, name));
        await lsp.open(uri, text, 'xml');
        await lsp.diagnosticsFor(uri);
        const report = await lsp.request<{ content: string } | null>('lanzarote/report', { uri, format: 'md' });
        await lsp.close(uri);
        return /Language of the draft: (\w+)\./.exec(report?.content ?? '')?.[1];
      };
      assert.equal(await language('a.akn', akn(ENGLISH, 'fra')), 'fr');
      setting = 'es';
      await lsp.notify('workspace/didChangeConfiguration', { settings: null });
      assert.equal(await language('b.akn', akn(ENGLISH, 'fra')), 'es');
      assert.equal(await language('c.akn', akn(ENGLISH, 'fra', 'de')), 'de');
    } finally {
      await lsp.stop();
    }
  });
});
