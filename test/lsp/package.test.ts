/**
 * `npm run package` builds lanzarote-drafting-assistant.vsix with only what VS Code loads: the two
 * bundles, the grammar, snippets, schema, icon, translations, licence, changelog and the
 * marketplace README — no node_modules, no sources, no tests, no source maps.
 *
 * The package is built in a copy of the working tree, so the production build never rewrites the
 * dist/ that the protocol tests run at the same time.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { inflateRawSync } from 'node:zlib';

const ROOT = path.resolve(__dirname, '../..');
const VSIX = 'lanzarote-drafting-assistant.vsix';

interface Entry {
  name: string;
  size: number;
  data(): Buffer;
}

/** The entries of a zip file, read from its central directory. */
function readZip(buf: Buffer): Entry[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({
      name,
      size,
      data: () => {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const raw = buf.subarray(start, start + compressed);
        return method === 0 ? raw : inflateRawSync(raw);
      },
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

describe('npm run package', () => {
  let work: string;
  let entries: Entry[];
  let output: string;

  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'lanzarote-vsix-'));
    // The working tree as git sees it (tracked and new files, not what .gitignore leaves out).
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const f of files) {
      const from = path.join(ROOT, f);
      if (!existsSync(from) || !statSync(from).isFile()) continue;
      mkdirSync(path.dirname(path.join(work, f)), { recursive: true });
      copyFileSync(from, path.join(work, f));
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
    const run = spawnSync('npm', ['run', '--silent', 'package'], { cwd: work, encoding: 'utf8', timeout: 5 * 60 * 1000 });
    output = `${run.stdout}\n${run.stderr}`;
    assert.equal(run.status, 0, output);
    entries = readZip(readFileSync(path.join(work, VSIX)));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('the package holds exactly the whitelisted files', () => {
    const names = entries.map((e) => e.name).sort();
    const allowed = [
      /^\[Content_Types\]\.xml$/,
      /^extension\.vsixmanifest$/,
      /^extension\/package\.json$/,
      /^extension\/package\.nls(\.fr)?\.json$/,
      /^extension\/dist\/(extension|server)\.js$/,
      /^extension\/syntaxes\/[^/]+\.json$/,
      /^extension\/snippets\/[^/]+\.json$/,
      /^extension\/language-configuration\.json$/,
      /^extension\/images\/icon\.png$/,
      /^extension\/schemas\/lanzarote\.schema\.json$/,
      /^extension\/l10n\/bundle\.l10n\.fr\.json$/,
      /^extension\/LICENSE\.txt$/,
      /^extension\/changelog\.md$/,
      /^extension\/readme\.md$/,
    ];
    assert.deepEqual(names.filter((n) => !allowed.some((re) => re.test(n))), [], 'nothing outside the whitelist');
    for (const n of names) assert.doesNotMatch(n, /node_modules|\/src\/|\/test\/|\.map$|\.ts$|samples\//);
    for (const required of ['extension/dist/extension.js', 'extension/dist/server.js', 'extension/images/icon.png', 'extension/LICENSE.txt', 'extension/changelog.md', 'extension/readme.md']) {
      assert.ok(names.includes(required), `${required} is packaged`);
    }
  });

  test('every file the manifest points to is in the package', () => {
    const manifest = JSON.parse(entries.find((e) => e.name === 'extension/package.json')!.data().toString('utf8'));
    const c = manifest.contributes;
    const referenced = [
      manifest.main,
      manifest.icon,
      ...c.grammars.map((g: { path: string }) => g.path),
      ...c.snippets.map((s: { path: string }) => s.path),
      ...c.languages.filter((l: { configuration?: string }) => l.configuration).map((l: { configuration: string }) => l.configuration),
      ...c.jsonValidation.map((j: { url: string }) => j.url),
    ];
    const names = new Set(entries.map((e) => e.name));
    for (const r of referenced) assert.ok(names.has(`extension/${path.posix.normalize(r)}`), `${r} is packaged`);
  });

  test('the marketplace README is docs/marketplace.md; the bundles are minified, without source maps', (t) => {
    const readme = entries.find((e) => e.name === 'extension/readme.md')!.data().toString('utf8');
    assert.equal(readme, readFileSync(path.join(ROOT, 'docs/marketplace.md'), 'utf8'));
    for (const name of ['extension/dist/extension.js', 'extension/dist/server.js']) {
      const e = entries.find((x) => x.name === name)!;
      const code = e.data().toString('utf8');
      assert.doesNotMatch(code, /sourceMappingURL/);
      // Minified: long lines (the few line breaks left are inside template strings).
      assert.ok(code.split('\n').length < e.size / 2000, `${name} is minified`);
      t.diagnostic(`${name}: ${(e.size / 1024).toFixed(1)} KiB`);
    }
  });
});
