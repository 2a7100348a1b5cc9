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
 * - offence / exemption: criminalisation cues and their negative forms; offenceWeak: the mental
 *   element ("knowingly", « sciemment ») that marks an offence whose penalty sits elsewhere
 *   (a US amendment inserting "(1) knowingly produces child pornography;").
 * - childSubject / anyoneSubject / depictedRef: who benefits from an exemption, and mentions of
 *   the child depicted (which say nothing about the beneficiary).
 * - ownImages … relationship: the conditions of an exemption.
 * - lastResort / diversion / education / criminalResponsibility: prosecution and prevention.
 * - grooming / ict / meeting / noMeetingNeeded: solicitation offences.
 * - threat / threatToDisclose / extortionWord / gain*: sexual extortion (threatening to disclose a
 *   child's images, or coercing with them); complaint / exOfficio: how it is prosecuted.
 * - definition / visual / explicitConduct / simulated / sexualOrgans / sexualPurpose / nonVisual:
 *   definitions of the material and the elements of Article 20(2).
 * - noise: phrases whose words must not count for other categories ("material acts" is not
 *   material; "sexual abuse of children" is not a no-abuse condition).
 */
export const CATEGORIES = [
  'material', 'materialAnaphora', 'materialObject', 'minor', 'sexualQuality', 'preferredTerm',
  'actProduce', 'actOffer', 'actDistribute', 'actProcure', 'actPossess', 'actAccess',
  'narrowHabitual', 'narrowGain', 'narrowIntent',
  'offence', 'offenceWeak', 'exemption', 'legitimatePurpose',
  'childSubject', 'depictedRef', 'anyoneSubject',
  'ownImages', 'consentOfDepicted', 'consent', 'privateUse', 'passive', 'received', 'ageOfConsent',
  'ageDifference', 'maturity', 'noAbuse', 'thirdParty', 'share', 'relationship',
  'lastResort', 'diversion', 'education', 'criminalResponsibility',
  'grooming', 'ict', 'meeting', 'noMeetingNeeded',
  'threat', 'threatToDisclose', 'extortionWord', 'gainImages', 'gainSexual', 'gainMoney', 'gainOther',
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
};

let trie: PhraseTrie<Category> | undefined;

function compiled(): PhraseTrie<Category> {
  if (trie) return trie;
  trie = new PhraseTrie<Category>();
  for (const lexicon of [en, fr, de, es] as Record<string, unknown>[]) {
    for (const category of CATEGORIES) {
      const phrases = lexicon[category];
      if (!Array.isArray(phrases)) continue;
      for (const phrase of phrases as string[]) trie.add(phrase, category);
    }
  }
  return trie;
}

/** Every cue in `text`, in one linear pass, with shorter cues inside longer ones masked. */
export function findCues(text: string): Hit[] {
  const raw: Hit[] = [];
  compiled().scanAll(text, 0, text.length, (m) => {
    for (const category of m.payloads) raw.push({ category, start: m.start, end: m.end });
  });
  return mask(raw);
}

function mask(hits: Hit[]): Hit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const byCategory = new Map<Category, Hit[]>();
  for (const h of hits) {
    let list = byCategory.get(h.category);
    if (!list) byCategory.set(h.category, (list = []));
    list.push(h);
  }
  return hits.filter((h) => {
    if (h.category === 'noise') return false;
    for (const masker of MASKED_BY[h.category] ?? []) {
      const list = byCategory.get(masker);
      if (list && containedIn(list, h, masker === 'noise')) return false;
    }
    return true;
  });
}

/** Whether a hit of `list` (sorted by start) contains `h` and is longer (or is noise). */
function containedIn(list: Hit[], h: Hit, evenIfEqual: boolean): boolean {
  let lo = 0;
  let hi = list.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= h.start) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Cues are a few words long: the containing hit, if any, is among the last few that start before.
  for (let k = last; k >= 0 && k > last - 4; k--) {
    const o = list[k];
    if (o.end >= h.end && (evenIfEqual || o.end - o.start > h.end - h.start)) return true;
  }
  return false;
}

/** Phrases of a category in a given language (for tests and documentation). */
export function lexiconPhrases(language: 'en' | 'fr' | 'de' | 'es', category: Category): string[] {
  const lexicon = { en, fr, de, es }[language] as Record<string, unknown>;
  return (lexicon[category] as string[] | undefined) ?? [];
}
