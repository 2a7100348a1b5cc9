// Preloaded into the language server by the memory tests (NODE_OPTIONS="--expose-gc --require …"):
// on SIGUSR2, run a full garbage collection and report memory on stderr, which the protocol does
// not use. What survives a full collection is what the server retains: the measure of a leak.
'use strict';
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
  const m = process.memoryUsage();
  process.stderr.write(`lanzarote-memory ${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, external: m.external })}\n`);
});
