#!/usr/bin/env node
// The extension in a real VS Code workbench (code-server 4.100.3), driven by headless Chromium the
// way a drafter works: squiggles and the Problems count, a hover, a quick fix with Ctrl+. and
// Enter, fix-all on save, a model clause from its snippet prefix, the checklist view and the
// report export. Screenshots of every step go to test-results/e2e/; two crops for the README go
// to docs/images/ only when LANZAROTE_E2E_DOCS_IMAGES=1: a test run leaves tracked files alone.
//
//   node test/e2e/ui.mjs     (after npm run package; code-server from scripts/e2e/install.mjs)
//
// Expected counts and statuses are not written down here: they come from the CLI run on the same
// file (same analysis core), so the test checks that the editor shows what the analysis says,
// and does not break each time the analysis improves.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { poll } from '../../scripts/e2e/proc.mjs';
import { ROOT, RESULTS_DIR, Results, launchBrowser, log, makeWorkspace, removeDir, startCodeServer, tempDir } from './harness.mjs';

const BILL = 'sexual-offences-children-bill.txt';
const NEW_DRAFT = 'amendments.draft';
const TERM = 'child pornography';
const REPLACEMENT = 'child sexual abuse material';
// The heading whose term the hover and quick-fix steps use: the draft's own wording, not a quotation.
const HOVER_LINE = `Production of ${TERM}`;
const SNIPPET_PREFIX = 'lz-own-images';
const STATUS_TEXT = { met: 'met', partial: 'partly met', missing: 'missing', 'not-applicable': 'not applicable' };
const WAIT = 30_000;
const DOCS_IMAGES = process.env.LANZAROTE_E2E_DOCS_IMAGES === '1';

const SETTINGS = {
  // Fix-all on save only for legal drafts: the .txt quick-fix step must save just its own fix.
  '[legal-draft]': { 'editor.codeActionsOnSave': { 'source.fixAll.lanzarote': 'explicit' } },
  'editor.hover.delay': 200,
  'workbench.editor.enablePreview': false,
};

export async function runUi({ codeServer, chromium, vsix }) {
  const results = new Results('ui');
  const dir = tempDir('ui');
  let server;
  let browser;
  try {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const ws = makeWorkspace(dir, { files: { [NEW_DRAFT]: 'CRIMES (DIGITAL IMAGES) BILL\n\n1  Distribution\n' } });
    server = await startCodeServer({ codeServer, dir, vsix, settings: SETTINGS, scope: 'ui' });
    browser = await launchBrowser({ chromium, env: server.env });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => log('ui', `page error: ${e.message}`));
    const ctx = { page, ws, url: server.url, state: {} };

    const steps = [
      ['workbench opens the workspace', openWorkbench],
      ['squiggles and the Problems count match the analysis', diagnostics],
      ['hover over a deprecated term quotes Recommendation II-1 and "Invite"', hover],
      ['quick fix with Ctrl+. and Enter, saved with Ctrl+S', quickFix],
      ['fix-all on save rewrites a term typed into a .draft', fixAllOnSave],
      [`model clause from its snippet prefix ${SNIPPET_PREFIX}`, snippet],
      ['checklist view: twelve recommendations, their statuses, Article 20(1)', checklist],
      ['export report command writes Markdown and HTML next to the draft', exportReport],
    ];
    for (const [i, [name, fn]] of steps.entries()) {
      const ok = await results.check(name, async () => {
        const detail = await fn(ctx);
        await screenshot(ctx, i + 1, fn.name);
        return detail;
      });
      if (!ok) {
        await screenshot(ctx, i + 1, `${fn.name}-FAILED`);
        if (i === 0) {
          for (const [rest] of steps.slice(1)) results.fail(rest, 'not run: the workbench did not open');
          break;
        }
        await reset(page);
      }
    }
  } catch (e) {
    results.fail('set up code-server and Chromium', e);
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    removeDir(dir);
  }
  return results;
}

// --- steps --------------------------------------------------------------------------------------

