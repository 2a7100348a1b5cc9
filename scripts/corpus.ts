// Scores the checklist against a corpus of drafts with expected statuses (the format of
// test/fixtures/compliance/: <stem>.<ext> next to <stem>.expected.json). Shared by `npm run eval`
// and the agreement floors in test/compliance/corpora.test.ts, so both count the same way.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyse, type Analysis } from '../server/src/core/analyse';
import { formatOf, sourceFor } from '../server/src/core/formats';
import { defaultSettings } from '../server/src/core/settings';

export type Status = 'met' | 'partial' | 'missing' | 'not-applicable';
export const STATUSES: Status[] = ['met', 'partial', 'missing', 'not-applicable'];

export interface Expected {
  description: string;
  language: string;
  heldout?: boolean;
  statuses: Record<string, Status>;
  convention: Record<string, Status>;
}

export interface ScoredStatus {
  file: string;
  id: string;
  expected: Status;
  actual: Status;
  explanation: string;
}

export interface CorpusOptions {
  /** `heldout`: drafts marked held out; `dev`: the others; `all` (default). */
  split?: 'all' | 'heldout' | 'dev';
  /** Only drafts whose name contains this. */
  only?: string;
}

/** A draft file analysed with the default settings, as `lanzarote-lint` would read it. */
export function analyseFile(file: string): Analysis {
  const name = path.basename(file);
  return analyse(sourceFor(`file:///${name}`, readFileSync(file, 'utf8'), formatOf(name)), defaultSettings());
}

export function scoreCorpus(dir: string, options: CorpusOptions = {}): ScoredStatus[] {
  const split = options.split ?? 'all';
  const names = readdirSync(dir);
  const rows: ScoredStatus[] = [];
  for (const f of names.filter((n) => n.endsWith('.expected.json')).sort()) {
    const expected: Expected = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    if (split === 'heldout' && !expected.heldout) continue;
    if (split === 'dev' && expected.heldout) continue;
    const stem = f.replace(/\.expected\.json$/, '');
    if (options.only && !stem.includes(options.only)) continue;
    const draft = names.find((x) => x.startsWith(`${stem}.`) && !x.endsWith('.expected.json'));
    if (!draft) throw new Error(`${f}: no draft named ${stem}.* next to it`);
    const a = analyseFile(path.join(dir, draft));
    for (const r of [...a.checklist.recommendations, ...a.checklist.convention]) {
      const exp = (expected.statuses[r.id] ?? expected.convention[r.id]) as Status | undefined;
      if (!exp) continue;
      rows.push({ file: stem, id: r.id, expected: exp, actual: r.status, explanation: r.explanation });
    }
  }
  return rows;
}

/** Share of statuses where the checklist says exactly what the legal reading says. */
export function agreement(rows: readonly ScoredStatus[]): number {
  return rows.length === 0 ? Number.NaN : rows.filter((r) => r.expected === r.actual).length / rows.length;
}
