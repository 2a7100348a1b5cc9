#!/usr/bin/env node
// Runs the mocha suite of test/extension-host/ inside code-server's *remote node* extension host,
// where the extension's LanguageClient really runs, driven by headless Chromium.
//
// code-server's CLI rejects --extensionDevelopmentPath, but the VS Code 1.100 web workbench reads
// them from the URL `payload` parameter (extensionDevelopmentPath + extensionTestsPath as
// vscode-remote:// URIs). When the tests' run() settles the workbench calls
// window.codeAutomationExit(code) — the protocol @vscode/test-web uses — and forwards the
// extension host's console through window.codeAutomationLog. Pinned to code-server 4.100.3: later
// VS Code builds ignore these payload keys outside their smoke-test driver.
//
//   node test/e2e/extension-host.mjs     (after npm run build; code-server from scripts/e2e/install.mjs)
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { fileURLToPath } from 'node:url';
import { withTimeout } from '../../scripts/e2e/proc.mjs';
import { ROOT, RESULTS_DIR, Results, elapsed, launchBrowser, log, makeWorkspace, removeDir, startCodeServer, tempDir } from './harness.mjs';

const TESTS = path.join(ROOT, 'dist/test/extension-host.js');
const SAMPLE = 'sexual-offences-children-bill.txt';
const SUITE_TIMEOUT_MS = 180_000;
// Workbench chatter forwarded with the extension host's output: no gallery offline, its stack traces.
const NOISE = /ENOTFOUND|^\s+at |ChatSessionStore|^CodeExpectedError/;

export async function runExtensionHost({ codeServer, chromium }) {
  const results = new Results('extension-host');
  const dir = tempDir('ext-host');
  let server;
  let browser;
  const transcript = [];
  try {
    if (!fs.existsSync(TESTS)) throw new Error(`${TESTS} is missing: build first (npm run build)`);
    // The suite opens the first draft with a deprecated term; a legal draft (.draft) comes first.
    const ws = makeWorkspace(dir, { rename: { [SAMPLE]: SAMPLE.replace(/\.txt$/, '.draft') } });
    const before = snapshot(ws);
    // No .vsix here: the extension is loaded from the repository as the development extension.
    server = await startCodeServer({ codeServer, dir, scope: 'extension-host' });
    browser = await launchBrowser({ chromium, env: server.env });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

    let settle;
    const exit = new Promise((resolve) => (settle = resolve));
    // The extension host's console.log calls, arguments as given: mocha's reporter passes
    // printf-style format strings ("%s%s"), so format them as node's console would.
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      transcript.push(text);
      for (const l of text.split('\n')) if (l.trim() && !NOISE.test(l)) console.log(`      │ ${elapsed()} ${l}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(code));
    page.on('pageerror', (e) => transcript.push(`pageerror: ${e.message}`));

    const remote = (p) => `vscode-remote://${server.authority}${p}`;
    const payload = [['extensionDevelopmentPath', remote(ROOT)], ['extensionTestsPath', remote(TESTS)]];
    const url = `${server.url}?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log('extension-host', `workbench with extensionTestsPath=${path.relative(ROOT, TESTS)}`);
    await page.goto(url, { timeout: 60_000 });
    const code = await withTimeout(exit, SUITE_TIMEOUT_MS, `the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s (no codeAutomationExit)`)
      .catch(async (e) => {
        await page.screenshot({ path: path.join(RESULTS_DIR, 'extension-host-timeout.png') }).catch(() => {});
        throw e;
      });
    log('extension-host', `run() settled, exit code ${code}`);
    recordMocha(results, transcript.join('\n'), code);
    // The suite promises to leave the draft as it found it (it reverts its quick fix).
    await results.check('workspace left unchanged', () => {
      const after = snapshot(ws);
      const changed = Object.keys(before).filter((f) => before[f] !== after[f]);
      if (changed.length) throw new Error(`changed on disk: ${changed.join(', ')}`);
    });
  } catch (e) {
    results.fail('run the suite', e);
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    removeDir(dir);
  }
  return results;
}

/** One result per mocha test, read from the spec reporter's lines ("✔ name", "1) name"). */
function recordMocha(results, text, code) {
  const lines = text.split('\n');
  const passed = lines.map((l) => /^\s*(?:✔|✓)\s+(.+?)(?:\s+\(\d+ms\))?\s*$/.exec(l)?.[1]).filter(Boolean);
  // Failures appear twice: "  1) name" in the run, then "  1) Suite\n       name:\n     Error…" in the summary.
  const failedNames = new Map();
  for (const l of lines) {
    const m = /^\s*(\d+)\) (.+)$/.exec(l);
    if (m && !failedNames.has(m[1])) failedNames.set(m[1], m[2]);
  }
  const summary = text.slice(text.search(/\n\s*\d+ failing/) >>> 0);
  for (const name of passed) results.pass(name);
  for (const [n, name] of failedNames) {
    const block = new RegExp(`\\n\\s*${n}\\) [^\\n]*\\n([\\s\\S]*?)(?=\\n\\s*\\d+\\) |$)`).exec(summary)?.[1] ?? '';
    // The block repeats the test's title ("name:") before the error: keep the error.
    const detail = block.split('\n').map((l) => l.trim()).filter((l) => l && l !== `${name}:`);
    results.fail(name, detail.slice(0, 12).join('\n') || 'failed');
  }
  const counted = /(\d+) passing/.exec(text);
  if (!counted) results.fail('mocha report', `no "N passing" line in the extension host output (exit code ${code})\n${text.slice(-1500)}`);
  else if (code !== 0 && failedNames.size === 0) results.fail('suite exit code', `run() rejected with exit code ${code}`);
}

/** Every file of the workspace and its content (base64, some samples are binary). */
function snapshot(dir) {
  return Object.fromEntries(fs.readdirSync(dir, { recursive: true })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { install } = await import('../../scripts/e2e/install.mjs');
  const r = await runExtensionHost(await install());
  console.log(`${r.items.length - r.failed} passed, ${r.failed} failed`);
  const { stopAll } = await import('../../scripts/e2e/proc.mjs');
  stopAll();
  process.exit(r.failed ? 1 : 0);
}
