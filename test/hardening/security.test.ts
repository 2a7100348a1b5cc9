/**
 * Security: the server and the CLI make no network request and execute nothing from the
 * workspace (checked at run time with test/hardening/monitor.cjs preloaded, and statically in the
 * sources and the bundles); an untrusted workspace's `.lanzarote.json` only changes how findings
 * are shown; user-defined terms are literal phrases matched in linear time.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { parseSettingsFile, defaultSettings } from '../../server/src/core/settings';
import { matcherFor } from '../../server/src/core/terminology/rule';
import { CLI, tempTree } from '../helpers/cli';
import { fileUri, LspClient, ROOT, waitFor } from '../lsp/lspClient';

const MONITOR = path.join(__dirname, 'monitor.cjs');

interface Event {
  pid: number;
  kind: string;
  detail: string;
  stack: string[];
}

function readLog(file: string): Event[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Event);
}

/** Run `fn` with the monitor preloaded into every Node process it starts; returns what they did. */
async function monitored(fn: (env: NodeJS.ProcessEnv) => Promise<void> | void): Promise<Event[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lanzarote-monitor-'));
  const log = path.join(dir, 'events.jsonl');
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, LOG: process.env.LANZAROTE_MONITOR_LOG };
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${MONITOR}`.trim(), LANZAROTE_MONITOR_LOG: log };
  // LspClient spawns with this process's environment.
  process.env.NODE_OPTIONS = env.NODE_OPTIONS;
  process.env.LANZAROTE_MONITOR_LOG = log;
  try {
    await fn(env);
  } finally {
    if (saved.NODE_OPTIONS === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved.NODE_OPTIONS;
    if (saved.LOG === undefined) delete process.env.LANZAROTE_MONITOR_LOG;
    else process.env.LANZAROTE_MONITOR_LOG = saved.LOG;
  }
  const events = readLog(log);
  rmSync(dir, { recursive: true, force: true });
  return events;
}

/** What a process did besides loading the monitor and its own code (bin/ and dist/). */
function suspicious(events: Event[]): Event[] {
  // fdir (in tinyglobby, bundled in the CLI) looks for picomatch next to the tool itself with
  // createRequire(import.meta.url): the tool's own dependency, never the drafts' folder.
  const own = [path.join(ROOT, 'dist') + path.sep, path.join(ROOT, 'bin') + path.sep, path.join(ROOT, 'node_modules', 'picomatch') + path.sep];
  // The server analyses long drafts in a worker thread running its own bundle (dist/server.js).
  const ownCode = (e: Event) => (e.kind === 'main-module' || e.kind === 'module' || e.kind === 'worker_threads.Worker') && own.some((p) => e.detail.startsWith(p));
  return events.filter((e) => !(e.kind === 'loaded' || ownCode(e)));
}

const BILL = [
  'Section 160A — Possession of child pornography',
  '(1) A person who possesses child pornography commits an offence.',
  '(2) In section 160, for "child pornography" substitute "child sexual abuse material".',
  '(3) It is not an offence for a child to possess an image of themselves kept for private use.',
  '(4) See Recommendation II-6 and https://www.coe.int/en/web/children/lanzarote-committee.',
].join('\n') + '\n';

/** A workspace that tries to get code run: JavaScript configuration files, package scripts, modules. */
function hostileWorkspace(): string {
  const marker = path.join(tmpdir(), `lanzarote-executed-${process.pid}`);
  const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'executed'); module.exports = { quotations: 'hide' };`;
  return tempTree({
    '.lanzarote.json': JSON.stringify({ $schema: './schema.js', severity: { 'II-1': 'warning' }, terms: [{ term: 'require', replacement: 'import' }] }),
    '.lanzarote.js': payload,
    'lanzarote.config.js': payload,
    '.lanzarote.cjs': payload,
    'schema.js': payload,
    'package.json': JSON.stringify({ name: 'bills', scripts: { postinstall: 'node .lanzarote.js' }, lanzarote: { quotations: 'hide' } }),
    'node_modules/lanzarote-plugin/index.js': payload,
    'bills/crimes.txt': BILL,
    'bills/model.md': `# Model law\n\n> "child pornography" as quoted\n\n${BILL}`,
  });
}