async function openWorkbench({ page, ws, url }) {
  await page.goto(`${url}?folder=${encodeURIComponent(ws)}`, { timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.getByRole('treeitem', { name: BILL, exact: true }).waitFor({ timeout: WAIT });
}

async function diagnostics(ctx) {
  const { page, ws } = ctx;
  await openFromExplorer(page, BILL);
  const expected = cliCounts(path.join(ws, BILL));
  for (const kind of ['error', 'warning', 'info']) {
    if (expected[kind]) await page.locator(`.monaco-editor .squiggly-${kind}`).first().waitFor({ timeout: 60_000 });
  }
  // The Problems item reads e.g. "Errors: 3, Warnings: 3, Infos: 20" (hints are not counted there).
  const want = `errors ${expected.error}, warnings ${expected.warning}, infos ${expected.info}`;
  const label = await poll(async () => {
    const l = await page.locator('[id="status.problems"]').getAttribute('aria-label').catch(() => null);
    return l && problemCounts(l) === want ? l : undefined;
  }, WAIT, `the status bar Problems item to read ${want}`);
  ctx.state.problems = expected;
  return `status bar "${label}", as the CLI counts them`;
}

async function hover(ctx) {
  const { page, ws } = ctx;
  const line = lineOf(path.join(ws, BILL), HOVER_LINE);
  await goToLine(page, line);
  const word = await textBox(page, HOVER_LINE, TERM);
  // The squiggle is a decoration under .view-lines, so Playwright's hover() refuses it
  // ("subtree intercepts pointer events"): move the real mouse onto the word instead.
  const box = await poll(async () => {
    await page.mouse.move(word.x - 20, word.y + word.height / 2);
    await page.mouse.move(word.x + word.width / 2, word.y + word.height / 2, { steps: 5 });
    const h = page.locator('.monaco-hover:visible', { hasText: 'II-1' }).first();
    return (await h.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false)) ? h.boundingBox() : undefined;
  }, WAIT, 'the hover over the term');
  const text = (await page.locator('.monaco-hover:visible', { hasText: 'II-1' }).first().innerText()).replace(/\s+/g, ' ');
  const shown = `hover: "${text.slice(0, 400)}…"`;
  if (!/Recommendation II-1\b/.test(text)) throw new Error(`the hover does not name Recommendation II-1\n${shown}`);
  if (!/\bInvite\b/.test(text)) throw new Error(`the hover does not give the urgency "Invite"\n${shown}`);
  if (!text.includes(REPLACEMENT)) throw new Error(`the hover does not give the wording to use, "${REPLACEMENT}"\n${shown}`);
  if (DOCS_IMAGES) await crop(page, [box, word], path.join(ROOT, 'docs/images/hover.png'));
  ctx.state.word = word;
  return text.slice(0, 140);
}

async function quickFix(ctx) {
  const { page, ws } = ctx;
  const file = path.join(ws, BILL);
  const line = lineOf(file, HOVER_LINE);
  const before = fs.readFileSync(file, 'utf8');
  await page.mouse.move(1, 1);
  await page.keyboard.press('Escape');
  await goToLine(page, line);
  const word = await textBox(page, HOVER_LINE, TERM);
  await page.mouse.click(word.x + word.width / 2, word.y + word.height / 2);
  await page.keyboard.press('Control+.');
  const title = `Replace “${TERM}” with “${REPLACEMENT}”`;
  await page.locator('.action-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: WAIT });
  // The preferred fix comes first and is focused; make sure Enter applies that one.
  await focusRow(page, '.action-widget', title);
  await screenshot(ctx, 4, 'quickFix-menu');
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-line', { hasText: `Production of ${REPLACEMENT}` }).waitFor({ timeout: WAIT });
  await page.keyboard.press('Control+S');
  const expected = before.replace(`${HOVER_LINE}\n`, `Production of ${REPLACEMENT}\n`);
  await poll(() => fs.readFileSync(file, 'utf8') === expected, WAIT, `${BILL} on disk to hold the fix (and only the fix)`);
  // The status bar follows: as many problems as the CLI now finds in the saved file (one fewer).
  const want = cliCounts(file);
  if (want.info !== ctx.state.problems.info - 1) throw new Error(`the CLI counts ${want.info} information findings after the fix, not ${ctx.state.problems.info - 1}`);
  const wantText = `errors ${want.error}, warnings ${want.warning}, infos ${want.info}`;
  await poll(async () => problemCounts(await page.locator('[id="status.problems"]').getAttribute('aria-label')) === wantText, WAIT, `Problems to read ${wantText}`);
  return `line ${line} on disk: "${fs.readFileSync(file, 'utf8').split('\n')[line - 1]}"; Problems: ${wantText}`;
}

async function fixAllOnSave(ctx) {
  const { page, ws } = ctx;
  const file = path.join(ws, NEW_DRAFT);
  await openFromExplorer(page, NEW_DRAFT);
  await page.keyboard.press('Control+End');
  // Brackets and quotes are auto-closed by the editor: type plain words only.
  const typed = `A person who distributes ${TERM} or offers ${TERM} for sale commits an offence.`;
  await page.keyboard.type(typed, { delay: 5 });
  await page.keyboard.press('Escape'); // close the word suggestions, if any
  // Wait, as a drafter would, until the typed term is squiggled: the server has analysed it.
  const word = await textBox(page, `distributes ${TERM}`, TERM);
  await poll(() => squiggleUnder(page, word), WAIT, `a squiggle under the typed "${TERM}"`);
  await page.keyboard.press('Control+S');
  const fixed = typed.replaceAll(TERM, REPLACEMENT);
  const text = await poll(() => {
    const t = fs.readFileSync(file, 'utf8');
    return t.includes(fixed) ? t : undefined;
  }, WAIT, `${NEW_DRAFT} on disk to read "${fixed}"`);
  if (text.includes(TERM)) throw new Error(`"${TERM}" is still on disk:\n${text}`);
  return `on disk: "${fixed}"`;
}

async function snippet(ctx) {
  const { page, ws } = ctx;
  const file = path.join(ws, NEW_DRAFT);
  const expected = snippetText(SNIPPET_PREFIX);
  await openFromExplorer(page, NEW_DRAFT);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type(SNIPPET_PREFIX, { delay: 10 });
  const row = page.locator('.suggest-widget .monaco-list-row', { hasText: SNIPPET_PREFIX }).first();
  // Quick suggestions usually open by themselves; Ctrl+Space asks explicitly if they did not.
  if (!(await row.waitFor({ timeout: 5000 }).then(() => true, () => false))) {
    await page.keyboard.press('Control+Space');
    await row.waitFor({ timeout: WAIT });
  }
  await focusRow(page, '.suggest-widget', SNIPPET_PREFIX);
  await screenshot(ctx, 6, 'snippet-suggestion');
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-line', { hasText: 'own private use' }).waitFor({ timeout: WAIT });
  await page.keyboard.press('Escape'); // leave the snippet's placeholders
  await page.keyboard.press('Control+S');
  const text = await poll(() => {
    const t = fs.readFileSync(file, 'utf8');
    return t.includes(expected) ? t : undefined;
  }, WAIT, `${NEW_DRAFT} on disk to hold the model clause`);
  if (!/Section X — Own self-generated images of a child/.test(text) || !/own private use/.test(text)) throw new Error(`unexpected clause:\n${text}`);
  return `inserted ${expected.split('\n').length} lines: "${expected.split('\n')[0]}"`;
}

async function checklist(ctx) {
  const { page, ws } = ctx;
  const file = path.join(ws, BILL);
  await openFromExplorer(page, BILL);
  await runCommand(page, commandTitle('lanzarote.showChecklist'));
  const pane = page.locator('.pane', { has: page.locator('.pane-header[aria-label^="Lanzarote checklist"]') });
  await pane.locator('.monaco-list-row[aria-level="1"]').first().waitFor({ timeout: WAIT });
  // Make room: fold the file tree, so that all thirteen top-level rows are rendered.
  const explorer = page.locator('.pane-header[aria-label^="Explorer Section"]');
  if ((await explorer.getAttribute('aria-expanded')) === 'true') await explorer.click();
  const want = cliChecklist(file);
  const rowsOf = (level) => pane.locator(`.monaco-list-row[aria-level="${level}"]`).evaluateAll((rows) => rows.map((r) => ({
    label: r.querySelector('.label-name')?.textContent?.trim() ?? '',
    description: r.querySelector('.label-description')?.textContent?.trim() ?? '',
    expanded: r.getAttribute('aria-expanded'),
  })));
  // The view follows the active draft a moment after it changes: poll until it shows what the
  // CLI says about this draft, and report the differences if it never does.
  const compare = (rows, expected, check) => (rows.length === expected.length ? expected.flatMap((e, i) => check(rows[i], e)) : [`${rows.length} rows, expected ${expected.length}`]);
  const matching = async (level, expected, check, what) => {
    let last = [];
    return poll(async () => {
      const rows = await rowsOf(level);
      last = compare(rows, expected, check);
      return last.length === 0 ? rows : undefined;
    }, WAIT, what).catch((e) => { throw new Error(`${e.message}:\n${last.join('\n')}`); });
  };
  const top = [...want.recommendations, { id: 'convention' }];
  const rows = await matching(1, top, (row, rec) => {
    if (rec.id === 'convention') return row.label === 'Convention, Article 20(1)' ? [] : [`last row: "${row.label}", expected "Convention, Article 20(1)"`];
    if (!row.label.startsWith(`${rec.id} — `)) return [`row "${row.label}", expected ${rec.id} — …`];
    return row.description === STATUS_TEXT[rec.status] ? [] : [`${rec.id}: "${row.description}", the CLI says "${STATUS_TEXT[rec.status]}"`];
  }, 'the checklist to list II-1 … II-12 with the statuses the CLI gives, then the Convention');
  if (!rows[0].label.startsWith('II-1 — Use “child sexual abuse material”')) throw new Error(`II-1 is labelled "${rows[0].label}"`);
  // Open the Convention node: six rows for Article 20(1)(a)–(f).
  if (rows[12].expanded !== 'true') await pane.locator('.monaco-list-row[aria-level="1"]', { hasText: 'Convention, Article 20(1)' }).click();
  await matching(2, want.convention, (row, art) => (row.label === art.id && row.description === STATUS_TEXT[art.status] ? [] : [`"${row.label}" "${row.description}", the CLI says ${art.id} "${STATUS_TEXT[art.status]}"`]),
    'six rows under "Convention, Article 20(1)" with the statuses the CLI gives');
  const met = want.recommendations.filter((r) => r.status === 'met').length;
  const status = await poll(async () => {
    const t = (await page.locator('.statusbar-item', { hasText: 'Lanzarote:' }).first().innerText().catch(() => '')).trim();
    return t.startsWith(`Lanzarote: ${met}/12 met`) ? t : undefined;
  }, WAIT, `the status bar item "Lanzarote: ${met}/12 met"`);
  if (DOCS_IMAGES) {
    // The rows' labels are long: give the side bar room for the whole of them and their statuses.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 1700, height: viewport.height });
    try {
      await widenSideBar(page, 1010);
      const parts = [pane.locator('.pane-header'), ...[...Array(19).keys()].map((i) => pane.locator('.monaco-list-row').nth(i))];
      await crop(page, await Promise.all(parts.map((l) => l.boundingBox())), path.join(ROOT, 'docs/images/checklist.png'), 4);
    } finally {
      await page.setViewportSize(viewport);
    }
  }
  return `${rows.slice(0, 12).map((r) => `${r.label.split(' ')[0]} ${r.description}`).join(', ')}; status bar "${status}"`;
}

async function exportReport(ctx) {
  const { page, ws } = ctx;
  const file = path.join(ws, BILL);
  const want = cliChecklist(file);
  const out = [];
  for (const [format, label] of [['md', 'Markdown'], ['html', 'HTML']]) {
    const report = `${file}.lanzarote-report.${format}`;
    // The report is for the active draft (the Markdown report, once open, is active itself).
    await openFromExplorer(page, BILL);
    await runCommand(page, commandTitle('lanzarote.exportReport'));
    // The command asks for the format with a quick pick.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: WAIT });
    await page.keyboard.type(label);
    await focusRow(page, '.quick-input-widget', label);
    await page.keyboard.press('Enter');
    const text = await poll(() => {
      try { return fs.readFileSync(report, 'utf8') || undefined; } catch { return undefined; }
    }, WAIT, `${path.basename(report)} next to the draft`);
    const missing = want.recommendations.filter((r) => !text.includes(r.id) || !text.includes(STATUS_TEXT[r.status]));
    if (missing.length) throw new Error(`${path.basename(report)} lacks ${missing.map((r) => r.id).join(', ')} or their statuses`);
    if (format === 'html' && !/<html[\s>]/i.test(text)) throw new Error(`${path.basename(report)} is not an HTML page`);
    if (format === 'md') {
      // The Markdown report is opened in an editor.
      await page.locator('.tabs-container .tab', { hasText: path.basename(report) }).first().waitFor({ timeout: WAIT });
    }
    out.push(`${path.basename(report)} (${text.length} chars)`);
  }
  return out.join(', ');
}

// --- workbench helpers ---------------------------------------------------------------------------

async function openFromExplorer(page, name) {
  // Unfold the file tree if the checklist step folded it.
  const explorer = page.locator('.pane-header[aria-label^="Explorer Section"]');
  if ((await explorer.getAttribute('aria-expanded').catch(() => 'true')) === 'false') await explorer.click();
  // Click until its tab is the active one: the tree re-renders when files appear (the reports),
  // and a click during that can land on the neighbouring row.
  const activeTab = () => page.locator('.tabs-container .tab.active .label-name').first().innerText({ timeout: 1000 }).catch(() => '');
  await poll(async () => {
    if ((await activeTab()) === name) return true;
    await page.getByRole('treeitem', { name, exact: true }).click({ timeout: WAIT });
    return poll(async () => (await activeTab()) === name, 2000, 'the tab').catch(() => false);
  }, WAIT, `${name} to be the active editor`);
  // A click in the Explorer opens the file but leaves the keyboard focus in the tree: click into
  // the text (top left; later steps place the caret themselves), then take the mouse away.
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').waitFor({ timeout: WAIT });
  const box = await editor.boundingBox();
  await page.mouse.click(box.x + box.width * 0.9, box.y + 8);
  await page.mouse.move(1, 1);
  await poll(() => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor')), WAIT, `the keyboard focus in the editor of ${name}`);
}

/** Ctrl+G, the line number, Enter: the line is revealed and the caret put on it. */
async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ timeout: WAIT });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT });
  await poll(async () => /Ln (\d+)/.exec((await page.locator('[id="status.editor.selection"]').innerText().catch(() => '')))?.[1] === String(line), WAIT, `the caret on line ${line}`);
}

