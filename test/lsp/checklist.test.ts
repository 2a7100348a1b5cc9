/**
 * The checklist and the report through the language server, as the VS Code client asks for them:
 * the same statuses as the core, evidence with exact LSP ranges, localised text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ChecklistRequest, ReportRequest } from '../../server/src/lsp/protocol';
import { LspClient, ROOT, fileUri } from './lspClient';

const SAMPLE = path.join(ROOT, 'samples', 'sexual-offences-children-bill.txt');

describe('lanzarote/checklist and lanzarote/report', () => {
  let client: LspClient;
  let locale = 'en';
  before(async () => {
    client = await LspClient.start({ configuration: (p) => p.items.map(() => ({ locale })) });
  });
  after(() => client?.kill());

  test('the checklist of an open draft: twelve recommendations, six acts, evidence ranges', async () => {
    const text = readFileSync(SAMPLE, 'utf8');
    const uri = fileUri(SAMPLE);
    await client.open(uri, text);
    const result = await client.connection.sendRequest<ChecklistRequest.Result>(ChecklistRequest.method, { uri });
    assert.ok(result);
    assert.deepEqual(result.recommendations.map((r) => r.id), Array.from({ length: 12 }, (_, i) => `II-${i + 1}`));
    assert.equal(result.convention.length, 6);
    const ii5 = result.recommendations[4];
    assert.equal(ii5.urgency, 'Require');
    assert.equal(ii5.status, 'partial');
    assert.equal(ii5.statusText, 'partly met');
    const ev = ii5.evidence[0];
    assert.equal(ev.provision, 'Section 4(2)');
    const line = text.split('\n')[ev.range.start.line];
    assert.match(line, /^\(2\) It is a defence for a person charged/);
    assert.equal(result.met, result.recommendations.filter((r) => r.status === 'met').length);
  });

  test('the report comes back as Markdown or HTML; an unknown document gives null', async () => {
    const uri = fileUri(SAMPLE);
    const md = await client.connection.sendRequest<ReportRequest.Result>(ReportRequest.method, { uri, format: 'md' });
    assert.match(md!.content, /^# Lanzarote checklist: sexual-offences-children-bill\.txt/);
    assert.match(md!.content, /## II-5 — Condition any exemption for adults/);
    const html = await client.connection.sendRequest<ReportRequest.Result>(ReportRequest.method, { uri, format: 'html' });
    assert.match(html!.content, /^<!DOCTYPE html>/);
    assert.equal(await client.connection.sendRequest(ChecklistRequest.method, { uri: 'file:///nowhere.txt' }), null);
  });
});
