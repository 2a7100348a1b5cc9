/**
 * A French projet de loi, as plain text and as Akoma Ntoso: French messages wherever the user
 * reads them (CLI with --lang fr or a French LANG, report, editor with a French display language)
 * and a correct checklist. And no English string left without its French counterpart.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runCli, ROOT } from '../helpers/cli';
import { fileUri, LspClient } from '../lsp/lspClient';

const TXT = 'samples/projet-de-loi-protection-enfants.txt';
const AKN = 'samples/projet-de-loi-protection-enfants.akn.xml';

interface ReportJson { recommendations: { id: string; status: string }[]; convention: { id: string; status: string }[] }

async function statuses(file: string): Promise<Record<string, string>> {
  const r = await runCli(['report', '--format', 'json', file]);
  assert.equal(r.code, 0, r.stderr);
  const data: ReportJson = JSON.parse(r.stdout);
  return Object.fromEntries([...data.recommendations, ...data.convention].map((e) => [e.id, e.status]));
}

describe('a French projet de loi', () => {
  test('the checklist is right, and the same for the text and the Akoma Ntoso version', async () => {
    const text = await statuses(TXT);
    // What the projet says: no adult exemption; prosecution of minors only as a last resort;
    // proposals to a minor punished even without a meeting; action publique d'office; nothing on
    // procuring the material; the exemption covers the child's own images only; no definition.
    assert.equal(text['II-5'], 'not-applicable');
    assert.equal(text['II-9'], 'met');
    assert.equal(text['II-10'], 'met');
    assert.equal(text['II-12'], 'met');
    assert.equal(text['Art. 20(1)(d)'], 'missing');
    assert.equal(text['II-6'], 'partial');
    assert.equal(text['II-3'], 'missing');
    assert.notEqual(text['II-1'], 'met', '« pédopornographie » is the draft’s own wording');
    assert.deepEqual(await statuses(AKN), text);
  });

  test('the CLI speaks French with --lang fr or a French LANG', async () => {
    for (const run of [() => runCli(['--lang', 'fr', '--fail-on', 'never', AKN]), () => runCli(['--fail-on', 'never', AKN], { env: { LANG: 'fr_FR.UTF-8' } })]) {
      const r = await run();
      assert.match(r.stdout, /:91:43 {2}information {4}« pédopornographie » est une terminologie dépassée : employer « matériel d'abus sexuel d'enfants » \(Recommandation II-1, Invitation\)\./);
      assert.match(r.stdout, / {2}erreur {9}Le texte n’incrimine pas le fait de se procurer/);
      assert.match(r.stdout, / {2}avertissement {2}Incrimine la détention/);
      assert.match(r.stdout, /^\d+ constats dans 1 fichier sur 1 : 2 erreurs, 2 avertissements, \d+ informations, 0 indication \(dont 1 dans des textes cités\)\.$/m);
      assert.doesNotMatch(r.stdout, /outdated|Recommendation |Invite\b/);
    }
  });

  test('the report is French, statuses and evidence included', async () => {
    const r = await runCli(['report', '--lang', 'fr', AKN]);
    assert.match(r.stdout, /^# Liste de contrôle Lanzarote : samples\/projet-de-loi-protection-enfants\.akn\.xml/);
    assert.match(r.stdout, /Langue du texte : fr\./);
    assert.match(r.stdout, /\| II-9 — .* \| Demande \| \*\*satisfaite\*\* \|/);
    assert.match(r.stdout, /\*\*Statut\s:\*\* partiellement satisfaite/);
  });

  test('the editor with a French display language: French diagnostics and checklist', async () => {
    const lsp = await LspClient.start({ locale: 'fr' });
    try {
      const uri = fileUri(path.join(ROOT, AKN));
      await lsp.open(uri, readFileSync(path.join(ROOT, AKN), 'utf8'), 'xml');
      const diagnostics = await lsp.diagnosticsFor(uri);
      const text = (d: (typeof diagnostics)[number]) => (typeof d.message === 'string' ? d.message : d.message.value);
      const term = diagnostics.find((d) => d.code === 'term/csam' && d.range.start.line === 90)!;
      assert.equal(term.range.start.character, 42);
      assert.match(text(term), /^« pédopornographie » est une terminologie dépassée/);
      for (const d of diagnostics) assert.doesNotMatch(text(d), /outdated|The draft|Recommendation /, text(d));
      const checklist = await lsp.request<{ recommendations: { id: string; statusText: string; explanation: string }[] }>('lanzarote/checklist', { uri });
      const ii9 = checklist.recommendations.find((r) => r.id === 'II-9')!;
      assert.equal(ii9.statusText, 'satisfaite');
      assert.doesNotMatch(ii9.explanation, /\bthe\b/i);
    } finally {
      await lsp.stop();
    }
  });
});

describe('every message of the server and the CLI exists in English and in French', () => {
  /** The keys of each `addMessages(locale, { … })` block (and the core dictionaries) of a file. */
  function messageKeys(source: string): Record<'en' | 'fr', Set<string>> {
    const keys = { en: new Set<string>(), fr: new Set<string>() };
    const opener = /(?:const (en|fr): Dictionary = \{|addMessages\('(en|fr)',\s*\{)/g;
    for (let m = opener.exec(source); m; m = opener.exec(source)) {
      let depth = 1;
      let i = m.index + m[0].length;
      for (; depth > 0 && i < source.length; i++) depth += source[i] === '{' ? 1 : source[i] === '}' ? -1 : 0;
      const body = source.slice(m.index + m[0].length, i);
      for (const k of body.matchAll(/^\s*'([^']+)':/gm)) keys[(m[1] ?? m[2]) as 'en' | 'fr'].add(k[1]);
    }
    return keys;
  }
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = path.join(dir, n);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });

  test('no key is English-only or French-only', () => {
    let checked = 0;
    for (const file of files(path.join(ROOT, 'server/src'))) {
      const { en, fr } = messageKeys(readFileSync(file, 'utf8'));
      if (!en.size && !fr.size) continue;
      checked += en.size;
      assert.deepEqual([...en].filter((k) => !fr.has(k)), [], `${path.relative(ROOT, file)}: no French for`);
      assert.deepEqual([...fr].filter((k) => !en.has(k)), [], `${path.relative(ROOT, file)}: no English for`);
    }
    assert.ok(checked > 150, `${checked} keys checked`);
  });
});
