/** A half-open range [start, end) of UTF-16 offsets into a text. */
export interface OffsetRange {
  start: number;
  end: number;
}

export function contains(outer: OffsetRange, inner: OffsetRange): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function overlaps(a: OffsetRange, b: OffsetRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Ranges sorted by start; true when `offset` lies inside one of them (binary search). */
export function inAnyRange(sorted: readonly OffsetRange[], range: OffsetRange): OffsetRange | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = sorted[mid];
    if (r.end <= range.start) lo = mid + 1;
    else if (r.start >= range.end) hi = mid - 1;
    else return r;
  }
  return undefined;
}

/**
 * The last index whose value is at most `value` in an ascending list of offsets (line starts,
 * chunk starts); 0 when `value` is before them all.
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
