import { elements, type XmlElement, type XmlNode } from '../xml/tree';

/**
 * Whether a quoted element (quotedText, quotedStructure, embeddedStructure, embeddedText, del) is
 * a quotation of another text, whose old wording is kept on purpose, or the draft's own new
 * wording, which the terminology checks must read.
 *
 * In Akoma Ntoso an amending provision is a `mod`: its own words ("for … substitute …") with the
 * affected texts quoted inside it. The quoted text a mod inserts or substitutes is the new law
 * the drafter is writing; the text it replaces, repeals or uses as an anchor ("after the words
 * …") is the old law. We decide, in this order:
 *
 * 1. The metadata: a `textualMod` in `meta/analysis/activeModifications` names the new text
 *    (`<new href="#…">`) and the old (`<old href="#…">`) by id. That is the author's own statement.
 * 2. The words just before the element inside its mod: "substitute", "insert", "with", "by",
 *    "par", "ainsi rédigé", "durch" … introduce new wording; "for", "the words", "omit", "after",
 *    "les mots", "remplacer" … introduce old wording.
 * 3. Otherwise, inside a mod, a quoted structure (whole provisions) is new wording, and a quoted
 *    text is new wording only when it is the last quotation of a mod that inserts or substitutes.
 * 4. Outside any mod, quoted text is a quotation of another text; `del` is always old wording.
 */
export function quotationClassifier(roots: readonly XmlNode[], original: string): (element: XmlElement) => boolean {
  const declared = declaredRoles(roots);
  return (element) => {
    if (element.local === 'del') return true;
    const id = idsOf(element).find((i) => declared.has(i));
    if (id) return declared.get(id) === 'old';
    const mod = enclosingMod(element);
    if (!mod) return true;
    const quoted = quotedChildren(mod);
    const index = quoted.indexOf(element);
    const from = index > 0 ? quoted[index - 1].end : openTagEnd(mod, original);
    const before = plainText(original.slice(from, element.start));
    if (NEW_WORDING.test(before)) return false;
    if (OLD_WORDING.test(before)) return true;
    if (element.local === 'quotedStructure' || element.local === 'embeddedStructure') return false;
    const modText = plainText(original.slice(mod.start, mod.end));
    return !(index === quoted.length - 1 && INSERTS.test(modText));
  };
}

const NEW_WORDING =
  /(?:^|[^\p{L}])(?:substitute[sd]?|insert(?:ed)?|add(?:ed)?|with|by|read(?:s|ing)?(?: as follows)?|the following|par(?: (?:les|le|la|l’|l')\s*(?:mots?|termes?|phrases?|alinéas?|dispositions?))?|ainsi rédigée?s?|rédigée?s? comme suit|suivante?s?|insérée?s?|ajoutée?s?|complétée?s? par|durch|eingefügt|ersetzt|por|sustituye|añade)\s*[:—–-]*\s*$/iu;
const OLD_WORDING =
  /(?:^|[^\p{L}])(?:for|the words?|omit|repeal|delete|leave out|after|before|replace|les mots?|les termes?|le terme|remplacer|supprimer|supprimée?s?|après|avant|abrogée?s?|die (?:Wörter|Wörtern|Angabe)|las palabras)\s*[:,—–-]*\s*$/iu;
const INSERTS = /substitut|insert|replac|\badd|\bread|remplac|insér|ajout|rédig|ersetz|einfüg|sustitu|añad/iu;

type Role = 'old' | 'new';

/** textualMod old/new references, by the id they point at. */
function declaredRoles(roots: readonly XmlNode[]): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const e of elements(roots)) {
    if (e.local !== 'textualMod') continue;
    const repeal = e.attributes.type === 'repeal';
    for (const c of e.children) {
      if (c.kind !== 'element' || !c.attributes.href) continue;
      const id = c.attributes.href.replace(/^.*#/, '');
      if (c.local === 'new' && !repeal) roles.set(id, 'new');
      else if (c.local === 'old' || (c.local === 'new' && repeal)) roles.set(id, 'old');
    }
  }
  return roles;
}

function idsOf(e: XmlElement): string[] {
  return [e.attributes.eId, e.attributes.wId, e.attributes.GUID, e.attributes.id].filter((v): v is string => !!v);
}

function enclosingMod(e: XmlElement): XmlElement | undefined {
  for (let p = e.parent; p; p = p.parent) if (p.local === 'mod' || p.local === 'mmod') return p;
  return undefined;
}

const QUOTED_IN_MOD = new Set(['quotedText', 'quotedStructure', 'embeddedStructure', 'embeddedText']);

/** The quoted elements of a mod, outermost only, in document order. */
function quotedChildren(mod: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.kind !== 'element') continue;
      if (QUOTED_IN_MOD.has(c.local)) out.push(c);
      else visit(c);
    }
  };
  visit(mod);
  return out;
}

function openTagEnd(e: XmlElement, original: string): number {
  const end = original.indexOf('>', e.start);
  return end < 0 ? e.start : end + 1;
}

/** Markup removed, the common references decoded, white space collapsed: enough to read cue words. */
function plainText(xml: string): string {
  return xml
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:amp|#38);/g, '&')
    .replace(/&(?:apos|#39|rsquo);/g, '’')
    .replace(/\s+/g, ' ')
    .trim();
}
