/**
 * On the bundled samples, the three places a drafter sees the checklist agree: the checklist
 * view (the server's lanzarote/checklist request), the diagnostics, and the exported report.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ChecklistRequest } from '../../server/src/lsp/protocol';
import { runCli, ROOT } from '../helpers/cli';
import { LspClient, fileUri, waitFor } from '../lsp/lspClient';

const SAMPLES = ['sexual-offences-children-bill.txt', 'projet-de-loi-protection-enfants.txt', 'model-law.md'];

describe('checklist, diagnostics and report agree on the samples', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client?.kill());

  for (const name of SAMPLES) {
    test(name, async () => {
      const file = path.join(ROOT, 'samples', name);
      const uri = fileUri(file);
      await client.open(uri, readFileSync(file, 'utf8'), name.endsWith('.md') ? 'markdown' : 'plaintext');
      const checklist = await client.connection.sendRequest<ChecklistRequest.Result>(ChecklistRequest.method, { uri });
      assert.ok(checklist);
      const diagnostics = await waitFor(() => client.diagnostics.get(uri)?.diagnostics, 10000, 'diagnostics');

      const report = JSON.parse((await runCli(['report', '--format', 'json', `samples/${name}`])).stdout);
      const view = [...checklist.recommendations, ...checklist.convention].map((r) => [r.id, r.status]);
      const exported = [...report.recommendations, ...report.convention].map((r: { id: string; status: string }) => [r.id, r.status]);
      assert.deepEqual(view, exported, 'the view and the report give the same statuses');

      // Every compliance diagnostic cites a check the checklist shows as missing or partly met,
      // and every missing or partial check with a diagnostic rule has at least one diagnostic.
      const byCheck = new Map(view as [string, string][]);
      const compliance = diagnostics.filter((d: Diagnostic) => !String(d.code).startsWith('term/') && !String(d.code).startsWith('directive/'));
      for (const d of compliance) {
        const check = (d.data as { check: string }).check;
        assert.ok(['missing', 'partial'].includes(byCheck.get(check)!), `${d.code} on a ${byCheck.get(check)} check`);
      }
      for (const [id, status] of view as [string, string][]) {
        if (status === 'met' || status === 'not-applicable') {
          assert.equal(compliance.filter((d) => (d.data as { check: string }).check === id).length, 0, `no diagnostic for ${id} (${status})`);
        }
      }
    });
  }
});