/** Command palette (F1), the command's title, Enter. */
async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: WAIT });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: WAIT });
  await focusRow(page, '.quick-input-widget', title);
  await page.keyboard.press('Enter');
}

/** Move the focus in a list widget (quick fix, suggestions, quick pick) to the row containing `text`. */
async function focusRow(page, widget, text) {
  await poll(async () => {
    const focused = await page.locator(`${widget} .monaco-list-row.focused`).first().innerText().catch(() => '');
    if (focused.includes(text)) return true;
    await page.keyboard.press('ArrowDown');
    return false;
  }, 10_000, `"${text}" to be the selected row`, 150);
}

/** The on-screen box of `term` inside the rendered line containing `lineText`. */
async function textBox(page, lineText, term) {
  return poll(() => page.evaluate(([lineText, term]) => {
    // Monaco renders spaces as no-break spaces.
    const norm = (s) => s.replace(/\u00a0/g, ' ');
    for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
      const at = norm(line.textContent).indexOf(lineText);
      if (at < 0) continue;
      const start = at + lineText.indexOf(term);
      const end = start + term.length;
      const range = document.createRange();
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let pos = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent.length;
        if (start >= pos && start < pos + len) range.setStart(n, start - pos);
        if (end > pos && end <= pos + len) { range.setEnd(n, end - pos); break; }
        pos += len;
      }
      const r = range.getBoundingClientRect();
      return r.width > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    }
    return null;
  }, [lineText, term]), WAIT, `"${term}" on screen in the line "${lineText}"`);
}

