import type { Analysis } from '../core/analyse';
import { Source, type SourceInit } from '../core/source';

/**
 * An analysis made in a worker thread, as it crosses to the main thread. Everything in it is
 * plain data (structured cloning keeps the links between provisions, units and findings) except
 * the Source, a class: it travels as its fields and is rebuilt on arrival.
 */
export interface PackedAnalysis {
  analysis: Omit<Analysis, 'source'>;
  source: Omit<SourceInit, 'encodeText'>;
}

/**
 * How much of the reading of the draft travels (what each unit does is most of the bytes):
 * - `all`;
 * - `provisions`: the tree of provisions only, for the language server's outline and folding (the
 *   checks that read the units have run already; their results are in the checklist);
 * - `none`: for receivers that only print findings, the CLI's formatters.
 */
export type ReadingToSend = 'all' | 'provisions' | 'none';

export function packAnalysis(analysis: Analysis, reading: ReadingToSend = 'all'): PackedAnalysis {
  const { source, ...rest } = keepReading(analysis, reading);
  return {
    analysis: rest,
    source: {
      uri: source.uri,
      original: source.original,
      format: source.format,
      // The same string twice would be copied twice.
      text: source.text === source.original ? undefined : source.text,
      segments: source.segments,
      quotations: source.quotations,
      provisions: source.provisions,
      definitions: source.definitions,
      declaredLanguage: source.declaredLanguage,
      notes: source.notes,
      problems: source.problems,
    },
  };
}

/** The analysis with only that much of its reading (the rest can be collected). */
export function keepReading(analysis: Analysis, reading: ReadingToSend): Analysis {
  if (reading === 'all') return analysis;
  const provisions = reading === 'provisions' ? analysis.reading.structure.provisions : [];
  return { ...analysis, reading: { structure: { provisions, units: [] }, units: [], byArticle: new Map(), byNumber: new Map(), language: analysis.reading.language } };
}

/**
 * The analysis again, around `source` when the receiver has (or rebuilds) the real one, or else
 * around a Source made from the fields that travelled. Only the way new text is escaped for the
 * file (XML) does not travel: such a Source serves positions and reports, not fixes.
 */
export function unpackAnalysis(packed: PackedAnalysis, source?: Source): Analysis {
  return { source: source ?? new Source(packed.source), ...packed.analysis } as Analysis;
}
