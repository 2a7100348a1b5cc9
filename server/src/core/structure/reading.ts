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
  /**
   * Where the exemption lists alternatives ("(a) …; or (b) …", "1. … oder 2. …"), the conditions
   * of each alternative (the common ones included): each is a way into the exemption, so each is
   * judged on its own. Absent when there is only one way.
   */
  alternatives?: ReadonlySet<Condition>[];
  /** It cites offences that are not in the draft (the Act being amended): their conduct is unknown. */
  citesElsewhere?: boolean;
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
  completeExemptions(units, byNumber, text);
  // Education is a measure the draft's provisions take: a title « relatif à la prévention et à la
  // répression … » before them is none. (A draft read without provisions has only paragraphs.)
  if (structure.provisions.length) for (const u of units) if (u.education && !u.unit.provision) (u as Mutable<UnitReading>).education = false;
  return { structure, units, byArticle, byNumber, language };
}

// „kinderpornographisch ist ein pornographischer Inhalt …, wenn er zum Gegenstand hat:“: German
// codes define the material inside the offence that first names it.
const EMBEDDED_DEFINITION = /(?:pornograph\w*|abuse material|exploitation material|content|matériel)\s*["”»]?\s*(?:means|shall mean|is content|is material|is any|désigne|s'entend|ist (?:ein|eine|jeder|jede|jedes)|sind (?:alle|solche))\b/iu;

const EXTENSION_CLAUSE = /^\s*(?:\(\w{1,4}\)\s*|\d{1,3}\.\s*)?(?:(?:In this (?:section|Act|Part|Chapter|subsection)|Au sens du présent (?:article|chapitre|code))[^,.;]{0,40},\s*)?(?:any\s+|a\s+|toute\s+|la\s+|les\s+)?(?:references?\s+(?:in\s+[^.;]{1,60}?\s+)?to|références?\s+à)\s[^.;:—–]{1,120}?\s(?:includes?|shall include|is to be read as including|comprend|comprennent|inclut|incluent|s'entend également|s'entendent également|vise également|visent également)(?![\p{L}])/iu;

/** The material's name, then the verb that defines it: « … sur enfant s'entend de », "… material means". */
const DEFINING_VERB = /^\s*["”»’]?\s*(?:means|shall mean|désigne|désignent|s'entend|s’entend|bedeutet|bezeichnet|ist (?:ein|eine|jeder|jede|jedes)\b|se entiende|significa)/iu;

/** A name of an act rather than a verb: "distribution", « diffusion », „Verbreitung“, « difusión ». */
const NOMINAL = /(?:ion|ions|ung|ungen|ión|iones)$/iu;

/** How far (in characters) a threat and the disclosure it names may stand apart. */
const THREAT_REACH = 120;

// "(4) Pornographic depictions of minors are\n1. realistic visual depictions of …": a name, then
// "are" and the enumeration of what it covers.
const LIST_DEFINITION = /^\s*(?:\(\w{1,4}\)\s*)?\p{Lu}[^.;:\n]{2,100}?\s(?:is|are|sont|est|son|es|sind|ist)\s*[:—–]?\s*(?:\r?\n\s*)?(?:\d{1,2}[.)°]|\([a-z1-9]\)|[a-z]\)|\(i\)|[–—•-])\s/u;

