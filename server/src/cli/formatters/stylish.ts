import { addMessages, t, urgencyWord, type Locale } from '../../core/i18n';
import type { Severity } from '../../core/recommendations';
import { cliPosition, excerpt, type FileResult } from '../results';

// The CLI's own words; messages come from the core in the same language.
addMessages('en', {
  'cli.severity.error': 'error',
  'cli.severity.warning': 'warning',
  'cli.severity.information': 'information',
  'cli.severity.hint': 'hint',
  'cli.skipped': 'skipped:',
  'cli.note': 'note:',
  'cli.none': 'No findings in {0} file{1}.',
  'cli.summary': '{0} finding{1} in {2} of {3} file{4}: {5}{6}.',
  'cli.count.error': '{0} error{1}',
  'cli.count.warning': '{0} warning{1}',
  'cli.count.information': '{0} information',
  'cli.count.hint': '{0} hint{1}',
  'cli.quoted': ' ({0} in quoted text)',
});
addMessages('fr', {
  'cli.severity.error': 'erreur',
  'cli.severity.warning': 'avertissement',
  'cli.severity.information': 'information',
  'cli.severity.hint': 'indication',
  'cli.skipped': 'ignoré :',
  'cli.note': 'note :',
  'cli.none': 'Aucun constat dans {0} fichier{1}.',
  'cli.summary': '{0} constat{1} dans {2} fichier{7} sur {3} : {5}{6}.',
  'cli.count.error': '{0} erreur{1}',
  'cli.count.warning': '{0} avertissement{1}',
  'cli.count.information': '{0} information{1}',
  'cli.count.hint': '{0} indication{1}',
  'cli.quoted': ' (dont {0} dans des textes cités)',
});

const COLOURS: Record<Severity | 'dim' | 'bold', [string, string]> = {
  error: ['\x1b[31m', '\x1b[39m'],
  warning: ['\x1b[33m', '\x1b[39m'],
  information: ['\x1b[36m', '\x1b[39m'],
  hint: ['\x1b[2m', '\x1b[22m'],
  dim: ['\x1b[2m', '\x1b[22m'],
  bold: ['\x1b[1m', '\x1b[22m'],
};

/**
 * One line per finding, `path:line:column  severity  message  II-6 Request  rule`, then a summary.
 * A Word document has no lines to jump to: its findings say `bill.docx ¶12` (the paragraph number)
 * and quote the words around the term on the next line.
 */
export function formatStylish(results: FileResult[], options: { colour: boolean; locale: Locale }): string {
  const paint = (style: keyof typeof COLOURS, s: string) => (options.colour ? COLOURS[style][0] + s + COLOURS[style][1] : s);
  const { locale } = options;
  // French counts 0 and 1 in the singular.
  const plural = (n: number) => ((locale === 'fr' ? n > 1 : n !== 1) ? 's' : '');
  const width = Math.max(...(['error', 'warning', 'information', 'hint'] as const).map((s) => t(locale, `cli.severity.${s}`).length));
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let quoted = 0;
  let files = 0;
  for (const r of results) {
    if (r.skipped) out.push(`${r.display}  ${paint('dim', t(locale, 'cli.skipped'))} ${r.skipped}`);
    for (const note of r.notes) out.push(`${r.display}  ${paint('dim', t(locale, 'cli.note'))} ${note}`);
    if (r.findings.length) files++;
    for (const f of r.findings) {
      const p = cliPosition(r, f);
      counts[f.severity]++;
      if (f.quoted) quoted++;
      const cited = f.check === 'tool' ? '' : `${f.check} ${urgencyWord(options.locale, f.urgency)}`;
      const where = r.paragraphs ? `${r.display} ¶${p.line}` : `${r.display}:${p.line}:${p.column}`;
      out.push(
        `${paint('bold', where)}  ${paint(f.severity, t(locale, `cli.severity.${f.severity}`).padEnd(width))}  ${f.message}  ${paint('dim', [cited, f.ruleId].filter(Boolean).join('  '))}`,
      );
      if (r.paragraphs) out.push(`    ${paint('dim', locale === 'fr' ? `« ${excerpt(r, f)} »` : `“${excerpt(r, f)}”`)}`);
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const parts = (['error', 'warning', 'information', 'hint'] as const).map((s) => t(locale, `cli.count.${s}`, counts[s], plural(counts[s])));
  const summary = total === 0
    ? t(locale, 'cli.none', results.length, plural(results.length))
    : t(locale, 'cli.summary', total, plural(total), files, results.length, plural(results.length), parts.join(', '), quoted ? t(locale, 'cli.quoted', quoted) : '', plural(files));
  out.push('', paint(counts.error ? 'error' : counts.warning ? 'warning' : 'bold', summary));
  return out.join('\n') + '\n';
}
