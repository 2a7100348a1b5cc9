import { clausesFor, expandClause, type ModelClause } from '../clauses';
import type { ClauseInsertion, Evidence, Finding } from '../findings';
import { citation, t } from '../i18n';
import { recommendation, type CheckId, type RecommendationId, type Urgency } from '../recommendations';
import type { Act } from '../structure/lexicon';
import type { Provision } from '../structure/provisions';
import type { UnitReading } from '../structure/reading';
import type { OffsetRange } from '../text/range';
import type { ChecklistEvidence, CheckResult, ComplianceContext, ComplianceOutcome, Status } from './types';

/** Whether the draft concerns these offences at all. */
export function concernsTheseOffences(ctx: ComplianceContext): boolean {
  return ctx.reading.units.some((u) => u.csamOffence || u.grooming || u.sexualExtortion || u.definition || (u.exemption && (u.material || u.exemption.conditions.has('ownImages'))));
}

// The checks ask the same questions of every unit many times over: each answer is computed once
// per checklist run and handed out as a fresh array (callers may sort or extend theirs).
const answers = new WeakMap<ComplianceContext, Map<string, UnitReading[]>>();

function once(ctx: ComplianceContext, question: string, answer: () => UnitReading[]): UnitReading[] {
  let known = answers.get(ctx);
  if (!known) answers.set(ctx, (known = new Map()));
  let units = known.get(question);
  if (!units) known.set(question, (units = answer()));
  return units.slice();
}

export function csamOffences(ctx: ComplianceContext, ...acts: Act[]): UnitReading[] {
  return once(ctx, `csam:${acts.join()}`, () => ctx.reading.units.filter((u) => u.csamOffence && (acts.length === 0 || acts.some((a) => u.acts.has(a)))));
}

/** Exemptions that concern the material or children's images (not legitimate-purpose defences). */
export function imageExemptions(ctx: ComplianceContext): UnitReading[] {
  return once(ctx, 'imageExemptions', () => ctx.reading.units.filter((u) => {
    const e = u.exemption;
    if (!e || e.legitimatePurpose) return false;
    // About images: a marriage exception to a sexual-activity offence is not ("partners of each other").
    const images = u.material || u.cats.has('materialObject') || u.cats.has('materialAnaphora') || u.cats.has('depictedRef');
    return images && (u.material || e.conditions.has('ownImages') || e.conditions.has('consentOfDepicted') || e.conditions.has('passive') ||
      u.cats.has('minor') || u.cats.has('sexualQuality'));
  }));
}

const EXCERPT = 240;

// A unit's excerpt is quoted as evidence by several checks: cut it out once.
const excerpts = new WeakMap<UnitReading, { start: number; end: number; text: string }>();

export function evidence(ctx: ComplianceContext, u: UnitReading, noteKey: string): ChecklistEvidence {
  let excerpt = excerpts.get(u);
  if (!excerpt) {
    const range = ctx.source.toOriginalRange(u.unit.range);
    const raw = ctx.source.original.slice(range.start, range.end).replace(/\s+/g, ' ').trim();
    excerpt = { start: range.start, end: range.end, text: raw.length > EXCERPT ? `${raw.slice(0, EXCERPT - 1)}…` : raw };
    excerpts.set(u, excerpt);
  }
  return {
    range: { start: excerpt.start, end: excerpt.end },
    provision: u.unit.label,
    note: t(ctx.locale, noteKey),
    text: excerpt.text,
  };
}

/** How items are listed in a sentence: French typography spaces the semicolon. */
export function listSeparator(locale: string): string {
  return locale === 'fr' ? '\u00a0; ' : '; ';
}

export function result(_ctx: ComplianceContext, id: CheckId, status: Status, explanation: string, evidenceList: ChecklistEvidence[] = []): CheckResult {
  return { id, urgency: urgencyOf(id), status, explanation, evidence: evidenceList };
}

export function urgencyOf(id: CheckId): Urgency {
  return id.startsWith('II-') ? recommendation(id)!.urgency : 'require';
}

export function notApplicable(ctx: ComplianceContext, id: CheckId, key = 'na.notConcerned'): ComplianceOutcome {
  return { result: result(ctx, id, 'not-applicable', t(ctx.locale, key)), findings: [] };
}

