/**
 * Hostile configuration: wrong types, unknown keys, invalid JSON, huge numbers and unknown
 * recommendation ids in `.lanzarote.json`, in the editor's settings (workspace/configuration
 * answers and didChangeConfiguration payloads) and in silencing directives. Each is reported
 * with a clear message naming the key, once, the defaults apply, and the server keeps running;
 * the CLI exits 2 naming the file and the key and checks nothing.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { defaultSettings, parseSettingsFile } from '../../server/src/core/settings';
import { runCli, spawnCli, tempTree } from '../helpers/cli';
import { fileUri, LspClient, waitFor } from '../lsp/lspClient';

const BILL = [
  'Section 160A — Possession of child pornography',
  '(1) A person who possesses child pornography commits an offence.',
  '(2) In section 160, for "child pornography" substitute "child sexual abuse material".',
].join('\n') + '\n';
/** Default severities of the three terms: two Information (II-1 is Invite), one quoted Information. */
const DEFAULT_SEVERITIES = [3, 3, 3];
const termSeverities = (d: Diagnostic[]) => d.filter((x) => String(x.code).startsWith('term/')).map((x) => x.severity);

const UNKNOWN_ID = 'use II-1 … II-12, or Art. 20(1)(a) … (f).';
const KNOWN = 'Known settings: languages, language, severity, quotations, ignore, maxFileSize, jurisdiction, locale, terms.';

/**
 * Hostile `.lanzarote.json` files: the text, then each problem as the CLI prints it
 * (`line:column: "key": message`).
 */
const FILES: [string, string, string[]][] = [
  // jsonc-parser reports the unclosed inner and outer objects at the same place.
  ['invalid JSON', '{ "severity": { "II-1": "error" ', ['1:33: Invalid JSON: close brace expected.', '1:33: Invalid JSON: close brace expected.']],
  ['an empty file', '', ['1:1: Invalid JSON: value expected.']],
  ['not an object', '["II-1"]', ['1:1: The configuration must be a JSON object, e.g. { "quotations": "hide" }.']],
  ['an unknown key', '{\n  "colour": "red"\n}', [`2:3: "colour": Unknown setting "colour". ${KNOWN}`]],
  ['"__proto__", which must not become the object\'s prototype', '{ "__proto__": { "quotations": "hide", "severity": { "II-1": "off" } } }', [`1:3: "__proto__": Unknown setting "__proto__". ${KNOWN}`]],
  ['an unknown recommendation id', '{ "severity": { "II-13": "error" } }', [`1:17: "severity.II-13": Unknown recommendation id "II-13": ${UNKNOWN_ID}`]],
  ['ids that are Object.prototype names', '{ "severity": { "constructor": "off", "__proto__": "off" } }', [`1:17: "severity.constructor": Unknown recommendation id "constructor": ${UNKNOWN_ID}`, `1:39: "severity.__proto__": Unknown recommendation id "__proto__": ${UNKNOWN_ID}`]],
  ['a wrong severity', '{ "severity": { "II-1": "loud" } }', ['1:17: "severity.II-1": Severity must be one of error, warning, information, hint, off, default.']],
  ['a severity that is not an object', '{ "severity": "error" }', ['1:15: "severity": Must be an object mapping recommendation ids to severities, e.g. { "II-1": "warning" }.']],
  ['a huge number', '{ "maxFileSize": 1e400 }', ['1:18: "maxFileSize": Must be a whole number of bytes between 1024 and 1073741824.']],
  ['a number as a string', '{\n  "maxFileSize": "16 MB"\n}', ['2:18: "maxFileSize": Must be a whole number of bytes between 1024 and 1073741824.']],
  ['a negative age', '{ "jurisdiction": { "ageOfSexualConsent": -1, "maxAgeDifference": 99999999999999999999 } }', ['1:21: "jurisdiction.ageOfSexualConsent": Must be a whole number of years between 0 and 21.', '1:47: "jurisdiction.maxAgeDifference": Must be a whole number of years between 0 and 10.']],
  ['languages of the wrong type', '{ "languages": "en", "language": 7, "quotations": true, "locale": [], "ignore": [1] }', [
    '1:16: "languages": Must be a list of language codes, e.g. ["en", "fr"].',
    '1:34: "language": Must be "auto" or one of en, fr, de, es.',
    '1:67: "locale": Must be "en" or "fr".',
    '1:51: "quotations": Must be "information" (report quoted terms as information) or "hide".',
    '1:81: "ignore": Must be a list of glob patterns, e.g. ["archive/**"].',
  ]],
  ['a term that looks like a pattern', '{ "terms": [{ "term": "child p*rn" }, { "term": "(a+)+$" }, { "term": "x" }] }', [
    '1:15: "terms.0.term": A term is a literal phrase: "*" is not allowed (terms are never patterns).',
    '1:41: "terms.1.term": A term must start with a letter or a digit.',
    '1:61: "terms.2": Each term needs a "term": a literal phrase of 2 to 200 characters.',
  ]],
  ['terms spelt like a built-in term or like each other', '{ "terms": [\n  { "term": "Child-Pornography", "replacement": "CSAM" },\n  { "term": "obscene images" },\n  { "term": "Obscene  images" }\n] }', [
    '2:5: "terms.0.term": "Child-Pornography" is already a built-in term (child-pornography); the built-in advice applies.',
    '4:5: "terms.2.term": The same term as terms.1 (capitals, accents, hyphens and spaces aside).',
  ]],
  ['a deeply nested value', `{ "x": ${'['.repeat(50_000)}${']'.repeat(50_000)} }`, [': The file is nested too deeply to be a configuration; it was not read.']],
];

