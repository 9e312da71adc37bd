/** Locale-independent string order (UTF-16 code units), so sorting is the same on every machine. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
