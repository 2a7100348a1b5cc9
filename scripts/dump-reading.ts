// Debug aid: how the checklist reads one draft, unit by unit (cues, offence, exemption, quoted).
//   npx tsx scripts/dump-reading.ts <file> [--all]
import { analyseFile } from './corpus';

const file = process.argv[2];
const all = process.argv.includes('--all');
const a = analyseFile(file);
console.log(`language ${a.language}`);
for (const u of a.reading.units) {
  const flags = [
    u.csamOffence && 'CSAM', u.offence && 'off', u.material && 'mat', u.definition && 'DEF', u.grooming && 'GROOM',
    u.sexualExtortion && 'SEXTORT', u.generalExtortion && 'genExt', u.exemption && `EXEMPT(${u.exemption.beneficiary}:${[...u.exemption.conduct]}|${[...u.exemption.conditions]})`,
    u.lastResort && 'lastResort', u.diversion && 'diversion', u.education && 'edu',
  ].filter(Boolean).join(' ');
  if (!all && !flags && u.cats.size === 0) continue;
  const t = a.source.text.slice(u.unit.range.start, u.unit.range.end).replace(/\s+/g, ' ');
  console.log(`--- [${u.unit.label}] ${flags}  acts=${[...u.acts].join(',')}${u.narrowedActs.size ? ` narrowed=${[...u.narrowedActs]}` : ''}`);
  console.log(`    cats: ${[...u.cats].join(',')}`);
  console.log(`    ${t.slice(0, 300)}`);
}
for (const r of [...a.checklist.recommendations, ...a.checklist.convention]) console.log(`${r.id.padEnd(14)} ${r.status.padEnd(15)} ${r.explanation}`);
