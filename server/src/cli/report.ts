import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { localeFrom } from '../core/i18n';
import { renderReport, reportData, type ReportFormat } from '../core/report';
import { cloneSettings, defaultSettings } from '../core/settings';
import { ConfigFinder } from '../node/configFiles';
import { expandInputs, UsageError } from './files';
import { lintOne } from './lint';
import type { Io } from './main';

export const REPORT_HELP = `Usage: lanzarote-lint report [options] <file | folder | glob>...

Prints the Lanzarote checklist of each draft: the twelve recommendations and the six acts of
Article 20(1) of the Convention, each with its status, a one-line explanation and the provisions
that are its evidence.

Options:
  -f, --format <md|html|json>   Report format (default: md)
  -o, --output <file>           Write the report to a file (one draft only)
      --output-dir <folder>     Write <draft>.lanzarote-report.<ext> for each draft into a folder
      --lang <en|fr>            Language of the report's fixed text (default: from LANG / LC_ALL)
  -h, --help                    Print this help
`;

/** `lanzarote-lint report`: the checklist as Markdown, HTML or JSON. */
export async function runReport(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      'output-dir': { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(REPORT_HELP);
    return 0;
  }
  const format = (values.format ?? 'md') as ReportFormat;
  if (!['md', 'html', 'json'].includes(format)) throw new UsageError(`--format must be md, html or json (got "${values.format}")`);
  if (values.lang !== undefined && !/^(en|fr)$/i.test(values.lang)) throw new UsageError('--lang must be en or fr');
  if (positionals.length === 0) throw new UsageError('No files given. Try: lanzarote-lint report samples/model-law.md');
  const locale = localeFrom(values.lang ?? io.env.LC_ALL ?? io.env.LC_MESSAGES ?? io.env.LANG);
  const files = await expandInputs(positionals, io.cwd, []);
  if (files.length === 0) throw new UsageError('No drafts found in the given folders.');
  if (values.output && files.length > 1) throw new UsageError('--output takes one draft; use --output-dir for several.');
  if (format === 'html' && files.length > 1 && !values['output-dir']) throw new UsageError('An HTML report covers one draft; use --output-dir for several.');

  const base = cloneSettings(defaultSettings());
  base.locale = locale;
  const finder = new ConfigFinder(base);
  const rendered: { file: string; content: string; data?: ReturnType<typeof reportData> }[] = [];
  for (const abs of files) {
    const config = finder.forFile(abs);
    if (config.problems.length) {
      for (const p of config.problems) io.err(`${config.file}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.key ? `"${p.key}": ` : ''}${p.message}\n`);
      return 2;
    }
    const settings = { ...config.settings, locale };
    const display = path.relative(io.cwd, abs) || abs;
    const result = await lintOne({ absPath: abs, display }, settings);
    if (!result.analysis) {
      io.err(`${display}: ${result.skipped}\n`);
      continue;
    }
    // A Word document's evidence is located by paragraph number.
    const options = { paragraphs: result.paragraphs };
    rendered.push({
      file: display,
      content: renderReport(result.analysis, display, format, locale, options),
      data: format === 'json' ? reportData(result.analysis, display, options) : undefined,
    });
  }
  if (rendered.length === 0) return 2;

  if (values['output-dir']) {
    const dir = path.resolve(io.cwd, values['output-dir']);
    await fs.mkdir(dir, { recursive: true });
    for (const r of rendered) {
      const target = path.join(dir, `${path.basename(r.file)}.lanzarote-report.${format}`);
      await fs.writeFile(target, r.content, 'utf8');
      io.err(`wrote ${path.relative(io.cwd, target)}\n`);
    }
    return 0;
  }
  // JSON: one object for one draft, an array for several (as documented).
  const content = format === 'json' && rendered.length > 1
    ? JSON.stringify(rendered.map((r) => r.data), null, 2) + '\n'
    : rendered.map((r) => r.content).join(format === 'md' ? '\n---\n\n' : '');
  if (values.output) {
    await fs.writeFile(path.resolve(io.cwd, values.output), content, 'utf8');
    return 0;
  }
  io.out(content);
  return 0;
}
