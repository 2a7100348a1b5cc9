// Preloaded into the language server and the CLI by the security tests
// (NODE_OPTIONS="--require …/monitor.cjs", LANZAROTE_MONITOR_LOG=<file>): records, as JSON lines,
// every attempt to reach the network (sockets, DNS, HTTP(S), TLS, fetch, UDP, HTTP/2), to start a
// process or a worker, to evaluate code (eval, Function, vm) and every module loaded from a file.
// Network and process attempts are blocked: a test run never reaches the network.
// Preloads also run in worker threads: a worker's attempts are recorded (same pid) and blocked.
// The server's own stdio pipes are not connected sockets: they never pass through these hooks.
'use strict';
const fs = require('node:fs');

const LOG = process.env.LANZAROTE_MONITOR_LOG;
if (!LOG) return;
// The variable stays set: worker threads and any child process the tool might start load the
// monitor too and record into the same log (each line carries its process id).

function record(kind, detail) {
  const stack = (new Error().stack || '').split('\n').slice(3, 7).map((s) => s.trim());
  try {
    fs.appendFileSync(LOG, `${JSON.stringify({ pid: process.pid, kind, detail: String(detail).slice(0, 300), stack })}\n`);
  } catch {
    // the log is best effort; the test fails if the "loaded" line is missing
  }
}

function blocked(kind, detail) {
  record(kind, detail);
  const e = new Error(`${kind} blocked by the test monitor: ${detail}`);
  e.code = 'EMONITORBLOCKED';
  return e;
}

function wrap(obj, name, kind, block, describe) {
  const original = obj && obj[name];
  if (typeof original !== 'function') return;
  obj[name] = function monitored(...args) {
    const detail = describe ? describe(args) : safe(args[0]);
    if (block) throw blocked(kind, detail);
    record(kind, detail);
    return original.apply(this, args);
  };
  Object.defineProperty(obj[name], 'name', { value: original.name });
}

function safe(v) {
  try {
    return typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

// --- network ---
const net = require('node:net');
wrap(net.Socket.prototype, 'connect', 'net.Socket.connect', true);
wrap(net, 'connect', 'net.connect', true);
wrap(net, 'createConnection', 'net.createConnection', true);
const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'reverse']) {
  wrap(dns, name, `dns.${name}`, true);
  wrap(dns.promises, name, `dns.promises.${name}`, true);
}
wrap(dns.Resolver && dns.Resolver.prototype, 'resolve', 'dns.Resolver.resolve', true);
for (const mod of ['http', 'https']) {
  const m = require(`node:${mod}`);
  wrap(m, 'request', `${mod}.request`, true);
  wrap(m, 'get', `${mod}.get`, true);
}
wrap(require('node:tls'), 'connect', 'tls.connect', true);
wrap(require('node:http2'), 'connect', 'http2.connect', true);
wrap(require('node:dgram'), 'createSocket', 'dgram.createSocket', true);
if (typeof globalThis.fetch === 'function') wrap(globalThis, 'fetch', 'fetch', true);
if (typeof globalThis.WebSocket === 'function') wrap(globalThis, 'WebSocket', 'WebSocket', true);

// --- processes and workers ---
const cp = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) wrap(cp, name, `child_process.${name}`, true);
const wt = require('node:worker_threads');
if (typeof wt.Worker === 'function') {
  const Original = wt.Worker;
  wt.Worker = class extends Original {
    constructor(filename, ...rest) {
      record('worker_threads.Worker', filename);
      super(filename, ...rest);
    }
  };
}

// --- evaluating code ---
const originalEval = globalThis.eval;
globalThis.eval = function monitoredEval(code) {
  record('eval', code);
  return originalEval(code);
};
const OriginalFunction = globalThis.Function;
globalThis.Function = new Proxy(OriginalFunction, {
  apply(target, self, args) {
    record('Function', args.join(', '));
    return Reflect.apply(target, self, args);
  },
  construct(target, args, newTarget) {
    record('Function', args.join(', '));
    return Reflect.construct(target, args, newTarget === globalThis.Function ? target : newTarget);
  },
});
const vm = require('node:vm');
for (const name of ['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction']) wrap(vm, name, `vm.${name}`, false);
const OriginalScript = vm.Script;
vm.Script = class extends OriginalScript {
  constructor(code, ...rest) {
    record('vm.Script', code);
    super(code, ...rest);
  }
};

// --- modules loaded from files (the bundles load only Node's own modules) ---
const Module = require('node:module');
const originalLoad = Module._load;
Module._load = function monitoredLoad(request, parent, isMain) {
  if (!Module.isBuiltin(request)) record(isMain ? 'main-module' : 'module', safePath(request, parent));
  return originalLoad.apply(this, arguments);
};
function safePath(request, parent) {
  try {
    return Module._resolveFilename(request, parent);
  } catch {
    return request;
  }
}

record('loaded', process.argv.slice(1).join(' '));
