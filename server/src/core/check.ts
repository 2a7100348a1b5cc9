import type { Finding } from './findings';
import type { Locale } from './i18n';
import { DEFAULT_SEVERITY, type Severity, type Urgency } from './recommendations';
import type { Settings } from './settings';
import type { Source } from './source';
import type { LanguageCode } from './terminology/pack';
import type { LanguageCues } from './cues';
import type { Quotations } from './structure/quotations';
import type { OffsetRange } from './text/range';

/** Where the draft quotes other texts: computed once per analysis, shared by every check. */
export interface QuotedText {
  cues: LanguageCues[];
  quotations: Quotations;
  /** Passages introduced as another text's wording ("… reads as follows:"). */
  introduced: OffsetRange[];
  /** Quotations the file format marks (Markdown blockquotes), sorted. */
  formatQuotes: OffsetRange[];
  /** True when `range` lies in text quoted from another instrument (never the draft's own provision). */
  isQuoted(range: OffsetRange): boolean;
}

/** What every check receives: the document, its settings and helpers shared by all checks. */
export interface CheckContext {
  source: Source;
  /** The analysable text (directive comments masked). */
  text: string;
  settings: Settings;
  language: LanguageCode;
  locale: Locale;
  /**
   * The severity a finding for `check` gets, or undefined when the user switched it off.
   * Quoted findings are information at most (or hidden, by the quotation policy).
   */
  severityFor(check: string, urgency: Urgency, options?: { quoted?: boolean; level?: 'hint' }): Severity | undefined;
  quoted: QuotedText;
}

export type Check = (ctx: CheckContext) => Finding[];

const ORDER: Severity[] = ['hint', 'information', 'warning', 'error'];

export function severityResolver(settings: Settings): CheckContext['severityFor'] {
  return (check, urgency, options = {}) => {
    const override = settings.severity[check] ?? (check.startsWith('Art. 20(1)(') ? settings.severity['Art. 20(1)'] : undefined);
    if (override === 'off') return undefined;
    let severity: Severity;
    if (override && override !== 'default') severity = override;
    else severity = options.level ?? DEFAULT_SEVERITY[urgency];
    if (options.quoted) {
      if (settings.quotations === 'hide') return undefined;
      if (ORDER.indexOf(severity) > ORDER.indexOf('information')) severity = 'information';
    }
    return severity;
  };
}