describe('no network, nothing executed (run time)', () => {
  test('the monitor catches sockets, DNS, HTTP(S), TLS, fetch, processes, eval and modules (so the tests below can fail)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lanzarote-scratch-'));
    writeFileSync(path.join(dir, 'workspace-code.js'), 'module.exports = 1;');
    const script = `
      const attempt = (f) => { try { const r = f(); if (r && r.catch) r.catch(() => {}); } catch {} };
      attempt(() => require('net').connect(9, '127.0.0.1'));
      attempt(() => require('dns').lookup('example.invalid', () => {}));
      attempt(() => require('http').get('http://example.invalid/'));
      attempt(() => require('https').request('https://example.invalid/'));
      attempt(() => require('tls').connect(443, 'example.invalid'));
      attempt(() => fetch('https://example.invalid/'));
      attempt(() => require('child_process').spawnSync('true'));
      attempt(() => eval('1 + 1'));
      attempt(() => new Function('return 1')());
      attempt(() => require(${JSON.stringify(path.join(dir, 'workspace-code.js'))}));
    `;
    const events = await monitored((env) => {
      const r = spawnSync(process.execPath, ['-e', script], { env, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    });
    const kinds = new Set(events.map((e) => e.kind));
    for (const k of ['loaded', 'net.connect', 'dns.lookup', 'http.get', 'https.request', 'tls.connect', 'fetch', 'child_process.spawnSync', 'eval', 'Function', 'module']) {
      assert.ok(kinds.has(k), `the monitor did not record ${k}: ${[...kinds].join(', ')}`);
    }
    assert.ok(events.some((e) => e.kind === 'module' && e.detail.endsWith('workspace-code.js')));
    rmSync(dir, { recursive: true, force: true });
  });

  test('a whole language server session makes no network request and runs nothing from the workspace', async (t) => {
    const workspace = hostileWorkspace();
    const marker = path.join(tmpdir(), `lanzarote-executed-${process.pid}`);
    let serverPid = 0;
    const events = await monitored(async () => {
      const client = await LspClient.start({ pull: true, workspaceFolders: [workspace], configuration: (p) => p.items.map(() => ({ severity: { 'II-6': 'error' } })), initializationOptions: { workspaceTrusted: true } });
      serverPid = client.child.pid!;
      try {
        const txt = fileUri(path.join(workspace, 'bills', 'crimes.txt'));
        const md = fileUri(path.join(workspace, 'bills', 'model.md'));
        // Long enough (over 256 KiB) to be analysed off the main thread where the server does that.
        const long = fileUri(path.join(workspace, 'bills', 'long.txt'));
        await client.open(txt, BILL);
        await client.open(md, readFileSync(path.join(workspace, 'bills', 'model.md'), 'utf8'), 'markdown');
        await client.open(long, BILL.repeat(700));
        for (const uri of [txt, md, long]) {
          const { items } = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
          assert.ok(items.length > 0);
          await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 30 } });
          await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 12 } });
          await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, context: { diagnostics: items } });
          await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.lanzarote'] } });
          await client.request('textDocument/documentSymbol', { textDocument: { uri } });
          await client.request('textDocument/foldingRange', { textDocument: { uri } });
          await client.request('lanzarote/checklist', { uri });
          await client.request('lanzarote/report', { uri, format: 'html' });
          await client.request('lanzarote/report', { uri, format: 'md' });
        }
        await client.request('lanzarote/recommendations', {});
        await client.request('lanzarote/explain', { check: 'II-6' });
        await client.request('lanzarote/explain', { check: 'Art. 20(1)(e)' });
        // The official text is opened by the editor (window/showDocument), never fetched by the server.
        await client.request('workspace/executeCommand', { command: 'lanzarote.showRecommendation', arguments: ['II-6'] });
        assert.deepEqual(client.shownDocuments.map((d) => d.external), [true]);
        await client.change(txt, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'kiddy porn ' }]);
        await client.notify('workspace/didChangeConfiguration', { settings: null });
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(workspace, '.lanzarote.json')), type: 2 }] });
        await client.notify('lanzarote/didChangeWorkspaceTrust', { trusted: true });
        await client.request('textDocument/diagnostic', { textDocument: { uri: txt } });
        await client.close(txt);
        await client.close(md);
        await client.close(long);
        assert.equal(await client.stop(), 0);
      } finally {
        client.kill();
      }
    });
    assert.ok(events.some((e) => e.pid === serverPid && e.kind === 'loaded'), 'the monitor was loaded into the server');
    // Every process and thread the session started, not only the server's main thread.
    assert.deepEqual(suspicious(events), []);
    t.diagnostic(`monitored: ${events.filter((e) => e.kind === 'loaded').length} thread(s), of which ${events.filter((e) => e.kind === 'worker_threads.Worker').length} analysis worker(s); ${events.length} events`);
    assert.throws(() => statSync(marker), 'no workspace code ran');
    rmSync(workspace, { recursive: true, force: true });
  });

  test('the CLI (lint, fix dry run, SARIF, report) makes no network request and runs nothing from the workspace', async () => {
    const workspace = hostileWorkspace();
    const marker = path.join(tmpdir(), `lanzarote-executed-${process.pid}`);
    const events = await monitored((env) => {
      for (const args of [['bills'], ['--format', 'sarif', 'bills'], ['--format', 'json', 'bills'], ['--fix-dry-run', 'bills'], ['report', '--format', 'html', 'bills/crimes.txt'], [path.join(ROOT, 'samples')]]) {
        const r = spawnSync(process.execPath, [CLI, ...args], { cwd: workspace, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8' });
        assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
      }
    });
    assert.ok(events.filter((e) => e.kind === 'loaded').length >= 6, 'the monitor was loaded into every run');
    assert.deepEqual(suspicious(events), []);
    assert.throws(() => statSync(marker), 'no workspace code ran');
    rmSync(workspace, { recursive: true, force: true });
  });
});

