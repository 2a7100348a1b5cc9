import type { OffsetRange } from '../text/range';
import type { LanguageCode } from '../terminology/pack';
import type { LineIndex } from '../text/lineIndex';
import { ACTS, CATEGORY_ID, findCues, type Act, type Category, type CueHits, type Hit } from './lexicon';
import { explanatoryRanges, inRanges } from './explanatory';
import { readStructure, type Provision, type Structure, type Unit } from './provisions';

/** The conditions an exemption may carry (Recommendations II-5, II-6, II-8). */
export type Condition =
  | 'ownImages' | 'consentOfDepicted' | 'consent' | 'privateUse' | 'passive' | 'ageOfConsent'
  | 'ageDifference' | 'maturity' | 'noAbuse' | 'thirdParty' | 'relationship';

const CONDITIONS: readonly Condition[] = [
  'ownImages', 'consentOfDepicted', 'consent', 'privateUse', 'passive', 'ageOfConsent',
  'ageDifference', 'maturity', 'noAbuse', 'thirdParty', 'relationship',
];

/** What one unit of the draft says, read from its cues. */
export interface UnitReading {
  unit: Unit;
  /** Categories present in the unit (and, for a few, in its provision's heading). */
  cats: ReadonlySet<Category>;
  /** Acts and narrowing conditions of the unit, with their positions. */
  hits: readonly Hit[];
  /** The unit names or describes the material, or refers back to it. */
  material: boolean;
  /** Acts of Article 20(1) it mentions, and those only mentioned with a narrowing condition. */
  acts: ReadonlySet<Act>;
  narrowedActs: ReadonlySet<Act>;
  offence: boolean;
  /** A criminal offence concerning the material (Article 20 type). */
  csamOffence: boolean;
  exemption?: ExemptionReading;
  definition: boolean;
  grooming: boolean;
  /** Threatening a child with sexual images of that child. */
  sexualExtortion: boolean;
  /** Extortion or threats in general, not tied to sexual images of children. */
  generalExtortion: boolean;
  lastResort: boolean;
  diversion: boolean;
  education: boolean;
  /** A general clause on the age of criminal responsibility. */
  criminalResponsibilityAge: boolean;
  /** Part of an explanatory memorandum, notes or preamble: read for its wording only. */
  explanatory?: boolean;
}

export interface ExemptionReading {
  /** Limited to children, or open to anyone (adults included). */
  beneficiary: 'child' | 'anyone';
  conduct: ReadonlySet<'produce' | 'possess' | 'share' | 'receive' | 'access'>;
  conditions: ReadonlySet<Condition>;
  /** A defence for police, research, proceedings: not about self-generated images. */
  legitimatePurpose: boolean;
}

export interface Reading {
  structure: Structure;
  units: UnitReading[];
  /** Units by article, to resolve "such material" and cross-references. */
  byArticle: Map<Provision, UnitReading[]>;
  /** Units by article number as cited ("227-23", "160a"), lower case. */
  byNumber: Map<string, UnitReading[]>;
  language: LanguageCode;
}

/** Heading cues that colour every unit of the provision they head ("Sexual extortion", "Grooming"). */
const HEADING_CONTEXT: readonly Category[] = ['material', 'sexualQuality', 'grooming', 'extortionWord', 'threat', 'minor', 'education', 'ict'];
const HEADING_CATEGORIES = new Set(HEADING_CONTEXT.map((c) => CATEGORY_ID.get(c)!));

/**
 * Read a draft: its provisions, its units, and what each unit does. `quoted(range)` says whether
 * a range is quoted text of another instrument, which is never evidence.
 */