/** The kind of squiggle (error, warning, info, hint) drawn under the on-screen box `word`, if any. */
function squiggleUnder(page, word) {
  return page.evaluate((w) => {
    for (const el of document.querySelectorAll('.monaco-editor [class*="squiggly-"]')) {
      const r = el.getBoundingClientRect();
      const sameLine = r.top < w.y + w.height && r.bottom > w.y;
      const overlaps = r.left < w.x + w.width && r.right > w.x;
      if (sameLine && overlaps) return /squiggly-(\w+)/.exec(el.className)[1];
    }
    return null;
  }, word);
}

async function widenSideBar(page, width) {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (!sidebar || sidebar.x + sidebar.width >= width) return;
  const x = sidebar.x + sidebar.width;
  const y = sidebar.y + sidebar.height / 2;
  await page.mouse.move(x - 1, y);
  await page.mouse.down();
  await page.mouse.move(width, y, { steps: 8 });
  await page.mouse.up();
  await poll(async () => ((await page.locator('.part.sidebar').boundingBox())?.width ?? 0) > sidebar.width + 50, 5000, 'the side bar to widen')
    .catch(() => { /* a narrower picture is still a picture */ });
  await page.mouse.move(1, 1);
}

async function reset(page) {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape').catch(() => {});
  await page.mouse.move(1, 1).catch(() => {});
}

