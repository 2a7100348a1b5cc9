/**
 * Runs the extension-host suite in a real VS Code (Electron) with @vscode/test-electron:
 *   npm run test:extension-host
 *
 * VS Code comes from LANZAROTE_VSCODE (an executable), the .e2e-cache/vscode-test cache, or a download.
 * Where none is available — no network to update.code.visualstudio.com, or no display for
 * Electron — the run reports "extension-host: skipped: <reason>" and exits 0, within seconds.
 * The last line is always "extension-host: passed", "extension-host: failed …" or "… skipped: …".
 *
 * Env: LANZAROTE_VSCODE (path to a VS Code executable), LANZAROTE_VSCODE_VERSION (default 1.100.3),
 *      LANZAROTE_DOWNLOAD_TIMEOUT_MS (default 8000), LANZAROTE_SKIP_BUILD (dist/ is already built).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const TESTS = path.join(ROOT, 'dist/test/extension-host.js');
const VERSION = process.env.LANZAROTE_VSCODE_VERSION ?? '1.100.3';
const DOWNLOAD_TIMEOUT_MS = Number(process.env.LANZAROTE_DOWNLOAD_TIMEOUT_MS ?? 8000);

function finish(outcome: string, code: number): never {
  console.log(`extension-host: ${outcome}`);
  process.exit(code);
}

/** A VS Code executable, or the reason there is none. */
async function vscodeExecutable(): Promise<{ path: string } | { skip: string }> {
  const given = process.env.LANZAROTE_VSCODE;
  if (given) return existsSync(given) ? { path: given } : { skip: `LANZAROTE_VSCODE=${given} does not exist` };
  // Loaded lazily: the module is only needed when VS Code is actually looked for.
  const { downloadAndUnzipVSCode, SilentReporter } = await import('@vscode/test-electron');
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const executable = await Promise.race([
      downloadAndUnzipVSCode({ version: VERSION, cachePath: path.join(ROOT, '.e2e-cache/vscode-test'), timeout: DOWNLOAD_TIMEOUT_MS, reporter: new SilentReporter() }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DOWNLOAD_TIMEOUT_MS} ms`)), DOWNLOAD_TIMEOUT_MS);
      }),
    ]);
    return { path: executable };
  } catch (e) {
    return { skip: `VS Code ${VERSION} could not be downloaded (${oneLine((e as Error).message)})` };
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<void> {
  // npm test builds once before running test files in parallel; rebuilding here would rewrite
  // dist/ under the feet of the protocol tests, so they pass LANZAROTE_SKIP_BUILD.
  if (!process.env.LANZAROTE_SKIP_BUILD) {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) finish('failed: the build failed', 1);
  }
  if (!existsSync(TESTS)) finish(`failed: ${path.relative(ROOT, TESTS)} was not built`, 1);

  const vscode = await vscodeExecutable();
  if ('skip' in vscode) finish(`skipped: ${vscode.skip}`, 0);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    finish('skipped: no display for Electron (run under xvfb-run, or use the code-server route)', 0);
  }

  // A throwaway workspace holding one draft, and a fresh profile so the user's extensions stay out.
  const scratch = mkdtempSync(path.join(tmpdir(), 'lanzarote-ext-host-'));
  const workspace = path.join(scratch, 'workspace');
  mkdirSync(workspace);
  copyFileSync(path.join(ROOT, 'samples/sexual-offences-children-bill.txt'), path.join(workspace, 'sexual-offences-children-bill.draft'));
  let outcome: [string, number];
  try {
    const { runTests } = await import('@vscode/test-electron');
    const code = await runTests({
      vscodeExecutablePath: vscode.path,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: TESTS,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        '--no-sandbox',
        `--user-data-dir=${path.join(scratch, 'user-data')}`,
      ],
    });
    outcome = code === 0 ? ['passed', 0] : [`failed (exit code ${code})`, 1];
  } catch (e) {
    outcome = [`failed: ${oneLine((e as Error).message)}`, 1];
  }
  rmSync(scratch, { recursive: true, force: true });
  finish(...outcome);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 300);
}

void main();
