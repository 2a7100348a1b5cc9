import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as sarif from 'sarif';
import type { Finding } from '../../core/findings';
import { recommendation, CONVENTION, DEFAULT_SEVERITY, type Severity } from '../../core/recommendations';
import { cliPosition, excerpt, type FileResult } from '../results';
import { version } from '../../../../package.json';

const LEVEL: Record<Severity, sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'none' };
const INFORMATION_URI = 'https://github.com/lanzarote-tools/lanzarote-drafting-assistant';

/**
 * SARIF 2.1.0 for code-scanning dashboards: one rule per rule id, with the recommendation's
 * wording and a link to the official source; results with exact regions (columns in code
 * points) and the safe replacements as SARIF fixes.
 */
export function toSarif(results: FileResult[], cwd: string): sarif.Log {
  const rules: sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const ruleFor = (f: Finding): number => {
    let i = ruleIndex.get(f.ruleId);
    if (i === undefined) {
      i = rules.length;
      ruleIndex.set(f.ruleId, i);
      rules.push(describeRule(f));
    }
    return i;
  };

  const sarifResults: sarif.Result[] = [];
  const artifacts: sarif.Artifact[] = [];
  for (const r of results) {
    const uri = artifactUri(r.absPath, cwd);
    artifacts.push({ location: { uri, uriBaseId: uriBase(r.absPath, cwd) } });
    for (const f of r.findings) {
      const p = cliPosition(r, f);
      const region: sarif.Region = { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn };
      // A Word document: lines are paragraphs; the snippet says what a viewer cannot show.
      if (r.paragraphs) region.snippet = { text: excerpt(r, f) };
      const location: sarif.ArtifactLocation = { uri, uriBaseId: uriBase(r.absPath, cwd) };
      const result: sarif.Result = {
        ruleId: f.ruleId,
        ruleIndex: ruleFor(f),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: location, region } }],
        properties: { recommendation: f.check, urgency: f.urgency, quoted: f.quoted, ...(r.paragraphs ? { paragraph: p.line } : {}) },
      };
      // No replacements for a Word document: it is not a text file a viewer could patch.
      if (f.fix && !r.paragraphs) {
        const lines = r.analysis!.source.originalLines;
        const s = lines.codePointPosition(f.fix.range.start);
        const e = lines.codePointPosition(f.fix.range.end);
        result.fixes = [{
          description: { text: `Replace with “${f.fix.newText}”` },
          artifactChanges: [{
            artifactLocation: location,
            replacements: [{ deletedRegion: { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column }, insertedContent: { text: f.fix.newText } }],
          }],
        }];
      }
      sarifResults.push(result);
    }
  }

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'lanzarote-lint', version, informationUri: INFORMATION_URI, rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
      artifacts,
      columnKind: 'unicodeCodePoints',
      results: sarifResults,
    }],
  };
}

function describeRule(f: Finding): sarif.ReportingDescriptor {
  if (f.check === 'tool') {
    return {
      id: f.ruleId,
      shortDescription: { text: 'Problem in a lanzarote directive' },
      helpUri: INFORMATION_URI,
      defaultConfiguration: { level: 'warning' },
    };
  }
  const rec = f.check.startsWith('II-') ? recommendation(f.check) : undefined;
  const wording = rec ? `${rec.lead} ${rec.wording.join(' ')}` : `Article 20(1) of the Lanzarote Convention: ${f.check}`;
  return {
    id: f.ruleId,
    name: f.ruleId.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
    shortDescription: { text: rec ? `${rec.id}: ${rec.title}` : f.check },
    fullDescription: { text: wording },
    help: { text: `${wording}\nSource: ${rec ? rec.source.title : CONVENTION.title}`, markdown: `> ${wording}\n\nSource: [${rec ? rec.source.title : CONVENTION.title}](${rec ? rec.source.url : CONVENTION.url})` },
    helpUri: rec ? rec.source.url : CONVENTION.url,
    defaultConfiguration: { level: LEVEL[DEFAULT_SEVERITY[f.urgency]] },
    properties: { recommendation: f.check, urgency: f.urgency, tags: ['lanzarote', f.check] },
  };
}

function uriBase(abs: string, cwd: string): string | undefined {
  return isInside(abs, cwd) ? '%SRCROOT%' : undefined;
}

function artifactUri(abs: string, cwd: string): string {
  if (isInside(abs, cwd)) return path.relative(cwd, abs).split(path.sep).map(encodeURIComponent).join('/');
  return pathToFileURL(abs).href;
}

function isInside(abs: string, cwd: string): boolean {
  const rel = path.relative(cwd, abs);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}
