import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { applyEdits, safeEdits } from '../core/fixes';
import { addMessages, localeFrom, t, type Locale } from '../core/i18n';
import { cloneSettings, defaultSettings, type Settings } from '../core/settings';
import { LANGUAGES, type LanguageCode } from '../core/terminology/pack';
import { ConfigFinder, type LoadedConfig } from '../node/configFiles';
import { expandInputs, UsageError } from './files';
import { formatJson } from './formatters/json';
import { toSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { lintOne, type DraftInput } from './lint';
import { lintAll, threadsFor } from './parallel';
import { runReport } from './report';
import { reachesFailure, type FailOn, type FileResult } from './results';
import { version } from '../../../package.json';

addMessages('en', {
  'cli.docxFix': '{0} cannot change Word documents ({1}): make the replacements in Word. The other files were processed.',
});
addMessages('fr', {
  'cli.docxFix': '{0} ne peut pas modifier les documents Word ({1}) : faites les remplacements dans Word. Les autres fichiers ont été traités.',
});

const HELP = `Usage: lanzarote-lint [options] <file | folder | glob | ->...
       lanzarote-lint report [--format md|html|json] <file>...   (the checklist; see report --help)

Checks draft legislation against the Lanzarote Committee's recommendations II-1 to II-12
(terminology, exemptions for children, grooming, sexual extortion).

Drafts: plain text (.txt .draft .bill), Markdown (.md), Akoma Ntoso XML (.akn, and .xml files in
the Akoma Ntoso namespace) and Word (.docx: checked and reported, never fixed; positions are
paragraph numbers, shown as "bill.docx ¶12").

Options:
  -f, --format <stylish|json|sarif>   Output format (default: stylish)
      --fix                           Apply the safe replacements in place (never inside quotations)
      --fix-dry-run                   Print the changes --fix would make, as a diff
      --fail-on <error|warning|information|hint|never>
                                      Lowest severity that makes the exit code 1 (default: error)
  -c, --config <file>                 Use this configuration file instead of the nearest .lanzarote.json
      --quotations <information|hide> Report deprecated terms in quoted text as information, or hide them
      --draft-language <en|fr|de|es|auto>
                                      Language of the drafts (default: detected, or from .lanzarote.json)
      --lang <en|fr>                  Language of messages (default: from LANG / LC_ALL)
      --ignore-pattern <glob>         Skip matching files (repeatable)
      --stdin-filename <name>         Name to report for text read from "-"
      --no-color                      Plain output
  -v, --version                       Print the version
  -h, --help                          Print this help

Exit codes: 0 nothing reached --fail-on, 1 something did, 2 usage, file or configuration error.
`;

interface Options {
  format: 'stylish' | 'json' | 'sarif';
  fix: boolean;
  fixDryRun: boolean;
  failOn: FailOn;
  config?: string;
  overrides: Partial<Settings>;
  locale: Locale;
  ignore: string[];
  stdinFilename?: string;
  colour: boolean;
  inputs: string[];
}

export async function main(argv: string[], io = defaultIo()): Promise<number> {
  if (argv[0] === 'report') {
    try {
      return await runReport(argv.slice(1), io);
    } catch (e) {
      io.err(`lanzarote-lint report: ${(e as Error).message}\nRun "lanzarote-lint report --help" for usage.\n`);
      return 2;
    }
  }
  let options: Options;
  try {
    const parsed = parseOptions(argv, io.env);
    if (parsed === 'help') {
      io.out(HELP);
      return 0;
    }
    if (parsed === 'version') {
      io.out(`${version}\n`);
      return 0;
    }
    options = parsed;
    options.colour &&= io.isTTY;
  } catch (e) {
    io.err(`lanzarote-lint: ${(e as Error).message}\nRun "lanzarote-lint --help" for usage.\n`);
    return 2;
  }

  try {
    return await run(options, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`lanzarote-lint: ${e.message}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && err.path) {
      io.err(`lanzarote-lint: cannot read ${err.path}: ${err.code}\n`);
      return 2;
    }
    io.err(`lanzarote-lint: internal error: ${err?.message ?? String(e)}\nPlease report this with the command you ran.\n`);
    if (io.env.LANZAROTE_DEBUG) io.err(`${err?.stack}\n`);
    return 2;
  }
}

async function run(options: Options, io: Io): Promise<number> {
  const cwd = io.cwd;
  const base = cloneSettings(defaultSettings());
  base.locale = options.locale;
  const finder = new ConfigFinder(base);
  const explicit = options.config ? finder.load(path.resolve(cwd, options.config)) : undefined;
  if (options.config && !(await exists(path.resolve(cwd, options.config)))) throw new UsageError(`No such configuration file: ${options.config}`);

  const stdinRequested = options.inputs.includes('-');
  if (stdinRequested && options.fix) throw new UsageError('--fix cannot write back to standard input; use --fix-dry-run to see the changes.');
  const fileInputs = options.inputs.filter((i) => i !== '-');
  const rootConfig = explicit ?? finder.forFile(path.join(cwd, 'x'));
  const files = await expandInputs(fileInputs, cwd, [...options.ignore, ...rootConfig.settings.ignore]);

  const drafts: { input: DraftInput; config: LoadedConfig }[] = [];
  if (stdinRequested) {
    const name = options.stdinFilename ?? 'stdin.txt';
    const absPath = path.resolve(cwd, name);
    drafts.push({ input: { absPath, display: name, bytes: await io.readStdin() }, config: explicit ?? finder.forFile(absPath) });
  }
  for (const f of files) drafts.push({ input: { absPath: f, display: displayPath(f, cwd) }, config: explicit ?? finder.forFile(f) });

  // A broken configuration stops the run: linting with half a configuration would mislead CI.
  const broken = new Map<string, LoadedConfig>();
  for (const d of drafts) if (d.config.problems.length) broken.set(d.config.file ?? '', d.config);
  if (explicit?.problems.length) broken.set(explicit.file ?? '', explicit);
  if (broken.size) {
    for (const cfg of broken.values()) {
      for (const p of cfg.problems) {
        const where = `${displayPath(cfg.file ?? '', cwd)}${p.line ? `:${p.line}:${p.column}` : ''}`;
        io.err(`${where}: ${p.key ? `"${p.key}": ` : ''}${p.message}\n`);
      }
    }
    io.err(`lanzarote-lint: invalid configuration; nothing was checked.\n`);
    return 2;
  }
  if (drafts.length === 0) throw new UsageError(options.inputs.length ? 'No drafts found in the given folders.' : 'No files given. Try: lanzarote-lint samples/');

  const results: FileResult[] = [];
  // Word documents are binary: they are checked, never rewritten. The other files are still fixed.
  const refused: string[] = [];
  if (options.fix || options.fixDryRun) {
    for (const d of drafts) {
      const settings = applyOverrides(d.config.settings, options);
      let result = await lintOne(d.input, settings);
      if (result.analysis) {
        if (result.paragraphs) refused.push(d.input.display);
        else result = await fixOne(d.input, result, settings, options, io);
      }
      results.push(result);
    }
  } else {
    // Checking only: many drafts are linted on every core, the results kept in the drafts' order.
    const jobs = drafts.map((d) => ({ input: d.input, settings: applyOverrides(d.config.settings, options) }));
    const sizes = jobs.length > 1 ? await Promise.all(jobs.map((j) => j.input.bytes?.length ?? fs.stat(j.input.absPath).then((s) => s.size, () => 0))) : [];
    const progress = io.errIsTTY && jobs.length > 1 ? progressLine(io) : undefined;
    results.push(...(await lintAll(jobs, threadsFor(jobs, sizes, io.env), progress)));
  }

  if (!options.fixDryRun) {
    if (options.format === 'json') io.out(formatJson(results));
    else if (options.format === 'sarif') io.out(JSON.stringify(toSarif(results, cwd), null, 2) + '\n');
    else io.out(formatStylish(results, { colour: options.colour, locale: options.locale }));
  }
  if (refused.length) {
    io.err(`lanzarote-lint: ${t(options.locale, 'cli.docxFix', options.fix ? '--fix' : '--fix-dry-run', refused.join(', '))}\n`);
    return 2;
  }
  return reachesFailure(results, options.failOn) ? 1 : 0;
}

/** Apply safe fixes until none is left (overlapping ones need a second round), then re-lint. */
async function fixOne(input: DraftInput, first: FileResult & { hadBom?: boolean }, settings: Settings, options: Options, io: Io) {
  const original = first.analysis!.source.original;
  let text = original;
  let current = first;
  for (let round = 0; round < 4; round++) {
    const edits = safeEdits(current.findings);
    if (edits.length === 0) break;
    text = applyEdits(text, edits).output;
    current = await lintOne({ ...input, bytes: Buffer.from(text, 'utf8') }, settings);
  }
  if (text === original) return first;
  if (options.fixDryRun) {
    io.out(createTwoFilesPatch(input.display, input.display, original, text, '', '', { context: 2 }));
  } else {
    await replaceFile(input.absPath, (first.hadBom ? '\ufeff' : '') + text);
  }
  return { ...current, display: input.display, absPath: input.absPath };
}

function applyOverrides(settings: Settings, options: Options): Settings {
  const s = cloneSettings(settings);
  Object.assign(s, options.overrides);
  s.locale = options.locale;
  return s;
}

function parseOptions(argv: string[], env: Record<string, string | undefined>): Options | 'help' | 'version' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      'fail-on': { type: 'string' },
      config: { type: 'string', short: 'c' },
      quotations: { type: 'string' },
      'draft-language': { type: 'string' },
      lang: { type: 'string' },
      'ignore-pattern': { type: 'string', multiple: true },
      'stdin-filename': { type: 'string' },
      'no-color': { type: 'boolean' },
      color: { type: 'boolean' },
      version: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (values.version) return 'version';
  const format = values.format ?? 'stylish';
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be stylish, json or sarif (got "${format}")`);
  const failOn = values['fail-on'] ?? 'error';
  if (!['error', 'warning', 'information', 'hint', 'never'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning, information, hint or never (got "${failOn}")`);
  if (values.fix && values['fix-dry-run']) throw new UsageError('use either --fix or --fix-dry-run, not both');
  const overrides: Partial<Settings> = {};
  if (values.quotations !== undefined) {
    if (values.quotations !== 'information' && values.quotations !== 'hide') throw new UsageError('--quotations must be information or hide');
    overrides.quotations = values.quotations;
  }
  const dl = values['draft-language'];
  if (dl !== undefined) {
    if (dl !== 'auto' && !(LANGUAGES as string[]).includes(dl)) throw new UsageError(`--draft-language must be auto or one of ${LANGUAGES.join(', ')}`);
    overrides.documentLanguage = dl as LanguageCode | 'auto';
  }
  if (values.lang !== undefined && !/^(en|fr)$/i.test(values.lang)) throw new UsageError('--lang must be en or fr');
  const locale = localeFrom(values.lang ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
  if (positionals.length === 0) throw new UsageError('No files given. Try: lanzarote-lint samples/');
  return {
    format: format as Options['format'],
    fix: !!values.fix,
    fixDryRun: !!values['fix-dry-run'],
    failOn: failOn as FailOn,
    config: values.config,
    overrides,
    locale,
    ignore: values['ignore-pattern'] ?? [],
    stdinFilename: values['stdin-filename'],
    colour: !values['no-color'] && !env.NO_COLOR && (values.color ?? true),
    inputs: positionals,
  };
}

function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(() => true, () => false);
}

/**
 * Write a fixed draft through a temporary file renamed over it: a full disk or a crash half-way
 * never leaves the drafter with half a bill. A symbolic link stays a link (its target is
 * replaced) and the file keeps its permissions.
 */
async function replaceFile(file: string, text: string): Promise<void> {
  const target = await fs.realpath(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.lanzarote-${process.pid}.tmp`);
  const { mode } = await fs.stat(target);
  let created = false;
  try {
    const handle = await fs.open(temp, 'wx', mode);
    created = true;
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (e) {
    if (created) await fs.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** "12/200 drafts checked" on standard error, rewritten in place, cleared at the end (terminals only). */
function progressLine(io: Io): (done: number, total: number) => void {
  return (done, total) => io.err(done < total ? `\r${done}/${total} drafts checked` : '\r\x1b[K');
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
  readStdin(): Promise<Uint8Array>;
  cwd: string;
  env: Record<string, string | undefined>;
  isTTY: boolean;
  /** Standard error is a terminal: progress is shown there. */
  errIsTTY?: boolean;
}

function defaultIo(): Io {
  return {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
    env: process.env,
    isTTY: !!process.stdout.isTTY,
    errIsTTY: !!process.stderr.isTTY,
  };
}