const DEFINITIONS_LEAD = /^\s*(?:\(\w{1,4}\)\s*|\d{1,3}\.\s*)?(?:In this (?:Act|Law|Part|Chapter|section|Division|Code|Ordinance|Directive|Regulation|Convention|Decree|Title|Schedule|Article)|For the purposes? of this (?:Act|Law|Part|Chapter|section|Division|Code|Ordinance|Directive|Regulation|Convention|Decree|Title|Schedule|Article)|Au sens (?:du|de la|des) présente?s?|Pour l'application (?:du|de la|des) présente?s?|Aux fins (?:du|de la|des) présente?s?|Im Sinne (?:dieses|dieser|des)|A (?:los )?efectos de (?:esta|este|la presente|el presente)|Para (?:los )?efectos de (?:esta|este|la presente|el presente))[^.;]{0,80}?(?:[:—–]|\bmeans\b|on entend|désigne|\bsind\b|se entiende)/iu;

const GLOSSARY_ENTRY = /^\s*["”»“]?\s*[:—–]\s*(?:any|every|all|toute?s?|tous|jede[rs]?|alle|tod[oa]s?|cualquier)\b/iu;

const NUMBER_WORD = /\b(?:\d{1,2}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|dix|onze|douze|treize|quatorze|quinze|seize|zehn|zwölf|vierzehn)\b/iu;

const ELEMENT_POINT = /^\s*(?:and|et|und|y)\s+\([a-z]{1,3}\)\s+(?:the|that)\s+(?:person|defendant|accused|offender)\b|^\s*(?:and|et)\s+[a-z]\)\s+(?:la personne|l'auteur)\b/iu;
const NARROWING = new Set<Category>(['narrowHabitual', 'narrowGain', 'narrowIntent']);
const ACT_OR_NARROWING = new Set<Category>([...ACTS, 'narrowHabitual', 'narrowGain', 'narrowIntent']);

function readUnit(unit: Unit, hits: CueHits, from: number, to: number, context: Hit[], text: string): UnitReading {
  const cats = new Set<Category>();
  // Only acts and narrowing conditions are needed with their positions.
  const own: Hit[] = [];
  let glossary = false;
  let lastThreat = -1;
  let lastDisclosure = -1;
  let threatToDisclose = false;
  const negation: Hit[] = [];
  const conditionHits: Hit[] = [];
  const shareHits: Hit[] = [];
  const childHits: Hit[] = [];
  let firstExemption = -1;
  const offenceEnds: number[] = [];
  const solicitEnds: number[] = [];
  const materialEnds: number[] = [];
  const materialStarts: number[] = [];
  for (let k = from; k < to; k++) {
    const c = hits.categoryOf(k);
    cats.add(c);
    if (ACT_OR_NARROWING.has(c)) own.push(hits.hit(k));
    else if (c === 'negatedSubject' || c === 'liability') negation.push(hits.hit(k));
    else if (CONDITION_SET.has(c) || c === 'legitimatePurpose') conditionHits.push(hits.hit(k));
    else if (c === 'share') shareHits.push(hits.hit(k));
    else if (c === 'childSubject') childHits.push(hits.hit(k));
    else if (c === 'exemption' && firstExemption < 0) firstExemption = hits.start[k];
    else if (c === 'offence') offenceEnds.push(hits.end[k]);
    else if (c === 'grooming' && SOLICIT_VERB.test(text.slice(hits.start[k], hits.end[k]))) solicitEnds.push(hits.end[k]);
    if (c === 'material' || c === 'materialObject') materialStarts.push(hits.start[k]);
    if (c === 'material') materialEnds.push(hits.end[k]);
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
    // After a conjunction it opens the next verbs ("herstellt oder zum Zweck der Verbreitung
    // einführt, befördert", "makes, or for the purpose of sale imports, …"): it narrows those, not
    // the verb before the conjunction.
    // (Not one condition joined to another: « habituellement ou en contrepartie d'un paiement ».)
    const afterConjunction = !adjacentAct && /(?<![\p{L}])(?:or|and|ou|et|oder|und|o|y)\s+$/u.test(lead) &&
      !own.some((x) => x !== n && NARROWING.has(x.category) && x.end <= n.start && n.start - x.end <= 8);
    const fronted = afterConjunction || (!adjacentAct && /(?:,|^|\(\w{1,4}\)|\bwho|—|–)\s*$/u.test(lead) && /^[^,.;]{0,40},/.test(text.slice(n.end, n.end + 42)));
    const clauseEnd = n.end + Math.max(0, text.slice(n.end, unit.range.end).search(/[;.]|$/));
    const inClause = fronted ? actHits.filter((a) => a.start >= n.end && a.start < clauseEnd) : [];
    // Set off by commas but with no verb after it ("… possessed by him, with an intention to
    // share it, shall be liable"), the condition narrows the act before it.
    if (inClause.length) {
      // "for purposes of sale, hire, distribution, public exhibition or circulation, makes …":
      // the nouns listing the purposes are no conduct; the narrowed acts are the verbs after them.
      const firstVerb = inClause.findIndex((a) => !NOMINAL.test(text.slice(a.start, a.end)));
      for (const a of firstVerb < 0 ? inClause : inClause.slice(firstVerb)) narrowedActs.add(a.category as Act);
      continue;
    }
    // Opening verbs that are none of the six acts (import, transport, export): it narrows nothing here.
    if (afterConjunction) continue;
    // An element of its own in a list of elements ("A person commits an offence if: (a) the person
    // possesses … or produces … material; and (b) …; and (c) the person has that possession, or
    // engages in that production, with the intention that …"): it narrows every act of the offence.
    const clauseStart = Math.max(unit.range.start, n.start - 240);
    const lead2 = text.slice(clauseStart, n.start);
    const lastBreak = Math.max(lead2.lastIndexOf(';'), lead2.lastIndexOf(':'));
    if (lastBreak >= 0 && ELEMENT_POINT.test(lead2.slice(lastBreak + 1))) {
      for (const a of actHits) if (a.end <= n.start) narrowedActs.add(a.category as Act);
      continue;
    }
    // Otherwise it narrows the act just before it in the same clause ("possesses … with intent to
    // distribute", "consulter habituellement"), or else the one after it.
    const before = actHits.filter((a) => a.end <= n.start && n.start - a.end < 120 && !/[;]/.test(text.slice(a.end, n.start))).pop();
    const chosen = before ?? actHits.find((a) => a.start >= n.end);
    if (chosen) narrowedActs.add(chosen.category as Act);
  }

  // A glossary ("In this Act —", « Au sens du présent chapitre, on entend par : ») defines; the
  // words "is punishable" inside one of its definitions make no offence.
  const glossaryLead = has('definition') && DEFINITIONS_LEAD.test(text.slice(unit.range.start, Math.min(unit.range.end, unit.range.start + 160)));
  const offence = has('offence') && !glossaryLead;
  const lastResort = has('lastResort');
  const isExemption = (has('exemption') || negatedSubjectExemption(negation, actHits, text)) && !lastResort;
  const grooming = has('grooming') || contextCats.has('grooming');
  // "A child who …", "any individual who has not attained the age of 18": a beneficiary's words name a child too.
  const minor = has('minor') || has('childSubject') || contextCats.has('minor');

  const groomingOffence = grooming && minor && (offence || contextCats.has('grooming')) && !isExemption && (has('grooming') || has('ict') || has('meeting'));
  // "solicits from a child the transmission of images … of that child", « solliciter auprès d'un
  // mineur la diffusion … d'images … à caractère pornographique dudit mineur »: what is solicited
  // is the material, so the offence procures it. The acts named between the solicitation and the
  // material are the child's (sending, transmitting), not the offender's.
  const solicited = material && groomingOffence && !has('meeting') ? solicitedMaterial(solicitEnds, materialStarts, text) : undefined;
  if (solicited) {
    acts.clear();
    for (const a of actHits) if (a.end <= solicited.start || a.start >= solicited.end) acts.add(a.category as Act);
    acts.add('actProcure');
  }
  // Sexual extortion is coercion *with the images*: threatening to disclose them, or coercing "by
  // means of" them. Forcing a child into producing material is another offence (Article 21).
  const withImages = has('threatToDisclose') || threatToDisclose || (has('threat') && has('ownImages'));
  const sexualExtortion = withImages && minor && sexualImages && offence && !isExemption;
  const generalExtortion = !sexualExtortion && offence && !isExemption &&
    // The provision's title may name it ("Art. 156 — Extorsion et chantage", "Blackmail").
    (has('extortionWord') || (contextCats.has('extortionWord') && has('threat')) ||
      (has('threat') && (has('gainMoney') || has('gainOther') || has('threatToDisclose') || threatToDisclose)));
  // A definition stands on its own, or inside an offence in the German style:
  // "child pornographic content is content which …".
  const embedded = material && (EMBEDDED_DEFINITION.test(text.slice(unit.range.start, unit.range.end)) ||
    materialEnds.some((e) => DEFINING_VERB.test(text.slice(e, e + 24))));
  // "In this section, references to an indecent pseudo-photograph include— (a) a copy …": an
  // extension to copies and data says what else counts, not what the material is.
  const extension = EXTENSION_CLAUSE.test(text.slice(unit.range.start, Math.min(unit.range.end, unit.range.start + 200)));
  const definition = ((has('definition') && has('material') && !extension) || glossary || embedded || (material && !offence && LIST_DEFINITION.test(text.slice(unit.range.start, Math.min(unit.range.end, unit.range.start + 200))))) && !isExemption &&
    (!offence || embedded);
  // A grooming or extortion offence that lists several acts on the material (India's s. 67B, a
  // list of prohibited acts ending with sexual extortion) is also a CSAM offence; one that only
  // solicits images, or threatens to send them, is not.
  const csamOffence = (offence || has('offenceWeak')) && material && acts.size > 0 && !isExemption && (!groomingOffence || acts.size >= 3 || solicited !== undefined) && (!sexualExtortion || acts.size >= 3);

  let exemption: ExemptionReading | undefined;
  // "(b) Possesses a photograph … . A minor does not violate this paragraph if …": an offence and,
  // in a later sentence of the same paragraph, its exemption. The paragraph is both.
  const exemptionSentence = isExemption && firstExemption >= 0 ? sentenceStart(text, unit.range.start, firstExemption) : -1;
  const offenceBefore = exemptionSentence > unit.range.start && offenceEnds.some((e) => e <= exemptionSentence);
  const offenceThenExemption = offenceBefore && (offence || has('offenceWeak')) && material && acts.size > 0 && (!groomingOffence || acts.size >= 3) && !sexualExtortion;
  if (isExemption) {
    const unitText = text.slice(unit.range.start, unit.range.end);
    // The conduct exempted is what the exemption's own verbs name. Not a verb that describes the
    // material ("material … produced by that child"), nor one in a proviso that takes the case
    // back out ("unless the child … transmitted it to any other person").
    const provisos = provisoRanges(unitText, unit.range.start);
    // Sorted and disjoint: a binary search keeps a long unit linear.
    const outsideProvisos = (a: Hit) => !inRanges(provisos, a.start);
    // Nor one that is negated: "if the minor has not distributed it", « qu'il ne l'a pas diffusée »
    // is a condition of the exemption.
    const describesMaterial = (a: Hit) => /^\s+(?:by|par|von|por)\b/iu.test(text.slice(a.end, a.end + 6)) ||
      MATERIAL_RELATIVE.test(text.slice(Math.max(unit.range.start, a.start - 90), a.start)) ||
      NEGATED_BEFORE.test(text.slice(Math.max(unit.range.start, a.start - 30), a.start)) ||
      // "the photograph was sent to him": received, not shared, by the person it exempts.
      (/(?:was|were|been|is|are)\s+$/iu.test(text.slice(Math.max(unit.range.start, a.start - 8), a.start)) &&
        /^\s+to\s+(?:him|her|them|the\s+(?:person|defendant|accused|child|minor))(?![\p{L}])/iu.test(text.slice(a.end, a.end + 24)));
    // Only the exemption's own sentences when the offence comes first in the paragraph.
    const ownSentences = (a: Hit) => !offenceBefore || a.start >= exemptionSentence;
    const conductHits = actHits.filter((a) => ownSentences(a) && !describesMaterial(a) && outsideProvisos(a));
    const conductCats = new Set(conductHits.map((a) => a.category));
    const conduct = new Set<'produce' | 'possess' | 'share' | 'receive' | 'access'>();
    if (conductCats.has('actProduce')) conduct.add('produce');
    if (conductCats.has('actPossess')) conduct.add('possess');
    if (shareHits.some((h) => ownSentences(h) && outsideProvisos(h) && !describesMaterial(h)) || conductCats.has('actDistribute') || conductCats.has('actOffer')) conduct.add('share');
    if (has('received') || has('passive')) conduct.add('receive');
    if (conductCats.has('actAccess') || conductCats.has('actProcure')) conduct.add('access');
    const conditions = conditionsOf(has);
    // Without a child as the subject, an exemption is open to whoever the offence applies to.
    // "images of a minor who …", « imágenes de un menor que … »: the child depicted, not the subject.
    // "material involving children who …", « matériel impliquant des mineurs qui … »: the children
    // depicted too, unless the exemption makes them the ones who act ("produced … by them … for
    // their own private use"); otherwise "the persons involved" may be adults.
    const childrenAct = OWN_ACTORS.test(unitText);
    const childSubject = childHits.some((h) => {
      const before = text.slice(Math.max(unit.range.start, h.start - 32), h.start);
      return !DEPICTION_BEFORE.test(before) && (childrenAct || !INVOLVING_BEFORE.test(before));
    });
    const beneficiary = childSubject || CHILD_BY_AGE.test(unitText) ? 'child' : 'anyone';
    // "It shall be a defence to prove (a) a legitimate reason …; or (b) … ; or (c) that it was
    // sent without any prior request": only the ways in that are not a legitimate purpose concern
    // children's images.
    const ways = alternativesOf(unitText, unit.range.start, conditionHits);
    const open = ways?.filter((w) => !w.legitimate);
    const legitimatePurpose = has('legitimatePurpose') && (!ways || open!.length === 0);
    const alternatives = ways && open!.length ? open!.map((w) => w.conditions) : ways?.map((w) => w.conditions);
    exemption = { beneficiary, conduct, conditions, legitimatePurpose, ...(alternatives && alternatives.length > 1 ? { alternatives } : {}) };
  }
  // "A person who has not reached fifteen years of age is not criminally liable", « L'enfant âgé
  // de moins de treize ans ne peut faire l'objet de poursuites »: an exemption for every offence
  // below an age, with no word of images, is the age of criminal responsibility.
  const generalAgeExemption = isExemption && !material && acts.size === 0 && !has('materialObject') && !has('sexualQuality') &&
    !has('ownImages') && !has('legitimatePurpose') && AGE_LIMIT.test(text.slice(unit.range.start, unit.range.end));

  const reading: UnitReading = {
    unit,
    cats,
    hits: own,
    material,
    acts,
    narrowedActs,
    offence,
    csamOffence: csamOffence || offenceThenExemption,
    exemption,
    definition,
    grooming: groomingOffence,
    sexualExtortion,
    generalExtortion,
    lastResort: lastResort && (minor || has('exemption')),
    // A prosecutor's consent to any prosecution under the Act is the same bare discretion.
    diversion: has('diversion') && (minor || has('childSubject') || PROSECUTOR_CONSENT.test(text.slice(unit.range.start, unit.range.end))) && !offence,
    // Education for children, or on the risks of making and sharing intimate images (in the
    // draft's own provisions: see completeExemptions).
    education: (has('education') || contextCats.has('education')) && !offence && !isExemption && !lastResort && !has('diversion') &&
      (minor || contextCats.has('minor') || has('ict') || has('share') || has('ownImages') || (has('materialObject') && has('sexualQuality'))),
    criminalResponsibilityAge: generalAgeExemption || (has('criminalResponsibility') && minor && !material && !has('materialObject') && !has('materialAnaphora') &&
      !has('ownImages') && NUMBER_WORD.test(text.slice(unit.range.start, unit.range.end))),
  };
  if (offenceBefore) BOTH.add(reading);
  return reading;
}

/** A grooming cue that asks for something (not "grooming", "lures", "contacts"). */
const SOLICIT_VERB = /^(?:solicit|sollicit|request|incit|auffordert|fordert)/iu;

/** How far (in characters) a solicitation and the material it asks for may stand apart. */
const SOLICIT_REACH = 160;

// "solicits a child … with the intention of obtaining from the child …", « sollicite un mineur …
// en vue d'obtenir de lui des images »: the child is solicited and the images are the purpose;
// that is grooming, not an offence of procuring the material.
const SOLICIT_PURPOSE = /\b(?:with (?:the|an|intent)|in order to|for the purposes? of|so as to|en vue d|afin d|dans le but|aux fins d|um\s|damit|con (?:el )?(?:fin|objeto|prop[óo]sito)|para (?:obtener|conseguir))/iu;

/**
 * The stretch from a solicitation to the material it asks for, within one clause: "solicits a
 * child to send him indecent images", « solliciter … la transmission d'images ». Both lists are
 * sorted, so one pass pairs them.
 */
function solicitedMaterial(solicitEnds: readonly number[], materialStarts: readonly number[], text: string): OffsetRange | undefined {
  let m = 0;
  for (const end of solicitEnds) {
    while (m < materialStarts.length && materialStarts[m] < end) m++;
    if (m === materialStarts.length) return undefined;
    const start = materialStarts[m];
    const between = text.slice(end, start);
    if (start - end <= SOLICIT_REACH && !/[.;]/.test(between) && !SOLICIT_PURPOSE.test(between)) return { start: end, end: start };
  }
  return undefined;
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

const CONDITION_SET = new Set<Category>(CONDITIONS);

/** Paragraphs that are both an offence and, in a later sentence, an exemption from it. */
const BOTH = new WeakSet<UnitReading>();

/** Where the sentence holding `at` begins, within the unit starting at `from`. */
function sentenceStart(text: string, from: number, at: number): number {
  const lead = text.slice(from, at);
  let last = -1;
  const stop = /[.;](?:\s+|$)/gu;
  for (let m = stop.exec(lead); m; m = stop.exec(lead)) last = m.index + m[0].length;
  return last < 0 ? from : from + last;
}

const DEPICTION_BEFORE = /(?<![\p{L}])(?:of|depicting|depicts|depicted|showing|shows|de|del|d['’]|représentant|représente|von|einer|eines|zeigt)(?:\s+only|\s+seulement|\s+nur)?\s+$/iu;
const INVOLVING_BEFORE = /(?<![\p{L}])(?:material|images?|photographs?|pictures?|recordings?|content|matériels?|représentations?|contenus?|Darstellungen|Inhalte|imágenes|contenidos?)\s+(?:involving|featuring|impliquant|mettant\s+en\s+scène|mit|con)\s+$/iu;
const OWN_ACTORS = /\b(?:by them|by themselves|by those children|by the children|their own|par eux|par elles|par ces mineurs|leur propre|leur usage|von ihnen|por ellos|por ellas|su propio)\b/iu;
const NEGATED_BEFORE = /(?<![\p{L}])(?:not|never|without|pas|jamais|sans|nicht|niemals|ohne|nunca|sin|no\s+(?:lo|la|los|las|le|les|se))\s+(?:[\p{L}'’]+\s+){0,2}$|(?<![\p{L}])(?:not|pas|nicht)\s+$/iu;

const PROSECUTOR_CONSENT = /(?:consent|approval|leave|sanction)\s+of\s+the\s+(?:Director\s+of\s+Public\s+Prosecutions|Attorney[- ]General|Lord\s+Advocate|Solicitor[- ]General|public\s+prosecutor)/iu;

/**
 * A verb in a relative clause on the material describes it, it is not the conduct exempted:
 * "a photograph of himself or herself which the child has taken or made". (A relative on a
 * person, "a child who possesses", is the conduct; so is "to prove that he or she possessed".)
 */
const MATERIAL_RELATIVE = /(?:photo\w*|images?|material|depictions?|recordings?|representations?|videos?|films?|content|pictures?)(?:\s+[\p{L}'’-]+){0,4}\s*,?\s+(?:which|that)\s+(?:[\p{L}'’-]+\s+){0,6}$/iu;

/**
 * "A person under 18 does not commit an offence", « la personne âgée de moins de dix-huit ans »,
 * „eine Person unter 18 Jahren“: a person of an age below majority as the subject. After "of",
 * "depicting" or « de » it is the child depicted.
 */
const CHILD_BY_AGE = /(?<!(?:of|depicting|depicts|showing|shows|with|to|de|d['’]|représentant|einer|zeigt|darstellt)\s)(?<![\p{L}])(?:an?|no|any|the|every|la|une|toute|aucune|eine|die|keine|ninguna|una|toda)\s+(?:person|individual|personne|Person|persona)\s+(?:(?:who\s+)?(?:is|was)\s+|âgée\s+|aged\s+)?(?:under|below|less\s+than|younger\s+than|de\s+moins\s+de|unter|menor\s+de)\s+(?:the\s+age\s+of\s+)?(?:18|eighteen|dix-huit|achtzehn|dieciocho)(?![\p{L}\p{N}])/iu;

function conditionsOf(has: (c: Category) => boolean): Set<Condition> {
  const conditions = new Set<Condition>(CONDITIONS.filter((c) => has(c)));
  if (conditions.has('consentOfDepicted')) conditions.add('consent');
  return conditions;
}

const AGE_WORDS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|dix|onze|douze|treize|quatorze|quinze|seize|zehn|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|diez|once|doce|trece|catorce|quince|dieciséis';
/** Below a stated age under 18: "under 14", "has not reached fifteen years", « moins de treize ans », "unter vierzehn Jahren" (under 18 is a child, not an age of criminal responsibility). */
const AGE_LIMIT = new RegExp(`\\b(?:under|below|not\\s+(?:yet\\s+)?(?:reached|attained)|moins\\s+de|menos\\s+de|menor(?:es)?\\s+de|unter|noch\\s+nicht)\\s+(?:the\\s+age\\s+of\\s+|l'âge\\s+de\\s+|la\\s+edad\\s+de\\s+|das\\s+)?(?:1[0-7]|\\d|${AGE_WORDS})\\b`, 'iu');

/**
 * "No person who is under the age of eighteen years shall be convicted", "Nothing in section 4
 * or 6 applies to a child", « Aucun mineur ne peut être poursuivi », « Ningún menor será
 * castigado »: a negated subject followed, in the same sentence, by the offence's own verb. An
 * act verb between them is the subject's description only in a relative clause ("No person who
 * produces …"); otherwise it is a prohibition ("No person shall possess … and is liable").
 */
function negatedSubjectExemption(negation: readonly Hit[], actHits: readonly Hit[], text: string): boolean {
  // One pass with pointers: a unit of a misread long draft may hold thousands of these cues.
  let v = 0;
  let a = 0;
  for (let i = 0; i < negation.length; i++) {
    const n = negation[i];
    if (n.category !== 'negatedSubject') continue;
    if (v <= i) v = i + 1;
    while (v < negation.length && (negation[v].category !== 'liability' || negation[v].start < n.end)) v++;
    if (v >= negation.length) return false;
    const verb = negation[v];
    if (verb.start - n.end > 250) continue;
    const between = text.slice(n.end, verb.start);
    if (/[.;:]\s/u.test(between)) continue;
    while (a < actHits.length && actHits[a].start < n.end) a++;
    const firstAct = a < actHits.length && actHits[a].start < verb.start ? actHits[a] : undefined;
    if (firstAct && !RELATIVE.test(text.slice(n.end, firstAct.start))) continue;
    return true;
  }
  return false;
}

const RELATIVE = /\b(?:who|which|that|whose|qui|que|dont|der|die|das|welche[rs]?|cuyo|cuya)\b/iu;

/** A proviso ("unless …", "provided that …"): from its conjunction to the end of its sentence. */
const PROVISO = /(?<!\p{L})(?:unless|except where|except if|provided that|providing that|sauf si|sauf lorsque|à moins que|pourvu que|à condition que|sous réserve que|es sei denn|außer wenn|ausser wenn|sofern|vorausgesetzt|salvo que|salvo cuando|a menos que|excepto si|excepto cuando|siempre que|siempre y cuando|con tal de que)(?!\p{L})/giu;

function provisoRanges(unitText: string, offset: number): OffsetRange[] {
  const out: OffsetRange[] = [];
  const stop = /[.;](?:\s|$)/gu;
  PROVISO.lastIndex = 0;
  for (let m = PROVISO.exec(unitText); m; m = PROVISO.exec(unitText)) {
    // A fronted proviso ("Salvo que medie violencia, …, el consentimiento excluirá …") governs
    // only itself; one after the main clause runs to the end of the sentence.
    stop.lastIndex = m.index;
    const end = stop.exec(unitText);
    out.push({ start: offset + m.index, end: offset + (end ? end.index : unitText.length) });
    if (!end) break;
    PROVISO.lastIndex = end.index + 1;
  }
  return out;
}

/** "(a) …; or (b) …", "1. … oder 2. …": where list points. */
const POINT_MARK = /(?:^|[\s;:,—–])(?:\(([a-z]{1,3}|\d{1,2})\)|([a-z])\)|(\d{1,2})\.(?=\s)|(\d{1,2})°)\s/gu;
const POINT_LEAD = /(?:\n[ \t]*|[:;—–][ \t]*|[;,][ \t]*(?:or|and|ou|et|oder|und|o|y)[ \t]+)$/iu;
const OR_BEFORE = /(?:\bor|\bou|\boder|\bo|\bu|\bsowie\s+oder)\s*[,;]?\s*$/iu;

/**
 * The ways into an exemption that lists alternative points: the common conditions (before the
 * first point) with those of each group of points joined by "and", groups being separated by "or".
 */
function alternativesOf(unitText: string, offset: number, conditionHits: readonly Hit[]): { conditions: Set<Condition>; legitimate: boolean }[] | undefined {
  const marks: number[] = [];
  POINT_MARK.lastIndex = 0;
  const firstWord = unitText.length - unitText.trimStart().length;
  for (let m = POINT_MARK.exec(unitText); m; m = POINT_MARK.exec(unitText)) {
    const at = m.index + (m[0].length - m[0].trimStart().length);
    // A point opens a line or follows a colon, dash or semicolon; "section 52(1)(b) or (c)" is a citation.
    if (!POINT_LEAD.test(unitText.slice(Math.max(0, at - 16), at)) && at !== firstWord) continue;
    marks.push(at);
    if (marks.length > 26) break;
  }
  if (marks.length < 2) return undefined;
  const groups: number[][] = [[0]];
  for (let i = 1; i < marks.length; i++) {
    if (OR_BEFORE.test(unitText.slice(Math.max(marks[i - 1], marks[i] - 12), marks[i]))) groups.push([i]);
    else groups[groups.length - 1].push(i);
  }
  if (groups.length < 2) return undefined;
  const within = (start: number, end: number) => conditionHits.filter((h) => h.start >= offset + start && h.start < offset + end);
  const conditionsIn = (start: number, end: number) => new Set<Condition>(within(start, end)
    .filter((h) => h.category !== 'legitimatePurpose').map((h) => h.category as Condition));
  const common = conditionsIn(0, marks[0]);
  const commonLegitimate = within(0, marks[0]).some((h) => h.category === 'legitimatePurpose');
  return groups.map((g) => {
    const first = marks[g[0]];
    const last = g[g.length - 1] + 1 < marks.length ? marks[g[g.length - 1] + 1] : unitText.length;
    const set = new Set<Condition>([...common, ...conditionsIn(first, last)]);
    if (set.has('consentOfDepicted')) set.add('consent');
    return { conditions: set, legitimate: commonLegitimate || within(first, last).some((h) => h.category === 'legitimatePurpose') };
  });
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** An exemption that ends on its conditions to come: "if—", "where all of the following conditions are met:", „ist nicht zu bestrafen, wer“. */
const CHAPEAU_END = /(?:[:—–]|(?<![\p{L}])(?:if|where|when|that|who|si|lorsque|qui|wenn|falls|wer|cuando|quien|el que)\s*[-—–]?)\s*$/iu;
const OR_AT_END = /(?:\bor|\bou|\boder|\bo)\s*$/iu;

/**
 * What an exemption says is not all in its own unit. Its conditions may be listed in the
 * paragraphs that follow it; its conduct may be that of the offences it names ("Nothing in
 * section 4 or 6 applies to"); and a later paragraph that disapplies it ("Subsection (1) does not
 * apply where …", "Nothing in this section applies where the material was produced through
 * coercion") is not an exemption but a further condition of it.
 */
function completeExemptions(units: readonly UnitReading[], byNumber: Map<string, UnitReading[]>, text: string): void {
  // Units of one provision, in order; a draft read without provisions is one run of units.
  const runs: UnitReading[][] = [];
  for (const u of units) {
    const last = runs[runs.length - 1];
    if (last && last[0].unit.article === u.unit.article) last.push(u);
    else runs.push([u]);
  }
  for (const list of runs) {
    for (let i = 0; i < list.length; i++) {
      const u = list[i];
      const e = u.exemption as Mutable<ExemptionReading> | undefined;
      if (!e) continue;
      const own = text.slice(u.unit.range.start, u.unit.range.end).trimEnd();
      // Conditions listed after a chapeau, up to the next provision that says something itself.
      if (CHAPEAU_END.test(own)) {
        const base = new Set(e.conditions);
        const conditions = new Set(e.conditions);
        const groups: Set<Condition>[] = [new Set()];
        let child = e.beneficiary === 'child';
        for (let j = i + 1; j < list.length && j <= i + 8; j++) {
          const item = list[j];
          if (item.exemption || item.offence || item.csamOffence || item.lastResort || item.definition) break;
          const itemConditions = conditionsOf((c) => item.cats.has(c));
          for (const c of itemConditions) {
            conditions.add(c);
            groups[groups.length - 1].add(c);
          }
          if (item.cats.has('childSubject')) child = true;
          if (OR_AT_END.test(text.slice(item.unit.range.start, item.unit.range.end).trimEnd().replace(/[,;]$/u, ''))) groups.push(new Set());
        }
        e.conditions = conditions;
        if (child) e.beneficiary = 'child';
        const ways = groups.filter((g) => g.size);
        if (ways.length > 1) e.alternatives = ways.map((g) => new Set([...base, ...g]));
      }
      // The conduct of the offences it cites ("No offence is committed under section 52A by a
      // child in respect of a photograph … which the child has taken" exempts possessing it too).
      // "The provisions of this article" are every offence of the article: the exemption's own
      // verbs then say which conduct it is about.
      // Sharing is the exception: an exemption for it says so ("by sending such a photograph to
      // another child"), so "an offence under section 1 by reason of making or possessing" does
      // not exempt the distribution section 1 also punishes.
      const conduct = new Set(e.conduct);
      const cited = citedProvisions(headOf(u, text));
      let found = false;
      for (const target of referencedUnits(u, list, byNumber, text, false)) {
        if (!target.csamOffence) continue;
        found = true;
        // An exemption from an offence about the material is about the material.
        (u as Mutable<UnitReading>).material = true;
        for (const a of target.acts) if (!target.narrowedActs.has(a) && CONDUCT_OF[a] !== 'share') conduct.add(CONDUCT_OF[a]);
      }
      e.conduct = conduct;
      if (cited.length && !found) e.citesElsewhere = true;
    }
    // "This section applies where, in proceedings for an offence …, the defendant proves that the
    // child was aged 16 or over …": the conditions on which the provision's defences apply.
    const applications = list.filter((u) => !u.exemption && !u.offence && APPLIES_WHERE.test(text.slice(u.unit.range.start, Math.min(u.unit.range.end, u.unit.range.start + 160))));
    if (applications.length) {
      for (const u of list) {
        const e = u.exemption as Mutable<ExemptionReading> | undefined;
        if (!e || e.legitimatePurpose) continue;
        const added = new Set<Condition>();
        for (const a of applications) for (const c of conditionsOf((x) => a.cats.has(x))) added.add(c);
        e.conditions = new Set([...e.conditions, ...added]);
        if (e.alternatives) e.alternatives = e.alternatives.map((w) => new Set([...w, ...added]));
        if (applications.some((a) => a.cats.has('childSubject'))) e.beneficiary = 'child';
      }
    }
    // A disapplication of exemptions is a condition of those exemptions.
    for (const u of list) {
      if (!u.exemption) continue;
      const targets = referencedUnits(u, list, byNumber, text).filter((t) => t !== u);
      if (!targets.length || !targets.some((t) => t.exemption) || targets.some((t) => t.csamOffence || t.offence)) continue;
      if (!targets.every((t) => t.exemption || !t.cats.size || (!t.offence && !t.csamOffence))) continue;
      const added = [...conditionsOf((c) => u.cats.has(c))].filter((c) => c === 'noAbuse' || c === 'thirdParty');
      for (const t of targets) {
        const te = t.exemption as Mutable<ExemptionReading> | undefined;
        if (!te) continue;
        te.conditions = new Set([...te.conditions, ...added]);
        if (te.alternatives) te.alternatives = te.alternatives.map((a) => new Set([...a, ...added]));
      }
      (u as Mutable<UnitReading>).exemption = undefined;
    }
  }
}

const APPLIES_WHERE = /(?<![\p{L}])(?:(?:this|the present)\s+(?:section|article|paragraph)\s+(?:also\s+|only\s+)?applies\s+(?:only\s+)?(?:where|if|when|whether)\b|le présent article (?:ne )?s'applique|(?:dieser Paragraph|diese Bestimmung) gilt|(?:este|el presente) artículo se aplica)/iu;

const CONDUCT_OF: Record<Act, 'produce' | 'possess' | 'share' | 'receive' | 'access'> = {
  actProduce: 'produce', actPossess: 'possess', actDistribute: 'share', actOffer: 'share', actProcure: 'access', actAccess: 'access',
};

const SAME_PROVISION = /^\W*(?:\(\w{1,5}\)\s*)?(?:nothing in\s+)?(?:this|the present|the preceding|these)\s+(?:section|article|paragraph|subsection|provisions?)\b|^\W*(?:\(\w{1,5}\)\s*)?(?:le présent article|les dispositions du présent article|cet article|dieser Paragraph|diese Bestimmung|este artículo|el presente artículo)/iu;
const POINT_AFTER = /^\s*(?:\([a-z]{1,3}\)|no\.|nos\.|Nr\.|Nummer|Z\s|lit\.|Bst\.|[a-z]\))/u;
const CITED = /(?<![\p{L}\p{N}])(?:articles?|sections?|ss?\.|§§?|art\.|arts\.|artikel)\s*((?:L\.\s*)?\d+[\w.-]*?)(?=[\s,;:)(]|\.(?:\s|$)|$)((?:\s?\(\w{1,5}\)){0,3})/giu;

/**
 * Provisions cited in a text, with the paragraph where one is named ("section 91H (2)"). A
 * citation down to a point ("section 1(1)(a)", "Article 2, paragraph 1 (a)") names a part of a
 * unit and is left out.
 */
function citedProvisions(text: string): { num: string; paragraph?: string }[] {
  const out: { num: string; paragraph?: string }[] = [];
  text = text.replace(US_CODE_CITATION, 'section ');
  CITED.lastIndex = 0;
  for (let m = CITED.exec(text); m; m = CITED.exec(text)) {
    const num = m[1].replace(/^L\.\s*/u, '').toLowerCase();
    const parts = [...m[2].matchAll(/\((\w{1,5})\)/gu)].map((x) => x[1]);
    let rest = text.slice(m.index + m[0].length);
    // "§ 219 Abs. 3", "Article 2, paragraph 1": the paragraph named in words.
    const named = PARAGRAPH_NAMED.exec(rest);
    if (named && parts.length === 0) {
      parts.push(named[1]);
      rest = rest.slice(named[0].length);
    }
    if (parts.length <= 1 && !POINT_AFTER.test(rest.slice(0, 12))) out.push({ num, paragraph: parts[0] });
    // "sections 4 or 6", "52(1)(a) or 52A", "Abs. 2 Bst. d und Abs. 3": what follows shares the keyword.
    for (let k = 0; k < 4; k++) {
      // Bounded: points are a few words.
      rest = rest.slice(POINT_RUN.exec(rest.slice(0, 40))?.[0].length ?? 0);
      const para = /^\s*,?\s*(?:and|or|et|ou|und|oder|y|o)\s+(?:Abs\.|Absatz|paragraph|para\.|subsection|alinéa)\s*\(?(\d+[a-z]?)\)?/iu.exec(rest);
      if (para) {
        if (!POINT_AFTER.test(rest.slice(para[0].length, para[0].length + 12))) out.push({ num, paragraph: para[1] });
        rest = rest.slice(para[0].length);
        continue;
      }
      const more = /^\s*(?:,|and|or|et|ou|und|oder|y|o)\s*(\d+[A-Za-z]?(?:\.\d+)*[A-Za-z]?)((?:\s?\(\w{1,5}\)){0,3})/iu.exec(rest);
      if (!more) break;
      const p = [...more[2].matchAll(/\((\w{1,5})\)/gu)].map((x) => x[1]);
      if (p.length <= 1) out.push({ num: more[1].toLowerCase(), paragraph: p[0] });
      rest = rest.slice(more[0].length);
    }
  }
  return out;
}

/** "AS 11.61.127", "RCW 9.68A.070": a US state code cited by its abbreviation (capitals only). */
export const US_CODE_CITATION = /\b(?:AS|RCW|ORS|NRS|MCL|KRS|ARS|A\.R\.S\.|G\.S\.|C\.R\.S\.|N\.J\.S\.A\.|Fla\. Stat\.|Minn\. Stat\.|Wis\. Stat\.)\s+(?=\d)/gu;

const PARAGRAPH_NAMED = /^\s*,?\s*(?:Abs\.|Absatz|paragraphe|paragraph|para\.|subsection|alinéa)\s*\(?(\d+[a-z]?)\)?/iu;
/** Points after a paragraph ("Bst. b und c", "(a)", "Z 1"): skipped to reach what follows. */
const POINT_RUN = /^(?:\s*(?:(?:Bst\.|lit\.|Z|no\.|nos\.|Nr\.|Nummer|Satz)\s*[\w.]{1,4}|\([a-z]{1,3}\)|(?:und|and|or|oder|,)\s*[a-z](?=[\s,.])))*/iu;

/** The opening of a unit, where what it is about is named, without its own number ("§ 2.", "(3)"). */
function headOf(u: UnitReading, text: string): string {
  return text.slice(u.unit.range.start, Math.min(u.unit.range.end, u.unit.range.start + 240)).replace(OWN_NUMBER, '').slice(0, 220);
}

const OWN_NUMBER = /^\s*(?:§\s*\d+\w*\.?|\(\w{1,5}\)|\d{1,3}\.(?!\d))\s*/u;

/** A provision of more paragraphs than this is a misread draft, not a section to cite. */
const MAX_SIBLINGS = 400;

const SUBSECTION_REF = /\b(?:subsections?|paragraphs?|paragraphes?|sub-paragraphs?|Absatz|Absätze|Abs\.|alinéas?|apartados?)\s*\(?(\d+(?:\.\d+)?(?:er|re|[a-z])?)\)?(?:\s*(?:to|à|bis)\s*\(?(\d+(?:\.\d+)?(?:er|re|[a-z])?)\)?)?/giu;

/**
 * The units an exemption is about: those of its own provision ("this section"), of the
 * paragraphs of its provision it names ("subsection (1)", "Subsections (6.1) to (6.5)") and of the
 * provisions it cites ("section 4 or 6"). Only what is named before the exemption's verb counts:
 * later references describe its conditions.
 */
function referencedUnits(u: UnitReading, siblings: readonly UnitReading[], byNumber: Map<string, UnitReading[]>, text: string, wholeProvision = true): UnitReading[] {
  const head = headOf(u, text);
  const out = new Set<UnitReading>();
  // Without a provision around it, "this section" and "subsection (1)" resolve to nothing (and a
  // long draft read without provisions must not be scanned once per exemption).
  const inProvision = u.unit.article !== undefined && siblings.length <= MAX_SIBLINGS;
  if (inProvision && wholeProvision && SAME_PROVISION.test(head)) for (const s of siblings) if (s !== u) out.add(s);
  const cited = citedProvisions(head);
  // "Article 2, paragraph 1 (a)" is a paragraph of another provision, not of this one.
  SUBSECTION_REF.lastIndex = cited.length || !inProvision ? head.length : 0;
  for (let m = SUBSECTION_REF.exec(head); m; m = SUBSECTION_REF.exec(head)) {
    // "paragraph (1)(a)", "subsection (1) no. 3": a point of a paragraph, which units do not resolve.
    if (POINT_AFTER.test(head.slice(m.index + m[0].length, m.index + m[0].length + 8))) continue;
    const from = m[1];
    const to = m[2] ?? m[1];
    addParagraphs(out, u, siblings, from, to);
    // "subsection (2) or (4)", "Absätze 1 und 3": the paragraphs that follow share the keyword.
    let rest = head.slice(m.index + m[0].length);
    for (let k = 0; k < 6; k++) {
      const more = /^\s*(?:,|or|and|et|ou|und|oder|y|o)\s*\(?(\d+(?:\.\d+)?(?:er|re|[a-z])?)\)?/iu.exec(rest);
      if (!more || POINT_AFTER.test(rest.slice(more[0].length, more[0].length + 8))) break;
      addParagraphs(out, u, siblings, more[1], more[1]);
      rest = rest.slice(more[0].length);
    }
  }
  if (inProvision && !cited.length) {
    // « les faits prévus au premier alinéa », « des premier et quatrième alinéas »
    ORDINAL_ALINEA.lastIndex = 0;
    for (let m = ORDINAL_ALINEA.exec(head); m; m = ORDINAL_ALINEA.exec(head)) {
      for (const word of m[0].match(/[\p{L}\p{N}]+/gu) ?? []) {
        const n = ORDINALS.get(word.toLowerCase());
        if (n) addParagraphs(out, u, siblings, n, n);
      }
    }
    // "the preceding subsection", « l'alinéa précédent », „der vorstehende Absatz“
    if (PRECEDING.test(head)) {
      const i = siblings.indexOf(u);
      if (i > 0) out.add(siblings[i - 1]);
    }
  }
  for (const { num, paragraph } of cited) {
    for (const s of byNumber.get(num) ?? []) {
      if (s === u) continue;
      if (paragraph === undefined || paragraphOf(s) === paragraph) out.add(s);
    }
  }
  return [...out];
}

/** The paragraphs from … to of a provision (its units labelled "(2)", ", alinéa 2", ", paragraph 2"). */
function addParagraphs(out: Set<UnitReading>, u: UnitReading, siblings: readonly UnitReading[], from: string, to: string): void {
  let inside = false;
  for (const s of siblings) {
    const n = paragraphOf(s);
    if (n === from) inside = true;
    if (inside && s !== u) out.add(s);
    if (n === to) inside = false;
  }
}

/** A unit's paragraph number: "Section 8(4)" → 4, "Article 227-23, alinéa 2" → 2; the first alinéa carries the article's label. */
function paragraphOf(s: UnitReading): string | undefined {
  const label = s.unit.label;
  const numbered = /\(([^()]+)\)$/u.exec(label)?.[1] ?? /, (?:alinéa|paragraph) (\d+)$/u.exec(label)?.[1];
  if (numbered) return numbered;
  return s.unit.article && label === s.unit.article.label ? '1' : undefined;
}

const ORDINALS = new Map<string, string>([
  ['premier', '1'], ['1er', '1'], ['deuxième', '2'], ['second', '2'], ['troisième', '3'], ['quatrième', '4'], ['cinquième', '5'],
  ['sixième', '6'], ['septième', '7'], ['huitième', '8'], ['neuvième', '9'], ['dixième', '10'],
]);
const ORDINAL_WORD = '(?:premier|1er|deuxième|second|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième)';
const ORDINAL_ALINEA = new RegExp(`(?<![\\p{L}])${ORDINAL_WORD}(?:\\s*(?:,|et|à)\\s*${ORDINAL_WORD}){0,4}\\s+alinéas?(?![\\p{L}])`, 'giu');
const PRECEDING = /(?<![\p{L}])(?:the preceding (?:subsection|paragraph)|(?:l'|le )?alinéa précédent|précédent alinéa|(?:der )?vorstehende[n]? Absatz|(?:el )?apartado anterior|(?:el )?párrafo anterior)(?![\p{L}])/iu;

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
    mutable.csamOffence = (u.offence || u.cats.has('offenceWeak')) && u.acts.size > 0 && (!u.exemption || BOTH.has(u)) && !u.grooming && !u.sexualExtortion;
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
