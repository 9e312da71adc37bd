/** Minimum, median and maximum of some measurements. */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/**
 * The spread of a non-empty list; the median of an even count is the mean of the middle two.
 * @example spread([3, 1, 2]) // { min: 1, median: 2, max: 3 }
 */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError("spread() needs at least one value");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { min: sorted[0] as number, median, max: sorted[sorted.length - 1] as number };
}
