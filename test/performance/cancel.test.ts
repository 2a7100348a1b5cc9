// Stale work is stopped: the analysis of a version the drafter has typed past stops at its next
// stage, in the server's worker thread, and only the newest version's analysis comes back.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyse, AnalysisCancelled } from '../../server/src/core/analyse';
import { sourceFor } from '../../server/src/core/formats';
import { plainTextSource } from '../../server/src/core/source';
import { defaultSettings } from '../../server/src/core/settings';
import { OffThreadAnalyser } from '../../server/src/lsp/offThread';
import { generate } from '../../bench/generate';
import { ROOT } from '../lsp/lspClient';

const DRAFT = 'Article 20(1)(a) – Offences\n(1) A person who produces child pornography commits an offence and is liable to imprisonment.\n';

test('an analysis asked to stop stops between its stages', () => {
  let asked = 0;
  assert.throws(() => analyse(plainTextSource('file:///d.txt', DRAFT), defaultSettings(), { cancelled: () => ++asked > 0 }), AnalysisCancelled);
  assert.equal(asked, 1, 'asked once, after the terminology');
  const full = analyse(plainTextSource('file:///d.txt', DRAFT), defaultSettings(), { cancelled: () => false });
  assert.deepEqual(full.findings, analyse(plainTextSource('file:///d.txt', DRAFT), defaultSettings()).findings);
});

test('in the worker thread, a newer version of the same draft stops the running analysis', async () => {
  const analyser = new OffThreadAnalyser(path.join(ROOT, 'dist', 'server.js'));
  try {
    const settings = defaultSettings();
    const text = generate(1024 * 1024, 5);
    const source = (t: string) => () => sourceFor('file:///long.txt', t, 'plaintext');
    const v1 = analyser.analyse('file:///long.txt', text, 'plaintext', settings, source(text));
    const v2text = text.replace('Article 1 ', 'Article 1A ');
    const v2 = analyser.analyse('file:///long.txt', v2text, 'plaintext', settings, source(v2text));
    assert.equal(await v1, undefined, 'the stale version comes back as superseded');
    const latest = await v2;
    assert.ok(latest);
    assert.equal(latest.findings.length, analyse(sourceFor('file:///long.txt', v2text, 'plaintext'), settings).findings.length);
  } finally {
    analyser.dispose();
  }
});