describe('.lanzarote.json: the CLI exits 2 naming the file and the key, and checks nothing', () => {
  for (const [what, text, problems] of FILES) {
    test(what, async () => {
      const dir = tempTree({ '.lanzarote.json': text, 'bill.txt': BILL });
      try {
        const r = await runCli(['bill.txt'], { cwd: dir });
        assert.equal(r.code, 2);
        assert.equal(r.stdout, '');
        const lines = r.stderr.trimEnd().split('\n');
        assert.equal(lines.pop(), 'lanzarote-lint: invalid configuration; nothing was checked.');
        assert.deepEqual(lines.sort(), problems.map((p) => (p.startsWith(':') ? `.lanzarote.json${p}` : `.lanzarote.json:${p}`)).sort());
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  test('the bundled CLI too, with --config naming another file', () => {
    const dir = tempTree({ 'office.json': '{ "severity": { "II-99": "off" } }', 'bill.txt': BILL });
    try {
      const r = spawnCli(['--config', 'office.json', 'bill.txt'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, `office.json:1:17: "severity.II-99": Unknown recommendation id "II-99": ${UNKNOWN_ID}\nlanzarote-lint: invalid configuration; nothing was checked.\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a byte order mark (Notepad on Windows) is not an error; a file over 1 MiB is not read', async () => {
    const dir = tempTree({ '.lanzarote.json': '\ufeff{ "severity": { "II-1": "error" } }', 'bill.txt': BILL });
    try {
      const r = await runCli(['--format', 'json', 'bill.txt'], { cwd: dir });
      assert.equal(r.code, 1, r.stderr);
      const severities = (JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string; quoted: boolean }[] }[])[0].findings.filter((f) => f.ruleId.startsWith('term/') && !f.quoted).map((f) => f.severity);
      assert.deepEqual(severities, ['error', 'error']);
      writeFileSync(path.join(dir, '.lanzarote.json'), `{ "quotations": "hide", "ignore": [${'"x",'.repeat(300_000)} "y"] }`);
      const big = await runCli(['bill.txt'], { cwd: dir });
      assert.equal(big.code, 2);
      assert.equal(big.stderr, '.lanzarote.json: The configuration file is larger than 1 MiB; it was not read.\nlanzarote-lint: invalid configuration; nothing was checked.\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('.lanzarote.json in the core: every problem is reported and the rest of the file applies', () => {
  test('invalid values fall back to the defaults, valid ones beside them apply', () => {
    const r = parseSettingsFile('{ "severity": { "II-13": "error", "II-6": "off" }, "maxFileSize": 1e400, "quotations": "hide", "__proto__": { "languages": ["fr"] } }');
    assert.deepEqual(r.problems.map((p) => p.key), ['__proto__', 'severity.II-13', 'maxFileSize']);
    assert.deepEqual(r.settings.severity, { 'II-6': 'off' });
    assert.equal(r.settings.maxFileSize, defaultSettings().maxFileSize);
    assert.equal(r.settings.quotations, 'hide');
    assert.deepEqual(r.settings.languages, []);
    assert.equal(({} as Record<string, unknown>).languages, undefined, 'nothing leaked into Object.prototype');
  });
});

describe('.lanzarote.json in the language server: one notification per problem, the defaults, no crash', () => {
  const shownBefore = new Set<string>();
  let workspace: string;
  let client: LspClient;
  const uri = () => fileUri(path.join(workspace, 'bills', 'crimes.txt'));
  before(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'lanzarote-hostile-config-'));
    mkdirSync(path.join(workspace, 'bills'));
    writeFileSync(path.join(workspace, '.lanzarote.json'), '{}');
    client = await LspClient.start({ workspaceFolders: [workspace], configuration: (p) => p.items.map(() => ({})) });
    await client.open(uri(), BILL);
    await client.diagnosticsFor(uri());
  });
  after(() => {
    client?.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  for (const [what, text, problems] of FILES) {
    test(what, async () => {
      const file = path.join(workspace, '.lanzarote.json');
      writeFileSync(file, text);
      const seen = client.messages.length;
      client.diagnostics.delete(uri());
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type: 2 }] });
      assert.deepEqual(termSeverities(await client.diagnosticsFor(uri())), DEFAULT_SEVERITIES, 'the defaults apply');
      const expected = problems.map((p) => {
        const m = /^(\d+:\d+)?: (?:"([^"]+)": )?(.*)$/.exec(p)!;
        const where = `${file}${m[1] ? `:${m[1]}` : ''}`;
        return m[2] ? `Lanzarote: ${where}: “${m[2]}”: ${m[3]} The value is ignored.` : `Lanzarote: ${where}: ${m[3]} The file is ignored.`;
      });
      // Each distinct problem once: the same message twice in one file, or again later, is not repeated.
      const fresh = [...new Set(expected)].filter((m) => !shownBefore.has(m));
      await waitFor(() => client.messages.length >= seen + fresh.length || undefined, 5000, `${fresh.length} notification(s)`);
      // Typing in the draft does not repeat them.
      for (let i = 0; i < 10; i++) await client.change(uri(), [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'x' }]);
      await client.diagnosticsFor(uri());
      const shown = client.messages.slice(seen);
      assert.deepEqual(shown.map((m) => m.message).sort(), fresh.sort());
      for (const m of expected) shownBefore.add(m);
      assert.ok(shown.every((m) => m.type === 2), 'warnings');
      assert.equal(client.exitCode, undefined);
    });
  }
});

/** Editor settings (workspace/configuration answers): each value, and the notification it gives. */
const EDITOR: [string, unknown, string[]][] = [
  ['severity of the wrong type', { severity: 'loud' }, ['“lanzarote.severity”: Must be an object mapping recommendation ids to severities, e.g. { "II-1": "warning" }.']],
  ['unknown recommendation ids and a wrong severity', { severity: { 'II-13': 'error', 'II-1': 'bogus', 'Art. 20(1)(f)': 'off' } }, [
    `“lanzarote.severity.II-13”: Unknown recommendation id "II-13": ${UNKNOWN_ID}`,
    '“lanzarote.severity.II-1”: Severity must be one of error, warning, information, hint, off, default.',
  ]],
  ['a huge maxFileSize', { maxFileSize: 1e308 }, ['“lanzarote.maxFileSize”: Must be a whole number of bytes between 1024 and 1073741824.']],
  ['maxFileSize as a string', { maxFileSize: '16MB' }, ['“lanzarote.maxFileSize”: Must be a whole number of bytes between 1024 and 1073741824.']],
  ['languages as a string', { languages: 'en' }, ['“lanzarote.languages”: Must be a list of language codes, e.g. ["en", "fr"].']],
  ['an unknown document language', { documentLanguage: 'xx' }, ['“lanzarote.documentLanguage”: Must be "auto" or one of en, fr, de, es.']],
  ['a jurisdiction that is a number', { jurisdiction: 5 }, ['“lanzarote.jurisdiction”: Must be an object, e.g. { "ageOfSexualConsent": 15 }.']],
  ['an age out of range', { jurisdiction: { ageOfSexualConsent: 99 } }, ['“lanzarote.jurisdiction.ageOfSexualConsent”: Must be a whole number of years between 0 and 21.']],
  ['a locale that is a number', { locale: 42 }, ['“lanzarote.locale”: Must be "en" or "fr".']],
  ['quotations as a boolean', { quotations: true }, ['“lanzarote.quotations”: Must be "information" (report quoted terms as information) or "hide".']],
  ['an unknown key', { severty: { 'II-1': 'off' } }, ['“lanzarote.severty”: Unknown setting "lanzarote.severty". Known settings: lanzarote.severity, lanzarote.quotations, lanzarote.languages, lanzarote.documentLanguage, lanzarote.maxFileSize, lanzarote.locale, lanzarote.jurisdiction.']],
  ['a section that is a list', [1, 2], ['“lanzarote”: Must be an object of settings, e.g. { "quotations": "hide" }.']],
  ['a section that is a string', 'hide', ['“lanzarote”: Must be an object of settings, e.g. { "quotations": "hide" }.']],
  ['nothing at all', null, []],
  ['only the client’s own settings', { documentTypes: ['plaintext'], trace: { server: 'verbose' } }, []],
];

describe('editor settings in the language server: one notification per problem, the defaults, no crash', () => {
  const shownBefore = new Set<string>();
  let client: LspClient;
  let answer: unknown = {};
  const uri = 'file:///lanzarote-hostile-editor/crimes.txt';
  before(async () => {
    client = await LspClient.start({ configuration: (p) => p.items.map(() => answer) });
    await client.open(uri, BILL);
    await client.diagnosticsFor(uri);
  });
  after(() => client?.kill());

  for (const [what, value, problems] of EDITOR) {
    test(what, async () => {
      answer = value;
      const seen = client.messages.length;
      client.diagnostics.delete(uri);
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(termSeverities(await client.diagnosticsFor(uri)), DEFAULT_SEVERITIES, 'the defaults apply');
      for (let i = 0; i < 10; i++) await client.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'x' }]);
      await client.diagnosticsFor(uri);
      // Each distinct problem is shown once in a session: a value that gives the same message again is not repeated.
      const expected = problems.map((p) => `Lanzarote: settings: ${p} The value is ignored.`).filter((m) => !shownBefore.has(m));
      await waitFor(() => client.messages.length >= seen + expected.length || undefined, 5000, 'the notifications');
      assert.deepEqual(client.messages.slice(seen).map((m) => m.message).sort(), expected.sort());
      for (const m of expected) shownBefore.add(m);
      assert.equal(client.exitCode, undefined);
    });
  }
});

describe('pushed editor settings (a client without workspace/configuration)', () => {
  test('a section that is no object, or a null payload: reported or ignored, the defaults apply', async () => {
    const client = await LspClient.start();
    try {
      const uri = 'file:///lanzarote-hostile-push/crimes.txt';
      await client.open(uri, BILL);
      for (const settings of [{ lanzarote: 'hide' }, null, 5, { lanzarote: { severity: [] } }, { lanzarote: { quotations: 'hide' } }]) {
        client.diagnostics.delete(uri);
        await client.notify('workspace/didChangeConfiguration', { settings });
        const severities = termSeverities(await client.diagnosticsFor(uri));
        assert.deepEqual(severities, (settings as { lanzarote?: { quotations?: string } } | null)?.lanzarote?.quotations === 'hide' ? [3, 3] : DEFAULT_SEVERITIES);
      }
      assert.deepEqual(client.messages.map((m) => m.message), [
        'Lanzarote: settings: “lanzarote”: Must be an object of settings, e.g. { "quotations": "hide" }. The value is ignored.',
        'Lanzarote: settings: “lanzarote.severity”: Must be an object mapping recommendation ids to severities, e.g. { "II-1": "warning" }. The value is ignored.',
      ]);
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });
});

describe('silencing directives with unknown ids', () => {
  test('each unknown id is a warning on the id itself; the known ids still silence', async () => {
    const client = await LspClient.start({ configuration: (p) => p.items.map(() => ({})) });
    try {
      const uri = 'file:///lanzarote-hostile-directives/crimes.txt';
      const text = [
        'lanzarote-disable-next-line II-1, II-13 -- the 1978 Act is quoted as enacted',
        'Section 160A — Possession of child pornography',
        // Only unknown ids: reported, and they silence nothing (not everything).
        'lanzarote-disable-next-line __proto__ constructor Art.20(1)(z)',
        '(1) A person who possesses child pornography commits an offence.',
        'lanzarote-language: xx',
        'lanzarote-disable-line II-1',
      ].join('\n');
      const doc = await client.open(uri, text);
      const diagnostics = await client.diagnosticsFor(uri);
      const tool = diagnostics.filter((d) => String(d.code).startsWith('directive/'));
      assert.deepEqual(tool.map((d) => [d.code, doc.getText(d.range), d.severity, d.message]), [
        ['directive/unknown-id', 'II-13', 2, 'Unknown recommendation id “II-13” in a lanzarote directive: use II-1 … II-12 or Art.20(1)(a) … (f).'],
        ['directive/unknown-id', '__proto__', 2, 'Unknown recommendation id “__proto__” in a lanzarote directive: use II-1 … II-12 or Art.20(1)(a) … (f).'],
        ['directive/unknown-id', 'constructor', 2, 'Unknown recommendation id “constructor” in a lanzarote directive: use II-1 … II-12 or Art.20(1)(a) … (f).'],
        ['directive/unknown-id', 'Art.20(1)(z)', 2, 'Unknown recommendation id “Art.20(1)(z)” in a lanzarote directive: use II-1 … II-12 or Art.20(1)(a) … (f).'],
        ['directive/unknown-language', 'lanzarote-language: xx', 2, 'Unknown language “xx” in a lanzarote-language directive: use en, fr, de or es.'],
      ]);
      // II-1 is silenced on line 1 (the known id of the first directive still applies), not on line 3.
      assert.deepEqual(diagnostics.filter((d) => String(d.code).startsWith('term/')).map((d) => d.range.start.line), [3]);
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });
});
