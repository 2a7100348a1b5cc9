/**
 * The extension manifest and the configuration schema say what the code does: every setting the
 * server reads is contributed (with type, default, description in English and French), the JSON
 * schema of .lanzarote.json accepts exactly what validateSettings accepts, and the commands and
 * localised strings match the client's code.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { CONVENTION_CHECK_IDS, RECOMMENDATION_IDS, normaliseCheckKey } from '../../server/src/core/recommendations';
import { validateSettings } from '../../server/src/core/settings';
import { editorToCore } from '../../server/src/lsp/documentSettings';

const ROOT = path.resolve(__dirname, '../..');
const json = (p: string) => JSON.parse(readFileSync(path.join(ROOT, p), 'utf8'));
const manifest = json('package.json');
const nls = { en: json('package.nls.json'), fr: json('package.nls.fr.json') };
const properties: Record<string, Record<string, unknown>> = manifest.contributes.configuration.properties;
const clientSource = readdirSync(path.join(ROOT, 'client/src')).map((f) => readFileSync(path.join(ROOT, 'client/src', f), 'utf8')).join('\n');

describe('extension manifest', () => {
  test('activation is cheap: only on the document types served', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:legal-draft', 'onLanguage:plaintext', 'onLanguage:markdown', 'onLanguage:xml']);
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.engines.vscode, '^1.91.0');
  });

  test('every setting has a type, a default and a description in English and French', () => {
    const expected = [
      'lanzarote.documentTypes', 'lanzarote.severity', 'lanzarote.quotations', 'lanzarote.languages', 'lanzarote.documentLanguage',
      'lanzarote.maxFileSize', 'lanzarote.locale', 'lanzarote.jurisdiction.ageOfSexualConsent',
      'lanzarote.jurisdiction.ageOfCriminalResponsibility', 'lanzarote.jurisdiction.maxAgeDifference', 'lanzarote.trace.server',
    ];
    assert.deepEqual(Object.keys(properties).sort(), [...expected].sort());
    for (const [key, p] of Object.entries(properties)) {
      assert.ok(p.type, `${key} type`);
      assert.ok('default' in p, `${key} default`);
      const description = String(p.markdownDescription ?? p.description);
      const id = /^%(.+)%$/.exec(description)?.[1];
      assert.ok(id, `${key} description is localised`);
      assert.ok(nls.en[id] && nls.fr[id], `${key} has English and French text`);
    }
    assert.deepEqual(properties['lanzarote.documentTypes'].default, ['legal-draft', 'plaintext', 'markdown', 'akoma-ntoso']);
    assert.deepEqual((properties['lanzarote.trace.server'] as { enum: string[] }).enum, ['off', 'messages', 'verbose']);
    assert.deepEqual((properties['lanzarote.locale'] as { enum: string[] }).enum, ['auto', 'en', 'fr']);
    assert.deepEqual((properties['lanzarote.documentLanguage'] as { enum: string[] }).enum, ['auto', 'en', 'fr', 'de', 'es']);
    assert.deepEqual(properties['lanzarote.jurisdiction.maxAgeDifference'].type, ['integer', 'null']);
  });

  test('every placeholder of the manifest has English and French text, and none is unused', () => {
    const used = new Set([...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.deepEqual([...used].filter((k) => !(k in nls.en)), []);
    assert.deepEqual(Object.keys(nls.en).filter((k) => !used.has(k)), []);
    assert.deepEqual(Object.keys(nls.fr).sort(), Object.keys(nls.en).sort());
  });

  test('severity can be set for each recommendation and each Article 20(1) check, with the documented values', () => {
    const severity = properties['lanzarote.severity'] as { properties: Record<string, { enum: string[] }> };
    assert.deepEqual(Object.keys(severity.properties).sort(), [...RECOMMENDATION_IDS, 'Art. 20(1)', ...CONVENTION_CHECK_IDS].sort());
    for (const [key, p] of Object.entries(severity.properties)) {
      assert.equal(normaliseCheckKey(key), key);
      assert.deepEqual([...p.enum].sort(), ['default', 'error', 'hint', 'information', 'off', 'warning']);
    }
  });

  test('the editor settings reach the core under the names .lanzarote.json uses, and validate', () => {
    const editor = {
      severity: { 'II-6': 'error' }, quotations: 'hide', languages: ['fr'], documentLanguage: 'fr', maxFileSize: 4096, locale: 'fr',
      jurisdiction: { ageOfSexualConsent: 15, ageOfCriminalResponsibility: null, maxAgeDifference: 3 },
      documentTypes: ['markdown'], trace: { server: 'verbose' },
    };
    const { settings, problems } = validateSettings(editorToCore(editor));
    assert.deepEqual(problems, []);
    assert.equal(settings.documentLanguage, 'fr');
    assert.equal(settings.locale, 'fr');
    assert.deepEqual(settings.jurisdiction, { ageOfSexualConsent: 15, ageOfCriminalResponsibility: null, maxAgeDifference: 3 });
    assert.equal(validateSettings(editorToCore({ locale: 'auto' })).settings.locale, 'en', '"auto" leaves the locale alone');
  });

  test('commands: contributed and implemented by the client, with French titles', () => {
    const commands = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(commands, [
      'lanzarote.checkWordDocument', 'lanzarote.exportReport', 'lanzarote.openOfficialText', 'lanzarote.refreshChecklist',
      'lanzarote.restartServer', 'lanzarote.revealEvidence', 'lanzarote.showChecklist', 'lanzarote.showRecommendation',
    ]);
    for (const c of commands) assert.ok(clientSource.includes(`'${c}'`), `${c} registered in the client`);
  });

  test('the client’s own strings are all translated in l10n/bundle.l10n.fr.json', () => {
    const used = [...clientSource.matchAll(/l10n\.t\('([^']+)'/g)].map((m) => m[1]);
    const bundle = json('l10n/bundle.l10n.fr.json');
    assert.ok(used.length > 0);
    assert.deepEqual(used.filter((s) => !(s in bundle)), []);
    assert.equal(manifest.l10n, './l10n');
  });

  test('untrusted workspaces are supported in a limited way, and say how', () => {
    const u = manifest.capabilities.untrustedWorkspaces;
    assert.equal(u.supported, 'limited');
    assert.match(nls.en[/^%(.+)%$/.exec(u.description)![1]], /only `severity` and `quotations`/);
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.lanzarote.json', url: './schemas/lanzarote.schema.json' }]);
  });
});

describe('schemas/lanzarote.schema.json mirrors validateSettings', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(json('schemas/lanzarote.schema.json'));
  const cases: [string, unknown][] = [
    ['empty', {}],
    ['all valid', { $schema: './x.json', languages: ['en', 'fr'], language: 'auto', severity: { 'II-1': 'warning', 'ii-6': 'error', 'II 12': 'off', 'Art. 20(1)(f)': 'hint', 'art20': 'default' }, quotations: 'hide', ignore: ['archive/**'], maxFileSize: 2048, jurisdiction: { ageOfSexualConsent: 15, ageOfCriminalResponsibility: null, maxAgeDifference: 3 }, locale: 'fr-CA', terms: [{ term: 'kiddie pics', replacement: 'child sexual abuse material', recommendation: 'II-1' }] }],
    ['unknown key', { colour: 'red' }],
    ['unknown language', { languages: ['it'] }],
    ['language not a list', { languages: 'en' }],
    ['bad document language', { language: 'it' }],
    ['unknown recommendation', { severity: { 'II-13': 'error' } }],
    ['bad severity value', { severity: { 'II-1': 'loud' } }],
    ['bad quotations', { quotations: 'show' }],
    ['ignore not strings', { ignore: [1] }],
    ['file size too small', { maxFileSize: 10 }],
    ['file size not whole', { maxFileSize: 2048.5 }],
    ['file size too large', { maxFileSize: 2 ** 31 }],
    ['age out of range', { jurisdiction: { ageOfSexualConsent: 30 } }],
    ['age difference out of range', { jurisdiction: { maxAgeDifference: 11 } }],
    ['unknown jurisdiction key', { jurisdiction: { votingAge: 18 } }],
    ['locale de', { locale: 'de' }],
    ['locale english', { locale: 'english' }],
    ['term too short', { terms: [{ term: ' a ' }] }],
    ['term unknown recommendation', { terms: [{ term: 'kiddie pics', recommendation: 'II-13' }] }],
    ['term extra key', { terms: [{ term: 'kiddie pics', colour: 'red' }] }],
    ['term replacement not a string', { terms: [{ term: 'kiddie pics', replacement: 3 }] }],
    ['not an object', ['en']],
  ];
  for (const [name, value] of cases) {
    test(name, () => {
      const core = validateSettings(value).problems.length === 0;
      assert.equal(validate(value), core, `schema says ${validate(value)}, validateSettings says ${core}: ${JSON.stringify(validateSettings(value).problems)}`);
    });
  }
});
