import { analyse, type Analysis } from '../../server/src/core/analyse';
import { applyEdits, safeEdits } from '../../server/src/core/fixes';
import { formatOf, sourceFor } from '../../server/src/core/formats';
import { defaultSettings, type Settings } from '../../server/src/core/settings';

/** Analyse a draft given inline, as the CLI and the server would. */
export function lint(text: string, options: { name?: string; settings?: Partial<Settings> } = {}): Analysis {
  const name = options.name ?? 'draft.txt';
  const settings = { ...defaultSettings(), ...options.settings };
  return analyse(sourceFor(`file:///test/${name}`, text, formatOf(name)), settings);
}

/** Terminology findings only (deprecated terms and directive problems, not the checklist's). */
export function terms(a: Analysis) {
  return a.findings.filter((f) => f.term || f.check === 'tool');
}

/** The flagged text of each terminology finding. */
export function flagged(a: Analysis): string[] {
  return terms(a).map((f) => a.source.original.slice(f.range.start, f.range.end));
}

/** The text after applying every safe fix once. */
export function fixed(text: string, options: { name?: string; settings?: Partial<Settings> } = {}): string {
  return applyEdits(text, safeEdits(lint(text, options).findings)).output;
}

/** The checklist status of a recommendation ("II-6") or an act of Article 20(1) ("Art. 20(1)(e)"). */
export function status(a: Analysis, id: string): string {
  const r = [...a.checklist.recommendations, ...a.checklist.convention].find((x) => x.id === id);
  if (!r) throw new Error(`no check ${id}`);
  return r.status;
}
