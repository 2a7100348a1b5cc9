import { main } from './main';

// Entry point of the bundled CLI (dist/cli.js). Waits for stdout to drain before exiting so
// that piped output (JSON, SARIF) is never truncated.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`lanzarote-lint: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