async function screenshot(ctx, n, name) {
  const file = path.join(RESULTS_DIR, `ui-${String(n).padStart(2, '0')}-${name}.png`);
  await ctx.page.screenshot({ path: file }).catch(() => {});
}

/** A PNG of the union of `boxes`, padded and kept inside the viewport. */
async function crop(page, boxes, file, pad = 12) {
  const vp = page.viewportSize();
  const x0 = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
  const y0 = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
  const x1 = Math.min(vp.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad);
  const y1 = Math.min(vp.height, Math.max(...boxes.map((b) => b.y + b.height)) + pad);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, clip: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } });
  const kb = Math.round(fs.statSync(file).size / 1024);
  if (kb > 150) throw new Error(`${path.relative(ROOT, file)} is ${kb} KB, over 150 KB`);
  log('ui', `wrote ${path.relative(ROOT, file)} (${Math.round(x1 - x0)}×${Math.round(y1 - y0)}, ${kb} KB)`);
}

// --- expectations from the repository ------------------------------------------------------------

/** "Errors: 3, Warnings: 3, Infos: 20" → "errors 3, warnings 3, infos 20" (absent counts are 0). */
function problemCounts(label) {
  const n = (k) => Number(new RegExp(`${k}: (\\d+)`).exec(label ?? '')?.[1] ?? 0);
  return `errors ${n('Errors')}, warnings ${n('Warnings')}, infos ${n('Infos')}`;
}

