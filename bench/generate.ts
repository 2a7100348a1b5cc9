// Deterministic legislation-like drafts for the benchmark: numbered articles and paragraphs,
// offences and exemptions in drafting language, quotations of other instruments, and a
// deprecated term about every 2 KiB.
//   tsx bench/generate.ts <bytes> <file> [seed]
import { writeFileSync } from 'node:fs';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TERMS = ['child pornography', 'Child Pornography', 'child-pornography', 'kiddy porn', 'child prostitution', 'sextortion'];
const PROSE = [
  'The Minister shall lay before Parliament an annual report on the operation of this Part, including the number of investigations opened, prosecutions brought and convictions obtained.',
  'A court that convicts a person of an offence under this Part may make an order for the forfeiture of any device used in connection with the offence.',
  'Nothing in this section affects the powers of a constable under any other enactment or rule of law relating to the search of premises or the seizure of property.',
  'The Secretary of State may by regulations make provision about the retention, disclosure and destruction of evidence obtained under this section.',
  'Where an offence under this Part committed by a body corporate is proved to have been committed with the consent or connivance of an officer, the officer also commits the offence.',
  'Proceedings for an offence under this Part may be brought at any time within three years after the commission of the offence.',
];
const OFFENCES = [
  'A person who produces, offers, makes available, distributes or transmits child sexual abuse material commits an offence and is liable on conviction on indictment to imprisonment for a term not exceeding 10 years.',
  'A person who possesses child sexual abuse material, or who knowingly obtains access to it by means of information and communication technologies, commits an offence.',
  'A person aged 18 or over who, by means of electronic communications, solicits a child for sexual purposes commits an offence, whether or not a meeting is proposed or takes place.',
];
const EXEMPTIONS = [
  'No offence is committed under this section by a child who possesses an image of himself or herself kept solely for his or her own private use.',
  'A child shall not be prosecuted for sharing his or her own self-generated images with another child where the sharing is voluntary, consensual and intended solely for their private use.',
];
const QUOTES = [
  'In section 1 of the 1978 Act, for "indecent photograph" substitute "child sexual abuse material".',
  'This Part gives effect to Directive 2011/93/EU of the European Parliament and of the Council on combating the sexual abuse and sexual exploitation of children and child pornography.',
];

export function generate(bytes: number, seed = 42): string {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const out: string[] = [];
  let size = 0;
  let sinceTerm = 0;
  let article = 1;
  while (size < bytes) {
    const paras: string[] = [`Article ${article} – ${pick(['Offences', 'Exemptions', 'Procedure', 'Reports', 'Interpretation'])}`];
    const count = 2 + Math.floor(rand() * 4);
    for (let p = 1; p <= count; p++) {
      let body = pick([...PROSE, ...PROSE, ...OFFENCES, ...EXEMPTIONS, ...QUOTES]);
      if (sinceTerm > 2048) {
        body = body.replace('child sexual abuse material', pick(TERMS));
        if (!body.includes(TERMS[0]) && !TERMS.some((t) => body.includes(t))) body += ` The former wording "${pick(TERMS)}" is repealed.`;
        sinceTerm = 0;
      }
      paras.push(`(${p}) ${body}`);
    }
    const block = paras.join('\n') + '\n\n';
    out.push(block);
    size += Buffer.byteLength(block);
    sinceTerm += Buffer.byteLength(block);
    article++;
  }
  return out.join('');
}

if (require.main === module) {
  const [bytes, file, seed] = process.argv.slice(2);
  writeFileSync(file, generate(Number(bytes), Number(seed ?? 42)));
}
