import type { XmlElement } from '../../core/formats/xml/tree';
import { all, attr, childOf, type Part } from './xml';

/**
 * Word's automatic numbering, computed the way Word shows it: the labels ("1.", "(a)",
 * "Article 3", "1.2") are not in the document text but in numbering.xml, as a format per list
 * level (`w:lvlText` "(%2)", `w:numFmt` lowerLetter, `w:start`) and counters that run down the
 * document. A drafter reads "Article 3" and "(a)"; so must the analysis.
 *
 * Counters belong to the abstract list (`w:abstractNum`): Word continues a list across `w:num`
 * instances of the same abstract list unless an instance overrides a level's start
 * (`w:lvlOverride/w:startOverride`), which restarts that level at the instance's first paragraph.
 */
interface Level {
  start: number;
  format: string;
  text: string;
  /** What follows the label: a tab (shown here as a space), a space, or nothing. */
  suffix: 'tab' | 'space' | 'nothing';
  legal: boolean;
}

interface Instance {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

export class Numbering {
  readonly #abstract = new Map<string, Map<number, Level>>();
  readonly #instances = new Map<string, Instance>();
  readonly #counters = new Map<string, (number | undefined)[]>();
  readonly #started = new Set<string>();

  constructor(part: Part | undefined) {
    if (!part) return;
    for (const a of all(part.roots, 'abstractNum')) {
      const levels = new Map<number, Level>();
      for (const l of a.children) if (l.kind === 'element' && l.local === 'lvl') levels.set(Number(attr(l, 'ilvl') ?? 0), level(l));
      this.#abstract.set(attr(a, 'abstractNumId') ?? '', levels);
    }
    for (const n of all(part.roots, 'num')) {
      const starts = new Map<number, number>();
      const levels = new Map<number, Level>();
      for (const o of n.children) {
        if (o.kind !== 'element' || o.local !== 'lvlOverride') continue;
        const ilvl = Number(attr(o, 'ilvl') ?? 0);
        const start = attr(childOf(o, 'startOverride'), 'val');
        if (start !== undefined) starts.set(ilvl, Number(start));
        const lvl = childOf(o, 'lvl');
        if (lvl) levels.set(ilvl, level(lvl));
      }
      this.#instances.set(attr(n, 'numId') ?? '', { abstractId: attr(childOf(n, 'abstractNumId'), 'val') ?? '', starts, levels });
    }
  }

  /** The label of the next paragraph of list `numId` at level `ilvl`, with what follows it; advances the counters. */
  next(numId: string, ilvl: number): string | undefined {
    const instance = this.#instances.get(numId);
    if (!instance || numId === '0') return undefined;
    const levels = this.#abstract.get(instance.abstractId);
    const levelOf = (i: number) => instance.levels.get(i) ?? levels?.get(i);
    const lvl = levelOf(ilvl);
    if (!lvl) return undefined;

    const key = instance.abstractId;
    const counters = this.#counters.get(key) ?? [];
    this.#counters.set(key, counters);
    if (!this.#started.has(numId)) {
      // An instance that overrides a level's start restarts the list from that level down.
      this.#started.add(numId);
      if (instance.starts.size) counters.length = Math.min(counters.length, Math.min(...instance.starts.keys()));
    }
    const current = counters[ilvl];
    counters[ilvl] = current === undefined ? instance.starts.get(ilvl) ?? lvl.start : current + 1;
    // A new item at this level restarts every deeper level.
    counters.length = ilvl + 1;

    const label = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levelOf(i);
      const value = counters[i] ?? instance.starts.get(i) ?? l?.start ?? 1;
      return formatNumber(value, lvl.legal && i < ilvl ? 'decimal' : l?.format ?? 'decimal');
    });
    const shown = lvl.format === 'bullet' ? bullet(label) : label;
    if (!shown) return undefined;
    return shown + (lvl.suffix === 'nothing' ? '' : ' ');
  }
}

function level(l: XmlElement): Level {
  const suffix = attr(childOf(l, 'suff'), 'val');
  return {
    start: Number(attr(childOf(l, 'start'), 'val') ?? 1),
    format: attr(childOf(l, 'numFmt'), 'val') ?? 'decimal',
    text: attr(childOf(l, 'lvlText'), 'val') ?? '',
    suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
    legal: !!childOf(l, 'isLgl'),
  };
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'ordinal':
      return `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** a … z, then aa … zz, as Word counts. */
function letters(n: number): string {
  if (n < 1) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** Bullets drawn from symbol fonts (private-use code points) read as "•". */
function bullet(text: string): string {
  return /^[\uf000-\uf0ff]*$/.test(text) || !text.trim() ? '•' : text;
}
