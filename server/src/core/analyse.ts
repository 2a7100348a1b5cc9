import { severityResolver, type Check, type CheckContext } from './check';
import { runChecklist, type Checklist } from './compliance/checklist';
import { compareFindings, type Finding } from './findings';
import { t } from './i18n';
import { detectLanguage } from './language';
import { quotedText } from './quoted';
import type { Settings } from './settings';
import type { Source } from './source';
import { readDraft, type Reading } from './structure/reading';
import { findDirectives, Suppressions, type Directive } from './suppression';
import { checkTerminology } from './terminology/rule';
import { LANGUAGES, type LanguageCode } from './terminology/pack';
import { LineIndex } from './text/lineIndex';

export interface Analysis {
  source: Source;
  language: LanguageCode;
  /** Every finding, sorted by position: terminology, compliance and directive problems. */
  findings: Finding[];
  directives: Directive[];
  /** The draft's provisions and what each unit of it does. */
  reading: Reading;
  /** The twelve recommendations and the six acts of Article 20(1), with statuses and evidence. */
  checklist: Checklist;
}

/** Word-level checks run on every draft. Compliance checks read the structure afterwards. */
const TEXT_CHECKS: Check[] = [checkTerminology];

/** Thrown by analyse() when `cancelled` says the analysis is no longer wanted. */
export class AnalysisCancelled extends Error {}

export interface AnalyseOptions {
  /**
   * Asked between the stages of the analysis (after the terminology, after reading the
   * structure): true stops it with AnalysisCancelled. The language server's worker thread stops
   * the analysis of a version the drafter has already typed past.
   */
  cancelled?: () => boolean;
}

/**
 * Analyse one draft: Source → Structure → Findings. Pure: no I/O, no editor, the same for the
 * CLI, the language server and the tests.
 */
export function analyse(source: Source, settings: Settings, options: AnalyseOptions = {}): Analysis {
  const stopIfCancelled = () => {
    if (options.cancelled?.()) throw new AnalysisCancelled('analysis cancelled');
  };
  const lines = source.textLines;
  const directives = findDirectives(source.text, lines);
  const text = directives.length ? maskDirectives(source.text, directives) : source.text;
  const language = documentLanguage(source, settings, directives, text);
  const ctx: CheckContext = {
    source,
    text,
    settings,
    language,
    locale: settings.locale,
    severityFor: severityResolver(settings),
    quoted: quotedText(source, text, language),
  };
  const suppressions = directives.length ? new Suppressions(directives, lines.lineCount) : undefined;
  const keep = (f: Finding) => !suppressions || f.check === 'tool' || !suppressions.silences(f.check, textLineOf(source, f.range.start));

  const termFindings: Finding[] = [];
  for (const check of TEXT_CHECKS) termFindings.push(...check(ctx).filter(keep));
  stopIfCancelled();

  // Structure is read from the text with directive comments blanked, like every other check.
  const reading = readDraft(text, directives.length ? new LineIndex(text) : lines, language, (range) => ctx.quoted.isQuoted(range));
  stopIfCancelled();
  const checklist = runChecklist({ ...ctx, reading, termFindings });
  checklist.findings = checklist.findings.filter(keep);

  const findings = [...termFindings, ...checklist.findings, ...directiveFindings(directives, ctx)];
  findings.sort(compareFindings);
  return { source, language, findings, directives, reading, checklist };
}

function documentLanguage(source: Source, settings: Settings, directives: Directive[], text: string): LanguageCode {
  const declared = directives.find((d) => d.kind === 'language' && d.value && (LANGUAGES as string[]).includes(d.value));
  if (declared) return declared.value as LanguageCode;
  if (settings.documentLanguage !== 'auto') return settings.documentLanguage;
  const meta = source.declaredLanguage?.slice(0, 2).toLowerCase();
  if (meta && (LANGUAGES as string[]).includes(meta)) return meta as LanguageCode;
  return detectLanguage(text);
}

/** Blank out directive comments (keeping offsets) so their reasons are not read as draft text. */
function maskDirectives(text: string, directives: Directive[]): string {
  let out = '';
  let last = 0;
  for (const d of directives) {
    out += text.slice(last, d.range.start) + text.slice(d.range.start, d.range.end).replace(/[^\r\n]/g, ' ');
    last = d.range.end;
  }
  return out + text.slice(last);
}

function directiveFindings(directives: Directive[], ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const d of directives) {
    for (const u of d.unknownIds) {
      out.push({
        ruleId: 'directive/unknown-id',
        check: 'tool',
        urgency: 'request',
        severity: 'warning',
        message: t(ctx.locale, 'directive.unknownId', u.id),
        range: ctx.source.toOriginalRange(u.range),
        quoted: false,
      });
    }
    if (d.kind === 'language' && !(d.value && (LANGUAGES as string[]).includes(d.value))) {
      out.push({
        ruleId: 'directive/unknown-language',
        check: 'tool',
        urgency: 'request',
        severity: 'warning',
        message: t(ctx.locale, 'directive.unknownLanguage', d.value ?? ''),
        range: ctx.source.toOriginalRange(d.range),
        quoted: false,
      });
    }
  }
  return out;
}

/** Directives count lines of the analysable text; findings carry original offsets. */
function textLineOf(source: Source, originalOffset: number): number {
  return source.textLines.lineOf(source.fromOriginal(originalOffset) ?? 0);
}