export function readDraft(
  text: string,
  lines: LineIndex,
  language: LanguageCode,
  quoted: (range: OffsetRange) => boolean,
): Reading {
  const structure = readStructure(lines, language);
  const hits = findCues(text, (start, end) => quoted({ start, end }));
  const units: UnitReading[] = [];
  const byArticle = new Map<Provision, UnitReading[]>();

  const headingHits = new Map<Provision, Hit[]>();
  const headingOf = (p: Provision | undefined): Hit[] => {
    if (!p) return [];
    let list = headingHits.get(p);
    if (!list) {
      list = [];
      for (let k = hits.firstFrom(p.headingRange.start); k < hits.length && hits.start[k] < p.headingRange.end; k++) {
        if (HEADING_CATEGORIES.has(hits.category[k])) list.push(hits.hit(k));
      }
      headingHits.set(p, list);
    }
    return list;
  };
  const explanatory = explanatoryRanges(lines);
  // Sweep hits into units (both sorted by start).
  let h = 0;
  for (const unit of structure.units) {
    while (h < hits.length && hits.start[h] < unit.range.start) h++;
    let end = h;
    while (end < hits.length && hits.start[end] < unit.range.end) end++;
    if (explanatory.length && inRanges(explanatory, unit.range.start)) {
      units.push(explanatoryUnit(unit, hits, h, end));
      continue;
    }
    const context = [...headingOf(unit.article), ...headingOf(unit.article?.parent)];
    const reading = readUnit(unit, hits, h, end, context, text);
    units.push(reading);
    if (unit.article) {
      let list = byArticle.get(unit.article);
      if (!list) byArticle.set(unit.article, (list = []));
      list.push(reading);
    }
  }
  resolveAnaphora(units, byArticle, text);
  const byNumber = new Map<string, UnitReading[]>();
  for (const [article, list] of byArticle) {
    const key = article.num.toLowerCase();
    byNumber.set(key, [...(byNumber.get(key) ?? []), ...list]);
  }
  return { structure, units, byArticle, byNumber, language };
}

