/**
 * Entry point of the extension-host tests (bundled to dist/test/extension-host.js). VS Code loads
 * it through --extensionTestsPath (or the workbench payload in code-server) and calls run(); the
 * promise settles with the result. Mocha is loaded at run time from the repository's node_modules.
 */
import Mocha from 'mocha';
import { defineSuite } from './suite';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 120000 });
  // Install the TDD functions (suite, test, suiteTeardown …) into a context, as mocha does per file.
  const context = {} as Mocha.MochaGlobals;
  mocha.suite.emit('pre-require', context, 'extension-host', mocha);
  defineSuite(context.suite, context.test as unknown as Parameters<typeof defineSuite>[1], context.suiteTeardown as unknown as Parameters<typeof defineSuite>[2]);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