/** The first line of a unit, where a diagnostic about it is shown. */
export function anchor(ctx: ComplianceContext, u: UnitReading): OffsetRange {
  const { start, end } = u.unit.range;
  const text = ctx.text;
  let e = start;
  while (e < end && text[e] !== '\n' && text[e] !== '\r') e++;
  let stop = Math.max(start + 1, Math.min(e, start + 200));
  // Never cut an astral character (two UTF-16 units) in half where the line is cut.
  if (stop < text.length && (text.charCodeAt(stop) & 0xfc00) === 0xdc00 && (text.charCodeAt(stop - 1) & 0xfc00) === 0xd800) stop++;
  return ctx.source.toOriginalRange({ start, end: stop });
}

/**
 * A finding for a check, placed on `at`, with the recommendation and urgency in its message,
 * evidence as related information and, where one fits, a model clause to insert.
 */
export function finding(
  ctx: ComplianceContext,
  check: CheckId,
  rule: string,
  at: UnitReading,
  messageKey: string,
  args: string[],
  options: { evidence?: ChecklistEvidence[]; clause?: { recommendation: RecommendationId; part?: string; after?: UnitReading } } = {},
): Finding | undefined {
  const urgency = urgencyOf(check);
  const severity = ctx.severityFor(check, urgency);
  if (!severity) return undefined;
  const message = t(ctx.locale, messageKey, ...args, citation(ctx.locale, check, urgency));
  const f: Finding = {
    ruleId: `${check.startsWith('II-') ? check : 'Art20'}/${rule}`,
    check,
    urgency,
    severity,
    message,
    range: anchor(ctx, at),
    quoted: false,
    evidence: options.evidence?.map(toFindingEvidence),
  };
  if (options.clause) f.insertion = insertion(ctx, options.clause.recommendation, options.clause.part, options.clause.after ?? at);
  return f;
}

function toFindingEvidence(e: ChecklistEvidence): Evidence {
  return { range: e.range, provision: e.provision, note: e.note };
}

/**
 * The model clause for a recommendation, ready to insert after the provision `after` belongs
 * to, numbered to follow the draft (160A → 160B, 227-23 → 227-23-1, 4 → 4A) and headed with the
 * draft's own keyword (Section, Article, §).
 */
export function insertion(ctx: ComplianceContext, rec: RecommendationId, part: string | undefined, after: UnitReading): ClauseInsertion | undefined {
  const language = ctx.language === 'fr' ? 'fr' : 'en';
  const clauses = clausesFor(rec, language);
  const clause: ModelClause | undefined = (part ? clauses.find((c) => c.part === part) : undefined) ?? clauses[0];
  if (!clause) return undefined;
  const article = after.unit.article;
  const number = article ? nextNumber(article.num, ctx.language) : undefined;
  const eol = /\r\n/.test(ctx.source.original) ? '\r\n' : '\n';
  let text = expandClause(clause, { number, eol });
  if (article?.keyword) text = text.replace(/^(Section|Article|Art\.)\s/, `${article.keyword} `);
  const end = article ? endOf(article, ctx) : after.unit.range.end;
  return { clauseId: clause.id, title: clause.title, at: ctx.source.toOriginal(end), text: `${eol}${eol}${text}` };
}

function endOf(p: Provision, ctx: ComplianceContext): number {
  let end = p.range.end;
  while (end > p.range.start && /\s/.test(ctx.text[end - 1])) end--;
  return end;
}

export function nextNumber(num: string, language: string): string {
  const n = num.trim();
  if (/^\d+(?:-\d+)+$/.test(n)) return `${n}-1`;
  if (language === 'fr' && /^\d+(?:er)?$/.test(n)) return `${n.replace(/er$/, '')}-1`;
  const letter = /^(\d+)([a-zA-Z])$/.exec(n);
  if (letter) return `${letter[1]}${String.fromCharCode(letter[2].charCodeAt(0) + 1)}`;
  if (/^\d+$/.test(n)) return language === 'de' ? `${n}a` : `${n}A`;
  return `${n}A`;
}

export function excerptOf(ctx: ComplianceContext, range: OffsetRange): string {
  return ctx.source.original.slice(range.start, range.end).replace(/\s+/g, ' ').trim();
}

export type { Finding };
