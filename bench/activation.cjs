// Activation of the bundled extension (dist/extension.js) in plain Node with a stand-in `vscode`
// module: the time to load our bundle and run activate() with no draft open, which is what VS
// Code spends in our code when it activates us. VS Code's own extension-host work is not in it.
//   node bench/activation.cjs <dist/extension.js>   → prints the milliseconds as JSON
const Module = require('node:module');

const disposable = { dispose() {} };
/** Any property is a function returning a disposable stand-in, and can be constructed. */
function stub(overrides = {}) {
  const target = function () {};
  return new Proxy(target, {
    get(_, key) {
      if (key in overrides) return overrides[key];
      if (key === 'then') return undefined;
      if (key === 'dispose') return () => undefined;
      if (key === Symbol.toPrimitive) return () => '';
      return stub();
    },
    apply() {
      return new Proxy(disposable, { get: (t, k) => (k in t ? t[k] : k === 'then' ? undefined : stub()) });
    },
    construct() {
      return stub();
    },
  });
}

const vscode = stub({
  workspace: stub({ textDocuments: [], workspaceFolders: [], isTrusted: true, getConfiguration: () => stub({ get: (_k, d) => d }) }),
  window: stub({ createOutputChannel: () => stub({ info() {}, warn() {}, error() {}, appendLine() {} }) }),
  languages: stub({ match: () => 0 }),
  l10n: stub({ t: (s) => (typeof s === 'string' ? s : s.message) }),
});

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };

const file = require('node:path').resolve(process.argv[2]);
const context = { subscriptions: [], asAbsolutePath: (p) => p, extensionPath: '.', extensionUri: stub(), globalState: stub(), workspaceState: stub() };
const t0 = performance.now();
const extension = require(file);
const loaded = performance.now();
extension.activate(context);
const activated = performance.now();
process.stdout.write(JSON.stringify({ loadMs: loaded - t0, activateMs: activated - loaded, totalMs: activated - t0 }) + '\n');
