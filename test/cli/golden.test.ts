import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { fixed, lint } from '../helpers/analyse';

// Golden drafts: each test/fixtures/terminology/<name>.<ext> has <name>.findings.txt (one line per
// finding: line:column severity quoted? ruleId "text") and <name>.fixed.<ext> (the --fix output).
// Regenerate after an intended change with: UPDATE_GOLDEN=1 npm test -- golden
const DIR = path.join(__dirname, '..', 'fixtures', 'terminology');
const update = !!process.env.UPDATE_GOLDEN;

describe('golden drafts', () => {
  for (const name of readdirSync(DIR).filter((f) => !/\.(findings|fixed)\./.test(f) && !f.endsWith('.txt.findings') && !/\.findings\.txt$/.test(f)).sort()) {
    test(name, () => {
      const text = readFileSync(path.join(DIR, name), 'utf8');
      const a = lint(text, { name });
      // Terminology goldens: the checklist has its own tests and corpus.
      const lines = a.findings.filter((f) => f.term).map((f) => {
        const p = a.source.originalLines.codePointPosition(f.range.start);
        const flaggedText = text.slice(f.range.start, f.range.end).replace(/\r?\n|\r/g, '⏎');
        return `${p.line}:${p.column} ${f.severity}${f.quoted ? ' quoted' : ''} ${f.ruleId} "${flaggedText}"${f.fix ? ` → "${f.fix.newText}"` : ''}`;
      });
      const ext = path.extname(name);
      const findingsFile = path.join(DIR, `${path.basename(name, ext)}.findings.txt`);
      const fixedFile = path.join(DIR, `${path.basename(name, ext)}.fixed${ext}`);
      const out = fixed(text, { name });
      if (update || !existsSync(findingsFile)) writeFileSync(findingsFile, lines.join('\n') + '\n');
      if (update || !existsSync(fixedFile)) writeFileSync(fixedFile, out);
      assert.deepEqual(lines, readFileSync(findingsFile, 'utf8').trimEnd().split('\n').filter(Boolean));
      assert.equal(out, readFileSync(fixedFile, 'utf8'));
    });
  }
});
