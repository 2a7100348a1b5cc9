import { main } from './main';
import { isLintThread, runLintWorker, setWorkerScript } from './parallel';

// Entry point of the bundled CLI (dist/cli.js). Waits for stdout to drain before exiting so
// that piped output (JSON, SARIF) is never truncated. The same bundle, started as a worker
// thread, lints drafts for the main thread when many are checked at once.
if (isLintThread()) {
  runLintWorker();
} else {
  setWorkerScript(__filename);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`lanzarote-lint: internal error: ${(e as Error)?.message ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