const EMBEDDED_DEFINITION = /(?:pornograph\w*|abuse material|exploitation material|content|matériel)\s*["”»]?\s*(?:means|shall mean|is content|is material|is any|désigne|s'entend)\b/iu;

/** How far (in characters) a threat and the disclosure it names may stand apart. */
const THREAT_REACH = 120;

const GLOSSARY_ENTRY = /^\s*["”»“]?\s*[:—–]\s*(?:any|every|all|toute?s?|tous|jede[rs]?|alle|tod[oa]s?|cualquier)\b/iu;

const NUMBER_WORD = /\b(?:\d{1,2}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|dix|onze|douze|treize|quatorze|quinze|seize|zehn|zwölf|vierzehn)\b/iu;

const ACT_OR_NARROWING = new Set<Category>([...ACTS, 'narrowHabitual', 'narrowGain', 'narrowIntent']);

function readUnit(unit: Unit, hits: CueHits, from: number, to: number, context: Hit[], text: string): UnitReading {
  const cats = new Set<Category>();
  // Only acts and narrowing conditions are needed with their positions.
  const own: Hit[] = [];
  let glossary = false;
  let lastThreat = -1;
  let lastDisclosure = -1;
  let threatToDisclose = false;
  for (let k = from; k < to; k++) {
    const c = hits.categoryOf(k);
    cats.add(c);
    if (ACT_OR_NARROWING.has(c)) own.push(hits.hit(k));
    // A threat and the disclosure it threatens, in either order within one clause: "threatens
    // the child with the publication of …", „mit der Veröffentlichung … bedroht“.
    if (c === 'threat' || c === 'disclosure') {
      const other = c === 'threat' ? lastDisclosure : lastThreat;
      if (!threatToDisclose && other >= 0 && hits.start[k] - hits.end[other] <= THREAT_REACH && !/[.;]/.test(text.slice(hits.end[other], hits.start[k]))) threatToDisclose = true;
      if (c === 'threat') lastThreat = k;
      else lastDisclosure = k;
    }
    // A glossary entry: « Pornographie enfantine : toute donnée … », "Child abuse material — any …".
    if (c === 'material' && !glossary) glossary = GLOSSARY_ENTRY.test(text.slice(hits.end[k], hits.end[k] + 24));
  }
  const has = (c: Category) => cats.has(c);
  const contextCats = new Set(context.map((x) => x.category));

  const sexualImages = has('material') || (has('materialObject') && (has('sexualQuality') || contextCats.has('sexualQuality')));
  const describedMaterial = has('materialObject') && (has('minor') || contextCats.has('minor')) && (has('sexualQuality') || contextCats.has('sexualQuality'));
  const material = has('material') || describedMaterial;

  // Which acts, and which only with a narrowing condition ("habitually", "for gain", "with intent
  // to distribute"). A condition set off by commas before the verbs (", en vue d'en faire commerce,
  // fabriqué ou produit") narrows the act after it; otherwise it narrows the act just before it
  // ("possesses … with intent to distribute", "consulter habituellement"). The whole act is then
  // narrowed in this unit, however many verbs name it.
  const actHits = own.filter((x) => (ACTS as readonly string[]).includes(x.category));
  const acts = new Set<Act>(actHits.map((x) => x.category as Act));
  const narrowedActs = new Set<Act>();
  for (const n of own) {
    if (n.category !== 'narrowHabitual' && n.category !== 'narrowGain' && n.category !== 'narrowIntent') continue;
    const lead = text.slice(Math.max(unit.range.start, n.start - 12), n.start);
    // Fronted: ", for gain, offers …" or "(b) for gain or reward, offers, distributes …": it
    // narrows every act of its clause, up to the next semicolon or full stop.
    const adjacentAct = actHits.some((a) => a.end <= n.start && /^[\s,]*$/.test(text.slice(a.end, n.start)));
    const fronted = !adjacentAct && /(?:,|^|\(\w{1,4}\)|\bwho|—|–)\s*$/u.test(lead) && /^[^,.;]{0,40},/.test(text.slice(n.end, n.end + 42));
    if (fronted) {
      const clauseEnd = n.end + Math.max(0, text.slice(n.end, unit.range.end).search(/[;.]|$/));
      for (const a of actHits) if (a.start >= n.end && a.start < clauseEnd) narrowedActs.add(a.category as Act);
      continue;
    }
    // Otherwise it narrows the act just before it in the same clause ("possesses … with intent to
    // distribute", "consulter habituellement"), or else the one after it.
    const before = actHits.filter((a) => a.end <= n.start && n.start - a.end < 120 && !/[;]/.test(text.slice(a.end, n.start))).pop();
    const chosen = before ?? actHits.find((a) => a.start >= n.end);
    if (chosen) narrowedActs.add(chosen.category as Act);
  }

  const offence = has('offence');
  const lastResort = has('lastResort');
  const isExemption = has('exemption') && !lastResort;
  const grooming = has('grooming') || contextCats.has('grooming');
  const minor = has('minor') || contextCats.has('minor');

  const groomingOffence = grooming && minor && (offence || contextCats.has('grooming')) && !isExemption && (has('grooming') || has('ict') || has('meeting'));
  // Sexual extortion is coercion *with the images*: threatening to disclose them, or coercing "by
  // means of" them. Forcing a child into producing material is another offence (Article 21).
  const withImages = has('threatToDisclose') || threatToDisclose || (has('threat') && has('ownImages'));
  const sexualExtortion = withImages && minor && sexualImages && offence && !isExemption;
  const generalExtortion = !sexualExtortion && offence && !isExemption &&
    (has('extortionWord') || (has('threat') && (has('gainMoney') || has('gainOther') || has('threatToDisclose') || threatToDisclose)));
  // A definition stands on its own, or inside an offence in the German style:
  // "child pornographic content is content which …".
  const definition = ((has('definition') && has('material')) || glossary) && !isExemption &&
    (!offence || EMBEDDED_DEFINITION.test(text.slice(unit.range.start, unit.range.end)));
  // A grooming offence that lists several acts on the material (India's s. 67B) is also a CSAM
  // offence; one that only solicits images is not.
  const csamOffence = (offence || has('offenceWeak')) && material && acts.size > 0 && !isExemption && (!groomingOffence || acts.size >= 3) && !sexualExtortion;

  let exemption: ExemptionReading | undefined;
  if (isExemption) {
    const conduct = new Set<'produce' | 'possess' | 'share' | 'receive' | 'access'>();
    if (has('actProduce')) conduct.add('produce');
    if (has('actPossess')) conduct.add('possess');
    if (has('share') || has('actDistribute') || has('actOffer')) conduct.add('share');
    if (has('received') || has('passive')) conduct.add('receive');
    if (has('actAccess') || has('actProcure')) conduct.add('access');
    const conditions = new Set<Condition>(CONDITIONS.filter((c) => has(c)));
    if (conditions.has('consentOfDepicted')) conditions.add('consent');
    // Without a child as the subject, an exemption is open to whoever the offence applies to.
    const beneficiary = has('childSubject') ? 'child' : 'anyone';
    exemption = { beneficiary, conduct, conditions, legitimatePurpose: has('legitimatePurpose') };
  }

  return {
    unit,
    cats,
    hits: own,
    material,
    acts,
    narrowedActs,
    offence,
    csamOffence,
    exemption,
    definition,
    grooming: groomingOffence,
    sexualExtortion,
    generalExtortion,
    lastResort: lastResort && (minor || has('exemption')),
    diversion: has('diversion') && minor && !offence,
    education: (has('education') || contextCats.has('education')) && !offence && !isExemption && !lastResort && !has('diversion') && (minor || contextCats.has('minor') || has('ict')),
    criminalResponsibilityAge: has('criminalResponsibility') && minor && !material && NUMBER_WORD.test(text.slice(unit.range.start, unit.range.end)),
  };
}

/** Explanatory wording: its names for the material count for II-1; it enacts nothing. */
const WORDING_ONLY = new Set<Category>(['material', 'preferredTerm']);

function explanatoryUnit(unit: Unit, hits: CueHits, from: number, to: number): UnitReading {
  const cats = new Set<Category>();
  for (let k = from; k < to; k++) {
    const c = hits.categoryOf(k);
    if (WORDING_ONLY.has(c)) cats.add(c);
  }
  return {
    unit, cats, hits: [], material: false, acts: new Set(), narrowedActs: new Set(), offence: false, csamOffence: false,
    definition: false, grooming: false, sexualExtortion: false, generalExtortion: false, lastResort: false, diversion: false,
    education: false, criminalResponsibilityAge: false, explanatory: true,
  };
}

/**
 * "Le fait d'offrir … une telle image", "possession of such material": a unit that refers back
 * to the material concerns it when its provision names the material elsewhere.
 */
function resolveAnaphora(units: UnitReading[], byArticle: Map<Provision, UnitReading[]>, text: string): void {
  const named = new Set<Provision>();
  for (const [article, list] of byArticle) if (list.some((u) => u.material)) named.add(article);
  const byNumber = new Map<string, Provision>();
  for (const article of byArticle.keys()) byNumber.set(article.num.toLowerCase(), article);
  const promote = (u: UnitReading) => {
    const mutable = u as { material: boolean; csamOffence: boolean };
    mutable.material = true;
    mutable.csamOffence = (u.offence || u.cats.has('offenceWeak')) && u.acts.size > 0 && !u.exemption && !u.grooming && !u.sexualExtortion;
  };
  for (const u of units) {
    if (u.material) continue;
    // "possession of such material" in a provision that names it.
    if (u.cats.has('materialAnaphora') && u.unit.article && named.has(u.unit.article)) {
      promote(u);
      continue;
    }
    // "… des objets visés à l'article 383bis", "material referred to in section 160": the
    // material named in the provision referred to.
    if (u.cats.has('materialObject') || u.cats.has('materialAnaphora')) {
      const refs = articleReferences(text.slice(u.unit.range.start, u.unit.range.end));
      if (refs.some((n) => named.has(byNumber.get(n)!))) promote(u);
    }
  }
}

const ARTICLE_REFERENCE = /\b(?:articles?|sections?|ss?\.|§§?|art\.|arts\.|artikel)\s*((?:L\.\s*)?\d+[\w/-]*)/giu;

/** Article numbers a unit refers to ("article 383bis" → "383bis"). */
export function articleReferences(text: string): string[] {
  const out: string[] = [];
  ARTICLE_REFERENCE.lastIndex = 0;
  for (let m = ARTICLE_REFERENCE.exec(text); m; m = ARTICLE_REFERENCE.exec(text)) out.push(m[1].replace(/^L\.\s*/, '').replace(/\(.*$/, '').toLowerCase());
  return out;
}
