// The peer's configuration: textlint-rule-prh with the same deprecated terms as our English
// terminology pack, written as prh rules (one per spelling, case-insensitive, any run of spaces
// or hyphens between words: what our matcher accepts for the same spelling).
import { PACKS, allForms } from '../server/src/core/terminology/pack';

export function prhYaml(language = 'en'): string {
  const pack = PACKS.find((p) => p.language === language)!;
  const lines = ['version: 1', 'rules:'];
  const seen = new Set<string>();
  for (const entry of pack.terms) {
    for (const form of allForms(entry)) {
      // prh needs an expected wording; entries without a safe rewrite suggest one instead.
      const expected = form.replacement ?? entry.replacement ?? entry.suggestions?.[0] ?? form.form;
      if (expected.toLowerCase() === form.form.toLowerCase()) continue;
      const words = form.form.trim().split(/[\s\-]+/).map(escapeRegExp);
      const pattern = `/\\b${words.join('[\\s\\-]+')}\\b/i`;
      if (seen.has(pattern)) continue;
      seen.add(pattern);
      lines.push(`  - expected: ${quote(expected)}`, `    pattern: ${quote(pattern)}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function textlintrc(prhFile: string): string {
  return JSON.stringify({ rules: { prh: { rulePaths: [prhFile] } } }, null, 2) + '\n';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