describe('nothing executed (sources and bundles)', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? sources(p) : /\.(ts|js|mjs|cjs)$/.test(name) ? [p] : [];
    });
  }

  /** Code that evaluates, loads or starts something chosen at run time, or reaches the network. */
  const FORBIDDEN: [RegExp, string][] = [
    [/\beval\s*\(/, 'eval'],
    [/\bnew\s+Function\b|\bFunction\s*\(/, 'the Function constructor'],
    [/\brequire\s*\(\s*(?!['"`][^'"`$]*['"`]\s*\))/, 'require() of a computed path'],
    [/\bimport\s*\(\s*(?!['"][^'"]*['"]\s*\))/, 'import() of a computed path'],
    [/\bfrom\s+['"](?:node:)?(?:vm|child_process|worker_threads|cluster|net|tls|dns|http|https|http2|dgram)['"]|require\(\s*['"](?:node:)?(?:vm|child_process|worker_threads|cluster|net|tls|dns|http|https|http2|dgram)['"]\s*\)/, 'a module that runs code or reaches the network'],
    [/\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b/, 'a network request'],
    [/process\.(?:binding|dlopen)\b/, 'native code'],
  ];

  /**
   * The server and the CLI may start their own bundle as worker threads (long drafts, many
   * drafts), nothing else: a Worker always takes the injected script, and wherever that script
   * is set, it is the entry point's own file (__filename).
   */
  const WORKER_IMPORT = /['"](?:node:)?worker_threads['"]/;
  const OWN_WORKER = /\bnew\s+Worker\s*\(\s*(?:this\.script|workerScript)\b/;
  const SETS_SCRIPT = /(?:\bsetWorkerScript\(|\bworkerScript:)\s*([^,)};]+)/;

  test('server/src and client/src never evaluate, load or start code chosen at run time, nor reach the network', () => {
    const offences: string[] = [];
    for (const file of [...sources(path.join(ROOT, 'server', 'src')), ...sources(path.join(ROOT, 'client', 'src'))]) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
        const at = `${rel}:${i + 1}`;
        for (const [re, what] of FORBIDDEN) {
          if (!re.test(code)) continue;
          if (rel.startsWith('server/src/') && WORKER_IMPORT.test(code) && !/['"](?:node:)?(?:vm|child_process|cluster|net|tls|dns|https?|http2|dgram)['"]/.test(code)) continue;
          offences.push(`${at}: ${what}: ${line.trim()}`);
        }
        if (/\bnew\s+Worker\s*\(/.test(code) && !OWN_WORKER.test(code)) offences.push(`${at}: a worker on a script that is not the tool's own: ${line.trim()}`);
        const set = SETS_SCRIPT.exec(code)?.[1].trim();
        if (set && !/^(?:script|string)\b/.test(set) && set !== '__filename') offences.push(`${at}: a worker script other than the entry point's own file: ${line.trim()}`);
      });
    }
    assert.deepEqual(offences, []);
  });

  test('the bundles contain no such code beyond known, unreachable library code', () => {
    // Each allowed occurrence, with why it is harmless.
    const ALLOWED: [RegExp, string][] = [
      [/callback2? = new Function\("" \+ callback2?\)/, 'setImmediate polyfill (jszip, via the .docx reader): only for a string callback, never given one'],
      [/child_process_1 = require\("child_process"\)/, 'vscode-languageserver Files.resolveGlobalNodePath: never called by the server'],
      [/require\("child_process"\)/, 'vscode-languageclient (extension): starts the bundled server, dist/server.js'],
      [/require\("(?:net|crypto)"\)/, 'vscode-jsonrpc transports: sockets and pipes only when an editor starts the server with --socket/--pipe'],
      [/require\("(?:node:)?worker_threads"\)/, 'the server analyses long drafts in a worker thread running its own bundle (checked in the sources above)'],
    ];
    const offences: string[] = [];
    for (const bundle of ['server.js', 'cli.js', 'extension.js']) {
      const file = path.join(ROOT, 'dist', bundle);
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const [re, what] of [
          [/\beval\s*\(/, 'eval'],
          [/\bnew\s+Function\s*\(/, 'new Function'],
          [/require\(\s*["'](?:node:)?(?:vm|child_process|worker_threads|cluster|net|tls|dns|http|https|http2|dgram)["']\s*\)/, 'a module that runs code or reaches the network'],
          [/\bfetch\s*\(/, 'fetch'],
        ] as [RegExp, string][]) {
          if (re.test(line) && !ALLOWED.some(([ok]) => ok.test(line))) offences.push(`dist/${bundle}:${i + 1}: ${what}: ${line.trim().slice(0, 160)}`);
        }
      });
    }
    assert.deepEqual(offences, []);
  });
});

describe('an untrusted workspace (initializationOptions.workspaceTrusted = false)', () => {
  let workspace: string;
  before(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'lanzarote-untrusted-'));
    mkdirSync(path.join(workspace, 'bills'));
    const config = JSON.stringify({
      severity: { 'II-1': 'error' },
      quotations: 'hide',
      languages: ['fr'],
      language: 'fr',
      locale: 'fr',
      maxFileSize: 1024,
      ignore: ['**'],
      jurisdiction: { ageOfSexualConsent: 16 },
      terms: [{ term: 'obscene images of minors', replacement: 'child sexual abuse material' }, { term: 'x' }],
    });
    // Written by hand: in a JavaScript object literal "__proto__" would set the prototype, not a key.
    writeFileSync(path.join(workspace, '.lanzarote.json'), `${config.slice(0, -1)},"__proto__":{"terms":[{"term":"indecent images"}],"maxFileSize":2048}}`);
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  const DRAFT = `${BILL}(5) A person who makes obscene images of minors or indecent images commits an offence.\n${'(6) This subsection makes the draft longer than the 1 KiB limit of the workspace file.\n'.repeat(12)}`;

  test('only "severity" and "quotations" of the workspace file apply, announced once; everything applies once trusted', async () => {
    const client = await LspClient.start({ workspaceFolders: [workspace], initializationOptions: { workspaceTrusted: false } });
    try {
      const uri = fileUri(path.join(workspace, 'bills', 'crimes.txt'));
      await client.open(uri, DRAFT);
      const diagnostics = await client.diagnosticsFor(uri);
      const terms = diagnostics.filter((d) => String(d.code).startsWith('term/'));
      // severity applies (II-1 → error); quotations "hide" applies (the quoted term is gone);
      // languages/language (fr) do not (the English terms are found); maxFileSize does not (analysed);
      // user terms do not ("obscene images of minors" is not flagged); locale does not (English messages).
      assert.deepEqual(terms.map((d) => [d.code, d.range.start.line, d.severity]), [['term/csam', 0, 1], ['term/csam', 1, 1]]);
      assert.match(String(terms[0].message), /is outdated wording: use “child sexual abuse material”/);
      for (let i = 0; i < 5; i++) await client.change(uri, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: ' ' }]);
      await client.diagnosticsFor(uri);
      const notices = client.messages.filter((m) => m.message.includes('not trusted'));
      assert.deepEqual(notices.map((m) => [m.type, m.message]), [[3, `Lanzarote: the workspace is not trusted; of ${path.join(workspace, '.lanzarote.json')} only “severity” and “quotations” are used.`]]);
      // The problems of the keys that are not read are not reported either ("terms.1" is invalid).
      assert.deepEqual(client.messages.filter((m) => m.message.includes('terms')), []);

      client.diagnostics.delete(uri);
      await client.notify('lanzarote/didChangeWorkspaceTrust', { trusted: true });
      const trusted = await client.diagnosticsFor(uri);
      // maxFileSize (1 KiB) and locale (fr) now apply.
      assert.deepEqual(trusted.map((d) => d.code), ['file/too-large']);
      assert.match(String(trusted[0].message), /^Non analysé : le fichier fait \d+\.\d KiB et la limite \(maxFileSize\) est de 1\.0 KiB\.$/);
      // Now the invalid user term is reported, and "__proto__" is an unknown key, not a prototype.
      await waitFor(() => client.messages.find((m) => m.message.includes('“terms.1”')), 5000, 'the invalid term reported once trusted');
      assert.ok(client.messages.some((m) => m.message.includes('“__proto__”')));
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });
});

describe('user-defined terms are literal phrases matched in linear time', () => {
  const TERMS = [
    { term: 'a(a+)+b', replacement: 'a literal match' },
    { term: 'x|y.+[z]{2,}\\d?', replacement: 'another literal match' },
    { term: `${'a'.repeat(199)}b` },
    // Hyphens and spaces are the same to the matcher: this one also stands for "a-a-…-b".
    { term: `${'a '.repeat(99)}b` },
  ];
  const { settings, problems } = parseSettingsFile(JSON.stringify({ terms: TERMS }));

  test('regular-expression syntax is matched as written, never interpreted', () => {
    assert.deepEqual(problems, []);
    const m = matcherFor(settings, 'en');
    const found = (text: string) => m.scan(text).map((x) => text.slice(x.start, x.end));
    assert.deepEqual(found('see a(a+)+b and x|y.+[z]{2,}\\d? here'), ['a(a+)+b', 'x|y.+[z]{2,}\\d?']);
    assert.deepEqual(found('see aaab, aab, ab and xzz, y-zz, x|y.zz'), []);
  });

  test('a long adversarial line costs time linear in its length (twice the line, about twice the time)', () => {
    const m = matcherFor(settings, 'en');
    const base = matcherFor(defaultSettings(), 'en');
    const time = (f: () => unknown) => {
      let best = Infinity;
      for (let i = 0; i < 2; i++) {
        const t = process.hrtime.bigint();
        f();
        best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
      }
      return best;
    };
    for (const unit of ['a', 'a ', 'a-', "a'"]) {
      const short = `${unit.repeat(20_000)}!`;
      const long = `${unit.repeat(40_000)}!`;
      assert.deepEqual(m.scan(long), [], 'no match: the line never ends in "b"');
      const t1 = time(() => m.scan(short));
      const t2 = time(() => m.scan(long));
      // Quadratic matching would take four times as long, backtracking far more.
      assert.ok(t2 < 3 * t1 + 50, `${JSON.stringify(unit)}: ${t1.toFixed(0)} ms for ${short.length} characters, ${t2.toFixed(0)} ms for ${long.length}`);
      // Bounded cost per character: at most the longest term's length of steps (200).
      assert.ok(t2 < 250 * time(() => base.scan(long)) + 2000, `${JSON.stringify(unit)}: ${t2.toFixed(0)} ms`);
    }
  });
});
