import type { QuotedText } from './check';
import { allCues, cuesFor } from './cues';
import type { Source } from './source';
import { introducedPassages } from './structure/citations';
import { blockIsNewWording, Quotations, type QuoteSpan } from './structure/quotations';
import type { LanguageCode } from './terminology/pack';
import type { OffsetRange } from './text/range';

/**
 * The quoted text of a draft: quotation marks, blockquotes and passages introduced as another
 * text's wording. Built lazily: a draft with no deprecated term and no cue inside quotation
 * marks never pays for classifying its quotations.
 */
export function quotedText(source: Source, text: string, language: LanguageCode): QuotedText {
  const cues = [cuesFor(language), ...allCues().filter((c) => c.language !== language)];
  let quotations: Quotations | undefined;
  let introduced: ReturnType<typeof introducedPassages> | undefined;
  // A Markdown blockquote after an amending formula ("… is replaced by the following:") is the
  // draft's new wording, set off typographically: not a quotation of another text.
  const formatQuotes = source.quotations
    .filter((r) => source.format !== 'markdown' || !blockIsNewWording(text, r.start, cues))
    .sort((a, b) => a.start - b.start);
  const q: QuotedText = {
    cues,
    get quotations() {
      return (quotations ??= new Quotations(text, cues));
    },
    get introduced() {
      return (introduced ??= introducedPassages(source.textLines, cues));
    },
    formatQuotes,
    isQuoted(range) {
      regions ??= quotedRegions(q);
      return containedIn(regions, range);
    },
  };
  let regions: OffsetRange[] | undefined;
  return q;
}

/**
 * Every range of quoted text, merged and sorted: blockquotes, introduced passages and the
 * quotation marks classified as quotations of other texts (the outermost such span; a defined
 * term or inserted text is walked into, since it may itself quote).
 */
function quotedRegions(q: QuotedText): OffsetRange[] {
  const all: OffsetRange[] = [...q.formatQuotes, ...q.introduced];
  const visit = (spans: readonly QuoteSpan[]) => {
    for (const s of spans) {
      if (q.quotations.kind(s) === 'quotation') all.push(s.inner);
      else visit(s.children);
    }
  };
  visit(q.quotations.spans);
  all.sort((a, b) => a.start - b.start);
  const merged: OffsetRange[] = [];
  for (const r of all) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ start: r.start, end: r.end });
  }
  return merged;
}

/** Whether `range` lies inside one of the sorted, disjoint `regions`. */
function containedIn(regions: OffsetRange[], range: OffsetRange): boolean {
  let lo = 0;
  let hi = regions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid].start <= range.start) {
      if (range.end <= regions[mid].end) return true;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return false;
}
