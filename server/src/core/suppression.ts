import { normaliseCheckKey } from './recommendations';
import type { LineIndex } from './text/lineIndex';
import type { OffsetRange } from './text/range';

/**
 * Inline directives that silence recommendations, in any text format:
 *
 *   lanzarote-disable-next-line II-1 -- quoting the 1996 Act verbatim
 *   <!-- lanzarote-disable II-6, II-8 -- exemptions are in the Children Act -->
 *   … <!-- lanzarote-enable II-6, II-8 -->
 *   lanzarote-disable-line II-1
 *
 * With no id, a directive silences everything. The reason after "--" is kept for reports.
 * Directive lines are comments, not draft text: they are masked from analysis.
 */
export interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'language';
  /** Normalised check ids; empty means all. */
  ids: string[];
  unknownIds: { id: string; range: OffsetRange }[];
  reason?: string;
  line: number;
  range: OffsetRange;
  /** For `language`: the language code given. */
  value?: string;
}

const DIRECTIVE = /lanzarote-(disable-next-line|disable-line|disable|enable|language)\b([^\n\r]*)/g;

export function findDirectives(text: string, lines: LineIndex): Directive[] {
  const out: Directive[] = [];
  // Cheap test first: most documents have none.
  if (!text.includes('lanzarote-')) return out;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const kind = m[1] as Directive['kind'];
    let rest = m[2];
    const close = rest.indexOf('-->');
    if (close >= 0) rest = rest.slice(0, close);
    const line = lines.lineOf(m.index);
    const lineStart = lines.lineStarts[line];
    const range = { start: lineStart, end: lines.lineEnd(line) };
    if (kind === 'language') {
      const value = /^\s*:?\s*([a-z]{2})\b/i.exec(rest)?.[1]?.toLowerCase();
      out.push({ kind, ids: [], unknownIds: [], line, range, value });
      continue;
    }
    const [idPart, ...reasonParts] = rest.split(/\s--\s?|\s—\s?|:\s/);
    const reason = reasonParts.join(' -- ').trim() || undefined;
    const ids: string[] = [];
    const unknownIds: Directive['unknownIds'] = [];
    const idStart = m.index + 'lanzarote-'.length + m[1].length;
    const tokenRe = /[^\s,;]+/g;
    for (let t = tokenRe.exec(idPart); t; t = tokenRe.exec(idPart)) {
      const id = normaliseCheckKey(t[0]);
      if (id) ids.push(id);
      else unknownIds.push({ id: t[0], range: { start: idStart + t.index, end: idStart + t.index + t[0].length } });
    }
    out.push({ kind, ids, unknownIds, reason, line, range });
  }
  return out;
}

/** Which checks are silenced on which lines. */
export class Suppressions {
  readonly #lineRules = new Map<number, Set<string> | 'all'>();
  readonly #regions: { from: number; to: number; ids: Set<string> | 'all' }[] = [];

  constructor(directives: readonly Directive[], lineCount: number) {
    const open = new Map<string, number>();
    for (const d of directives) {
      // Only unknown ids (a typo: "II-l"): they are reported, and silence nothing rather than everything.
      if (d.ids.length === 0 && d.unknownIds.length > 0) continue;
      if (d.kind === 'disable-next-line') this.#addLine(d.line + 1, d.ids);
      else if (d.kind === 'disable-line') this.#addLine(d.line, d.ids);
      else if (d.kind === 'disable') for (const id of d.ids.length ? d.ids : ['*']) open.set(id, d.line);
      else if (d.kind === 'enable') {
        for (const id of d.ids.length ? d.ids : [...open.keys()]) {
          const from = open.get(id);
          if (from === undefined) continue;
          this.#regions.push({ from, to: d.line, ids: id === '*' ? 'all' : new Set([id]) });
          open.delete(id);
        }
      }
    }
    for (const [id, from] of open) this.#regions.push({ from, to: lineCount, ids: id === '*' ? 'all' : new Set([id]) });
  }

  #addLine(line: number, ids: string[]): void {
    const existing = this.#lineRules.get(line);
    if (existing === 'all' || ids.length === 0) {
      this.#lineRules.set(line, 'all');
      return;
    }
    const set = existing ?? new Set<string>();
    for (const id of ids) set.add(id);
    this.#lineRules.set(line, set);
  }

  /** True when `check` (e.g. "II-6" or "Art. 20(1)(f)") is silenced on `line`. */
  silences(check: string, line: number): boolean {
    const rules = this.#lineRules.get(line);
    if (rules === 'all' || rules?.has(check) || (check.startsWith('Art. 20(1)(') && rules?.has('Art. 20(1)'))) return true;
    for (const r of this.#regions) {
      if (line >= r.from && line <= r.to && (r.ids === 'all' || r.ids.has(check) || (check.startsWith('Art. 20(1)(') && r.ids.has('Art. 20(1)')))) return true;
    }
    return false;
  }
}
