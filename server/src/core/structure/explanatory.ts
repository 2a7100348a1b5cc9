import type { LineIndex } from '../text/lineIndex';
import type { OffsetRange } from '../text/range';

/**
 * The parts of a bill that explain it rather than enact it: the explanatory memorandum, the
 * explanatory notes, a summary, the « exposé des motifs », the „Begründung“, the « exposición
 * de motivos », a preamble. They describe offences and exemptions ("Clause 3 exempts children
 * who …") without making any: their sentences are never provisions. Only the wording
 * recommendation (II-1) still reads them.
 *
 * A part opens at its heading (a short line of its own) and runs until the enacting part
 * begins: an enacting formula ("BE IT ENACTED", « PROPOSITION DE LOI », „hat beschlossen“,
 * "DECRETA"), or the first article or division of the text ("Article 1", « Article premier »,
 * "PART 1", "§ 1"), or the end of the draft when the notes close it.
 */
export function explanatoryRanges(lines: LineIndex): OffsetRange[] {
  const out: OffsetRange[] = [];
  const text = lines.text;
  let open = -1;
  // The Markdown level of the explanatory heading: a heading as high ends its part.
  let level = 0;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line];
    const end = lines.lineEnd(line);
    // Headings and formulas are short lines; long lines are prose and cost one length check.
    if (end - start > 160) continue;
    const raw = text.slice(start, end);
    const clean = cleanLine(raw);
    if (!clean) continue;
    const hashes = /^ {0,3}(#{1,6})\s/.exec(raw)?.[1].length ?? 0;
    if (open < 0) {
      if (isExplanatoryHeading(clean)) {
        open = start;
        level = hashes;
      }
    } else if (opensEnactment(clean) || (level > 0 && hashes > 0 && hashes <= level && !isExplanatoryHeading(clean))) {
      out.push({ start: open, end: start });
      open = -1;
      // The enacting formula may itself be followed by another explanatory part later on.
    }
  }
  if (open >= 0) out.push({ start: open, end: text.length });
  return out;
}

/** Whether `offset` lies in one of the sorted, disjoint `ranges`. */
export function inRanges(ranges: readonly OffsetRange[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < ranges[mid].start) hi = mid - 1;
    else if (offset >= ranges[mid].end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The line without Markdown heading and emphasis marks, list bullets or a trailing colon. */
function cleanLine(raw: string): string {
  return raw.replace(/^[\s#>*_]+/u, '').replace(/[\s*_:.]+$/u, '').trim();
}

// Headings of explanatory parts, alone on their line or followed by a short complement
// ("Explanatory memorandum (extract)", "Statement of the Objects and Reasons for the Bill",
// "Erläuterungen der Kommission").
const EXPLANATORY = new RegExp(
  `^(?:${[
    'explanatory (?:memorandum|memoranda|notes?|statement|report)', 'memorandum(?: of objects and reasons)?',
    '(?:statement of (?:the )?)?objects and reasons', 'summary', 'general policy statement', 'notes on clauses',
    'preamble', 'recitals',
    'expos[ée] (?:des motifs|sommaire)', 'r[ée]sum[ée]', 'd[ée]veloppements', 'commentaire des articles',
    'notes? explicatives?', 'note de pr[ée]sentation', 'rapport explicatif', 'rapport de pr[ée]sentation', 'expos[ée] g[ée]n[ée]ral', 'pr[ée]ambule', 'motivation',
    'begr[üu]ndung', 'erl[äa]uterungen', 'erl[äa]uternde bemerkungen', 'vorblatt', 'pr[äa]ambel',
    'exposici[óo]n de motivos', 'fundamentos', 'pre[áa]mbulo', 'considerandos', 'motivaci[óo]n',
  ].join('|')})(?:$|\\s*\\(|\\s+(?:of|for|to|on|de|du|des|der|des|zu|zum|zur|del)\\s)`,
  'iu',
);

function isExplanatoryHeading(clean: string): boolean {
  if (clean.length > 90) return false;
  return EXPLANATORY.test(clean);
}

// Enacting formulas and the titles that head the enacted text.
const ENACTING = new RegExp(
  `^(?:${[
    'be it enacted', 'a bill(?: for an act)?$', 'a bill for', 'an act to', 'the parliament of .{1,40} enacts', 'his majesty, by and with', 'her majesty, by and with',
    'the senate and house', 'now,? therefore',
    'proposition de loi', 'projet de loi', 'loi$', 'loi n', 'promulgue', "l'assembl[ée]e nationale (?:a|et)", 'le parlement (?:a|du)', 'nous avons arr[êe]t[ée]', 'le pr[ée]sident de la r[ée]publique',
    'der nationalrat hat', 'der bundestag hat', 'der landtag hat', 'die bundesversammlung', 'der bundesrat hat',
    'proyecto de ley$', 'ley$', 'ley n', 'las cortes generales', 'el senado y c[áa]mara', 'decreta',
  ].join('|')})|(?:decreta$|enacts as follows|hat (?:das folgende gesetz )?beschlossen|d[ée]cr[èe]te ce qui suit|sancionan con fuerza de)`,
  'iu',
);

// The first provision of the enacted text: "Article 1", « Article premier », "Artículo único",
// "Section 1", "§ 1", "PART 1", « CHAPITRE Ier », "TÍTULO I", "1. Short title".
const FIRST_PROVISION = /^(?:(?:article|art\.|artikel|art[íi]culo|section|sec\.|clause|§|part|chapter|title|chapitre|titre|livre|teil|kapitel|abschnitt|cap[íi]tulo|t[íi]tulo|libro)\s*(?:1(?![\d.,]\d)|1er|i|premier|premi[èe]re|primero|[úu]nico|unique|one)\b|1\.?\s+\p{Lu}\p{Ll}+(?:\s\p{Ll}+)?$)/iu;

// A division of the enacted text, whatever its number ("PART 3 — …", « TITRE II »): commentaries
// discuss articles one by one, but never open Parts and Chapters.
const DIVISION = /^(?:part|chapter|title|book|chapitre|titre|livre|teil|kapitel|cap[íi]tulo|t[íi]tulo|libro)\s+(?:\d+|[IVXLC]+|premier|unique|one|two|three)\b/iu;

// A provision headed with its title or its first words ("Section 160A — Possession of …",
// « Art. 227-23. – Le fait de … », "Artículo 189. Será castigado …"): an excerpt of the enacted
// text may begin there. A commentary names its articles alone ("Article 2") or in a sentence
// ("Article 2 creates …").
const HEADED_PROVISION = /^(?:article|art\.|artikel|art[íi]culo|section|sec\.|§)\s*\d[\w./-]*\s*(?:[.:–—-]\s*)+\p{Lu}/iu;

function opensEnactment(clean: string): boolean {
  return ENACTING.test(clean) || FIRST_PROVISION.test(clean) || DIVISION.test(clean) || HEADED_PROVISION.test(clean);
}
