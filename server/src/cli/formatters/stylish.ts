import { urgencyWord, type Locale } from '../../core/i18n';
import type { Severity } from '../../core/recommendations';
import { cliPosition, type FileResult } from '../results';

const COLOURS: Record<Severity | 'dim' | 'bold', [string, string]> = {
  error: ['\x1b[31m', '\x1b[39m'],
  warning: ['\x1b[33m', '\x1b[39m'],
  information: ['\x1b[36m', '\x1b[39m'],
  hint: ['\x1b[2m', '\x1b[22m'],
  dim: ['\x1b[2m', '\x1b[22m'],
  bold: ['\x1b[1m', '\x1b[22m'],
};

/** One line per finding, `path:line:column  severity  message  II-6 Request  rule`, then a summary. */
export function formatStylish(results: FileResult[], options: { colour: boolean; locale: Locale }): string {
  const paint = (style: keyof typeof COLOURS, s: string) => (options.colour ? COLOURS[style][0] + s + COLOURS[style][1] : s);
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let quoted = 0;
  let files = 0;
  for (const r of results) {
    if (r.skipped) out.push(`${r.display}  ${paint('dim', 'skipped:')} ${r.skipped}`);
    for (const note of r.notes) out.push(`${r.display}  ${paint('dim', 'note:')} ${note}`);
    if (r.findings.length) files++;
    for (const f of r.findings) {
      const p = cliPosition(r, f);
      counts[f.severity]++;
      if (f.quoted) quoted++;
      const cited = f.check === 'tool' ? '' : `${f.check} ${urgencyWord(options.locale, f.urgency)}`;
      out.push(
        `${paint('bold', `${r.display}:${p.line}:${p.column}`)}  ${paint(f.severity, f.severity.padEnd(11))}  ${f.message}  ${paint('dim', [cited, f.ruleId].filter(Boolean).join('  '))}`,
      );
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const parts = [
    `${counts.error} error${counts.error === 1 ? '' : 's'}`,
    `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`,
    `${counts.information} information`,
    `${counts.hint} hint${counts.hint === 1 ? '' : 's'}`,
  ];
  const summary = total === 0
    ? `No findings in ${results.length} file${results.length === 1 ? '' : 's'}.`
    : `${total} finding${total === 1 ? '' : 's'} in ${files} of ${results.length} file${results.length === 1 ? '' : 's'}: ${parts.join(', ')}${quoted ? ` (${quoted} in quoted text)` : ''}.`;
  out.push('', paint(counts.error ? 'error' : counts.warning ? 'warning' : 'bold', summary));
  return out.join('\n') + '\n';
}
