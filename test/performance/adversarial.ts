// Runs the whole analysis (every format, the report and the outline, CLI positions) on inputs
// built to make a backtracking pattern blow up, and prints what it found as JSON. Started by
// linear-matching.test.ts under V8 flags that report any single regular-expression run that
// backtracks more than a budget proportional to the input.
import { analyse } from '../../server/src/core/analyse';
import { sourceFor } from '../../server/src/core/formats';
import { outline } from '../../server/src/core/outline';
import { renderReport } from '../../server/src/core/report';
import { defaultSettings } from '../../server/src/core/settings';
import type { DraftFormat } from '../../server/src/core/source';

export const N = 100_000;

/** Each input: a drafting formula with a long run of one awkward character or token in it. */
export function adversarialInputs(n = N): Record<string, string> {
  const term = 'A person who possesses child pornography commits an offence.';
  // Whole repeats of the token, about n characters in all.
  const run = (s: string) => s.repeat(Math.max(1, Math.round(n / s.length)));
  return {
    spaces: `${term}\nchild${run(' ')}pornography ${run(' ')}:\n${term}`,
    'no-break spaces': `child${run('\u00a0')}pornography${run('\u00a0')}x`,
    'straight double quotes': `${term} ${run('"')} ${term}`,
    'curly quotes': `${term} ${run('“')}${run('”')} ${term}`,
    'single quotes and apostrophes': `${term} ${run("'")} ${run('’')} child's ${term}`,
    guillemets: `${term} ${run('«')} ${run('»')} « ${term}`,
    'low quotes': `${term} ${run('„')} ${run('‚')} ${term}`,
    parentheses: `${term} ${run('(')}${run(')')} ${term}`,
    hyphens: `child${run('-')}pornography ${run('- ')}\n${term}`,
    'line breaks': `${term}${run('\n')}${term}`,
    'spaces and line breaks': `${term}${run(' \n')}${term}`,
    'blank lines with spaces': `${term}${run('\n  \n')}${term}`,
    'one long word': `${term} ${run('a')} ${term}`,
    'long word then quote': `${run('a')}' ${term}`,
    colons: `${term} Convention${run(':')}\n${term}`,
    'full stops': `${term}${run('.')} ${term}`,
    'commas and spaces': `${term}${run(', ')}${term}`,
    digits: `Article ${run('1')} ${term}`,
    'article keywords': `${run('Article ')}\n${term}`,
    'article headings': `${run('Article 1. ')}\n${term}`,
    'section signs': `${run('§ ')}\n${term}`,
    'numbered points': `A person who\n${run('(a) ')}\n${term}`,
    'paragraph numbers on lines': `${run('(1)\n')}${term}`,
    'capitalised words': `${run('The Child Pornography ')}Act of 1996`,
    'title words then year': `the ${run('Child Pornography Prevention ')}Act 1996`,
    'instrument and connectors': `Directive ${run('of the ')}on child pornography`,
    'of and': `Directive 2011/93/EU on ${run('and of ')}child pornography`,
    'definition verbs': `"child pornography" ${run('means ')}`,
    'amending verbs': `${run('insert ')}:\n"child pornography"`,
    'markdown hashes': `${run('#')} Child pornography\n${term}`,
    'markdown emphasis': `${run('*')}Article 1${run('_')}\n${term}`,
    'markdown blockquote markers': `${run('> ')}${term}`,
    'xml-like text': `${run('<a ')}child pornography${run('&amp;')}`,
    'lanzarote directives': `${run('lanzarote-disable ')}\n${term}`,
    'astral characters': `${run('𝔸')} ${term} ${run('𝔸')}`,
    'combining marks': `pe${run('\u0301')}dopornographie ${term}`,
    'soft hyphens and invisibles': `child${run('\u00ad\u200b')}pornography ${term}`,
    'french formulas': `${run('de la ')}pédopornographie ; ${run('d’un mineur ')}`,
    'numbers and dots': `${run('1.2.')} ${term}`,
    'age phrases': `${run('under the age of ')}18 ${term}`,
  };
}

const FORMATS: DraftFormat[] = ['plaintext', 'markdown', 'akn'];

/** Analyse each input in each format; a summary that shows the work was done. */
export function runAll(n = N): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [name, text] of Object.entries(adversarialInputs(n))) {
    out[name] = FORMATS.map((format) => {
      const analysis = analyse(sourceFor(`file:///adversarial.${format}`, text, format), defaultSettings());
      const lines = analysis.source.originalLines;
      for (const f of analysis.findings) {
        lines.codePointPosition(f.range.start);
        lines.codePointPosition(f.range.end);
      }
      renderReport(analysis, 'adversarial', 'md', 'en');
      outline(analysis);
      return analysis.findings.filter((f) => f.ruleId.startsWith('term/')).length;
    });
  }
  return out;
}

if (require.main === module) {
  process.stdout.write(`${JSON.stringify(runAll(Number(process.argv[2] ?? N)))}\n`);
}
