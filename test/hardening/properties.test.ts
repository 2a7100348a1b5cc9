/**
 * Property-based tests with fixed seeds: random drafts (deprecated terms in every spelling,
 * quotations of every style, numbering of many jurisdictions, hostile Unicode) and random
 * sequences of incremental edits, checked in the core and through the real server over stdio.
 * `npm run fuzz` runs the same generators with fresh seeds for as long as it is given.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { LspClient } from '../lsp/lspClient';
import { draftCase } from './generators';
import { checkCoreCase, checkPushCase, ServerChecker } from './invariants';

let folder: string;
before(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'lanzarote-properties-'));
});
after(() => rmSync(folder, { recursive: true, force: true }));

test('core: findings lie inside the text, exact in UTF-16, the same every time; fixes touch flagged spans only and converge', () => {
  fc.assert(
    fc.property(draftCase({ maxEdits: 6 }), (c) => checkCoreCase(c)),
    { seed: 20261128, numRuns: 150 },
  );
});

describe('the server over stdio (pull diagnostics)', () => {
  let client: LspClient;
  let checker: ServerChecker;
  before(async () => {
    client = await LspClient.start({ pull: true, workspaceFolders: [folder], configuration: (p) => p.items.map(() => ({})) });
    checker = new ServerChecker(client, folder);
  });
  after(() => client?.kill());

  test('after any edits: ranges exact, same diagnostics as a fresh document, quick fixes and fix-all safe and idempotent', async () => {
    await fc.assert(
      fc.asyncProperty(draftCase(), (c) => checker.checkCase(c)),
      { seed: 4242, numRuns: 200 },
    );
    await checker.checkAlive();
  });
});

describe('the server over stdio (push diagnostics)', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ workspaceFolders: [folder], configuration: (p) => p.items.map(() => ({})) });
  });
  after(() => client?.kill());

  test('diagnostics published for the last version equal those of the same text opened fresh', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(draftCase({ maxPieces: 40, maxEdits: 8 }), (c) => checkPushCase(client, folder, c, ++n)),
      { seed: 1128, numRuns: 25 },
    );
    await client.stop();
  });
});
