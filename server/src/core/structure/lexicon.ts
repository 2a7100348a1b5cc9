import en from '../data/lexicon/en.json';
import fr from '../data/lexicon/fr.json';
import de from '../data/lexicon/de.json';
import es from '../data/lexicon/es.json';
import { PhraseTrie } from '../text/phraseTrie';

/**
 * Categories of drafting cues. The phrases for each live in data/lexicon/<language>.json.
 *
 * - material / materialAnaphora / preferredTerm: names of the material ("child pornography",
 *   « représentation pornographique d'un mineur »), references back to it ("such material") and
 *   the wording the Committee prefers.
 * - materialObject + minor + sexualQuality: the parts of a description of the material
 *   ("the image or representation of a minor … of a pornographic character").
 * - act*: the six acts of Article 20(1); narrow*: conditions that narrow an offence.
 * - offence / exemption: criminalisation cues and their negative forms; negatedSubject + liability:
 *   the other negative form, where the negation sits on the subject ("No person who … shall be
 *   convicted", "Nothing in section 4 applies to", « Aucun mineur ne peut être poursuivi »); offenceWeak: the mental
 *   element ("knowingly", « sciemment ») that marks an offence whose penalty sits elsewhere
 *   (a US amendment inserting "(1) knowingly produces child pornography;").
 * - childSubject / anyoneSubject / depictedRef: who benefits from an exemption, and mentions of
 *   the child depicted (which say nothing about the beneficiary).
 * - ownImages … relationship: the conditions of an exemption.
 * - lastResort / diversion / education / criminalResponsibility: prosecution and prevention.
 * - grooming / ict / meeting / noMeetingNeeded: solicitation offences.
 * - threat / threatToDisclose / extortionWord / gain*: sexual extortion (threatening to disclose a
 *   child's images, or coercing with them); disclosure: making images public or passing them on,
 *   which near a threat ("threatens … with the publication of", « menace … de diffuser », „mit
 *   der Veröffentlichung … bedroht“) is a threat to disclose; complaint / exOfficio: how it is
 *   prosecuted.
 * - definition / visual / explicitConduct / simulated / sexualOrgans / sexualPurpose / nonVisual:
 *   definitions of the material and the elements of Article 20(2).
 * - noise: phrases whose words must not count for other categories ("material acts" is not
 *   material; "sexual abuse of children" is not a no-abuse condition).
 */
export const CATEGORIES = [
  'material', 'materialAnaphora', 'materialObject', 'minor', 'sexualQuality', 'preferredTerm',
  'actProduce', 'actOffer', 'actDistribute', 'actProcure', 'actPossess', 'actAccess',
  'narrowHabitual', 'narrowGain', 'narrowIntent',
  'offence', 'offenceWeak', 'exemption', 'legitimatePurpose', 'negatedSubject', 'liability',
  'childSubject', 'depictedRef', 'anyoneSubject',
  'ownImages', 'consentOfDepicted', 'consent', 'privateUse', 'passive', 'received', 'ageOfConsent',
  'ageDifference', 'maturity', 'noAbuse', 'thirdParty', 'share', 'relationship',
  'lastResort', 'diversion', 'education', 'criminalResponsibility',
  'grooming', 'ict', 'meeting', 'noMeetingNeeded',
  'threat', 'threatToDisclose', 'disclosure', 'extortionWord', 'gainImages', 'gainSexual', 'gainMoney', 'gainOther',
  'complaint', 'exOfficio',
  'definition', 'visual', 'explicitConduct', 'simulated', 'sexualOrgans', 'sexualPurpose', 'nonVisual',
  'noise',
] as const;

export type Category = (typeof CATEGORIES)[number];

export const ACTS = ['actProduce', 'actOffer', 'actDistribute', 'actProcure', 'actPossess', 'actAccess'] as const;
export type Act = (typeof ACTS)[number];

export interface Hit {
  category: Category;
  start: number;
  end: number;
}

/**
 * Where a hit of one category is inside a longer hit of another, the shorter one is not meant:
 * "makes available" is offering, not making; "obtains access" is access, not procuring;
 * "a person who is under 18" is a child, not anyone; "child sexual abuse material" is not abuse.
 */
const MASKED_BY: Partial<Record<Category, Category[]>> = {
  actProduce: ['actOffer', 'actAccess', 'actDistribute', 'noise'],
  actProcure: ['actAccess', 'actOffer'],
  actAccess: ['actOffer'],
  actOffer: ['noise'],
  actDistribute: ['actOffer', 'passive', 'narrowIntent'],
  actPossess: ['received', 'ageOfConsent'],
  share: ['passive'],
  anyoneSubject: ['childSubject', 'depictedRef'],
  childSubject: ['depictedRef'],
  noAbuse: ['material', 'preferredTerm', 'noise', 'gainOther'],
  materialObject: ['noise', 'material', 'preferredTerm'],
  minor: ['noise'],
  sexualQuality: ['noise'],
  consent: ['consentOfDepicted', 'ageOfConsent'],
  ownImages: ['noise'],
  meeting: ['noMeetingNeeded'],
  definition: ['offence'],
  complaint: ['exOfficio'],
  offence: ['exemption'],
  visual: ['material', 'preferredTerm'],
  explicitConduct: ['noise'],
  nonVisual: ['noise'],
  // "literary, artistic or educational merit" is a test of the material, not a measure for children.
  education: ['noise'],
};

