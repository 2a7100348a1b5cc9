import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultSettings, parseSettingsFile, validateSettings } from '../../server/src/core/settings';
import { lint, terms } from '../helpers/analyse';

describe('.lanzarote.json', () => {
  test('a valid file applies every setting', () => {
    const { settings, problems } = parseSettingsFile(JSON.stringify({
      languages: ['en', 'fr'],
      severity: { 'II-1': 'warning', 'ii-6': 'error', 'Art.20(1)(f)': 'off' },
      quotations: 'hide',
      ignore: ['archive/**'],
      maxFileSize: 2_000_000,
      jurisdiction: { ageOfSexualConsent: 15, ageOfCriminalResponsibility: 13, maxAgeDifference: 3 },
    }));
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.languages, ['en', 'fr']);
    assert.deepEqual(settings.severity, { 'II-1': 'warning', 'II-6': 'error', 'Art. 20(1)(f)': 'off' });
    assert.equal(settings.quotations, 'hide');
    assert.equal(settings.jurisdiction.maxAgeDifference, 3);
  });

  test('comments and trailing commas are accepted', () => {
    assert.deepEqual(parseSettingsFile('{\n  // our office style\n  "quotations": "hide",\n}').problems, []);
  });

  test('invalid JSON is reported with its line and column', () => {
    const { problems, settings } = parseSettingsFile('{\n  "quotations": "hide"\n  "languages": ["en"]\n}');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /Invalid JSON/);
    assert.deepEqual([problems[0].line, problems[0].column], [3, 3]);
    assert.deepEqual(settings, defaultSettings());
  });

  test('wrong types, unknown keys, huge numbers and unknown ids name the key and keep the rest', () => {
    const { problems, settings } = parseSettingsFile(JSON.stringify({
      quotations: true,
      maxFileSize: 1e15,
      severity: { 'II-13': 'error', 'II-2': 'loud', 'II-3': 'warning' },
      colour: 'red',
      jurisdiction: { ageOfSexualConsent: '16', maxAgeDifference: 3 },
    }, null, 2));
    assert.deepEqual(problems.map((p) => p.key).sort(), ['colour', 'jurisdiction.ageOfSexualConsent', 'maxFileSize', 'quotations', 'severity.II-13', 'severity.II-2']);
    for (const p of problems) assert.ok(p.line && p.column, `${p.key} has a position`);
    assert.equal(settings.severity['II-3'], 'warning');
    assert.equal(settings.jurisdiction.maxAgeDifference, 3);
    assert.equal(settings.quotations, 'information');
  });

  test('a non-object configuration is refused', () => {
    assert.equal(validateSettings([1, 2]).problems.length, 1);
    assert.equal(parseSettingsFile('').problems.length, 1);
  });

  test('user terms are literal phrases, not regular expressions', () => {
    const { settings, problems } = parseSettingsFile(JSON.stringify({ terms: [{ term: 'obscene (child) images.+?', replacement: 'child sexual abuse material' }] }));
    assert.deepEqual(problems, []);
    assert.equal(terms(lint('any obscene child images here', { settings })).length, 0);
    const found = terms(lint('any obscene (child) images.+? here', { settings }));
    assert.equal(found.length, 1);
    assert.equal(found[0].fix?.newText, 'child sexual abuse material');
  });

  test('severity overrides and off', () => {
    const text = 'A person who possesses child pornography commits an offence.';
    assert.equal(terms(lint(text, { settings: { severity: { 'II-1': 'warning' } } }))[0].severity, 'warning');
    assert.equal(terms(lint(text, { settings: { severity: { 'II-1': 'off' } } })).length, 0);
    const other = lint(text, { settings: { severity: { 'II-6': 'error', 'Art. 20(1)': 'off' } } });
    assert.equal(other.findings.find((f) => f.check === 'II-6')?.severity, 'error');
    assert.equal(other.findings.filter((f) => f.check.startsWith('Art.')).length, 0);
  });
});
