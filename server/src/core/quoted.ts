import type { QuotedText } from './check';
import { allCues, cuesFor } from './cues';
import type { Source } from './source';
import { introducedPassages } from './structure/citations';
import { Quotations } from './structure/quotations';
import type { LanguageCode } from './terminology/pack';
import { inAnyRange } from './text/range';

/**
 * The quoted text of a draft: quotation marks, blockquotes and passages introduced as another
 * text's wording. Built lazily: a draft with no deprecated term and no cue inside quotation
 * marks never pays for classifying its quotations.
 */
export function quotedText(source: Source, text: string, language: LanguageCode): QuotedText {
  const cues = [cuesFor(language), ...allCues().filter((c) => c.language !== language)];
  let quotations: Quotations | undefined;
  let introduced: ReturnType<typeof introducedPassages> | undefined;
  const formatQuotes = [...source.quotations].sort((a, b) => a.start - b.start);
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
      if (inAnyRange(formatQuotes, range) || inAnyRange(q.introduced, range)) return true;
      return !!q.quotations.quotationAround(range);
    },
  };
  return q;
}