function cli(args) {
  return JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { encoding: 'utf8', timeout: 30_000 }));
}

/** Findings per severity, as `lanzarote-lint --format json` counts them. */
function cliCounts(file) {
  const findings = cli(['--format', 'json', '--fail-on', 'never', file])[0].findings;
  const count = (s) => findings.filter((f) => f.severity === s).length;
  return { error: count('error'), warning: count('warning'), info: count('information') };
}

/** The checklist, as `lanzarote-lint report --format json` gives it. */
function cliChecklist(file) {
  return cli(['report', '--format', 'json', file]);
}

function lineOf(file, text) {
  const i = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`"${text}" is not in ${path.basename(file)}`);
  return i + 1;
}

/** "Lanzarote: Show Checklist": category and title from package.json and package.nls.json. */
function commandTitle(id) {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
  const cmd = pkg.contributes.commands.find((c) => c.command === id);
  if (!cmd) throw new Error(`package.json contributes no command ${id}`);
  const resolve = (s) => s?.replace(/^%(.+)%$/, (_, k) => nls[k] ?? k);
  return `${resolve(cmd.category)}: ${resolve(cmd.title)}`.replace(/…$/, '');
}

/** The text a snippet inserts when every placeholder keeps its default. */
function snippetText(prefix) {
  const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets/model-clauses.json'), 'utf8'));
  const s = Object.values(snippets).find((v) => v.prefix === prefix);
  if (!s) throw new Error(`no snippet with prefix ${prefix}`);
  const defaults = {};
  const body = s.body.join('\n').replace(/\$\{(\d+):([^}]*)\}/g, (_, n, d) => (defaults[n] = d));
  return body.replace(/\$(\d+)|\$\{(\d+)\}/g, (_, a, b) => defaults[a ?? b] ?? '');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { install } = await import('../../scripts/e2e/install.mjs');
  const { stopAll } = await import('../../scripts/e2e/proc.mjs');
  const vsix = path.join(ROOT, 'lanzarote-drafting-assistant.vsix');
  const r = await runUi({ ...(await install()), vsix });
  console.log(`${r.items.length - r.failed} passed, ${r.failed} failed`);
  stopAll();
  process.exit(r.failed ? 1 : 0);
}