let trie: PhraseTrie<number> | undefined;

/** Category ids: the index in CATEGORIES. */
export const CATEGORY_ID = new Map<Category, number>(CATEGORIES.map((c, i) => [c, i]));
const NOISE = CATEGORY_ID.get('noise')!;

function compiled(): PhraseTrie<number> {
  if (trie) return trie;
  trie = new PhraseTrie<number>();
  for (const lexicon of [en, fr, de, es] as Record<string, unknown>[]) {
    for (const category of CATEGORIES) {
      const phrases = lexicon[category];
      if (!Array.isArray(phrases)) continue;
      for (const phrase of phrases as string[]) trie.add(phrase, CATEGORY_ID.get(category)!);
    }
  }
  return trie;
}

/**
 * The cues of a text, in compact form: parallel arrays sorted by start (a long draft has hundreds
 * of thousands of cues; objects for each would dominate time and memory).
 */
export class CueHits {
  constructor(
    readonly start: Int32Array,
    readonly end: Int32Array,
    readonly category: Uint8Array,
    readonly length: number,
  ) {}

  categoryOf(i: number): Category {
    return CATEGORIES[this.category[i]];
  }

  /** Index of the first hit starting at or after `offset`. */
  firstFrom(offset: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.start[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  hit(i: number): Hit {
    return { category: this.categoryOf(i), start: this.start[i], end: this.end[i] };
  }
}

/**
 * Every cue in `text`, in one linear pass, with shorter cues inside longer ones masked and
 * the hits `drop` rejects (quoted text) left out.
 */
export function findCues(text: string, drop: (start: number, end: number) => boolean = () => false): CueHits {
  const trie = compiled();
  let cap = 1024;
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let cats = new Uint8Array(cap);
  let n = 0;
  trie.scanAllIds(text, (start, end, payload) => {
    if (n === cap) {
      cap *= 2;
      starts = grow(starts, cap);
      ends = grow(ends, cap);
      const c2 = new Uint8Array(cap);
      c2.set(cats);
      cats = c2;
    }
    starts[n] = start;
    ends[n] = end;
    cats[n] = trie.payload(payload);
    n++;
  });
  return mask(starts, ends, cats, n, drop);
}

function grow(a: Int32Array<ArrayBuffer>, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

const MASKERS: number[][] = CATEGORIES.map((c) => (MASKED_BY[c] ?? []).map((m) => CATEGORY_ID.get(m)!));

function mask(starts: Int32Array, ends: Int32Array, cats: Uint8Array, n: number, drop: (start: number, end: number) => boolean): CueHits {
  // Matches come in order of start (word by word); per category, keep the indices in that order.
  const counts = new Int32Array(CATEGORIES.length + 1);
  for (let i = 0; i < n; i++) counts[cats[i] + 1]++;
  for (let c = 0; c < CATEGORIES.length; c++) counts[c + 1] += counts[c];
  const byCategory = new Int32Array(n);
  const fill = counts.slice(0, CATEGORIES.length);
  for (let i = 0; i < n; i++) byCategory[fill[cats[i]]++] = i;

  const keep = new Uint8Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const c = cats[i];
    if (c === NOISE) continue;
    let masked = false;
    for (const m of MASKERS[c]) {
      if (containedIn(byCategory, counts[m], counts[m + 1], starts, ends, i, m === NOISE)) {
        masked = true;
        break;
      }
    }
    if (!masked && !drop(starts[i], ends[i])) {
      keep[i] = 1;
      kept++;
    }
  }
  const outStart = new Int32Array(kept);
  const outEnd = new Int32Array(kept);
  const outCat = new Uint8Array(kept);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    outStart[k] = starts[i];
    outEnd[k] = ends[i];
    outCat[k] = cats[i];
    k++;
  }
  return new CueHits(outStart, outEnd, outCat, kept);
}

/** Whether a hit of one category (indices byCategory[from..to), in start order) contains hit `h` and is longer (or is noise). */
function containedIn(byCategory: Int32Array, from: number, to: number, starts: Int32Array, ends: Int32Array, h: number, evenIfEqual: boolean): boolean {
  const hs = starts[h];
  const he = ends[h];
  let lo = from;
  let hi = to - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[byCategory[mid]] <= hs) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Cues are a few words long: the containing hit, if any, is among the last few that start before.
  for (let k = last; k >= from && k > last - 4; k--) {
    const o = byCategory[k];
    if (ends[o] >= he && (evenIfEqual || ends[o] - starts[o] > he - hs)) return true;
  }
  return false;
}

/** Phrases of a category in a given language (for tests and documentation). */
export function lexiconPhrases(language: 'en' | 'fr' | 'de' | 'es', category: Category): string[] {
  const lexicon = { en, fr, de, es }[language] as Record<string, unknown>;
  return (lexicon[category] as string[] | undefined) ?? [];
}
