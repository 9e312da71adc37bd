/**
 * A list whose items are made when asked for and not kept: a build's 40,000 page views are made one page at a
 * time, as each page is rendered, instead of all being held at once.
 */
export interface LazyList<T> {
  readonly length: number;
  /** Makes item `index` (a new object on every call). */
  at(index: number): T;
}

/**
 * @example lazyList([1, 2], (n) => ({ n })).at(1) // { n: 2 }
 */
export function lazyList<S, T>(source: readonly S[], make: (item: S) => T): LazyList<T> {
  return {
    length: source.length,
    at(index) {
      if (!Number.isInteger(index) || index < 0 || index >= source.length) throw new RangeError(`lazy list: no item ${index} of ${source.length}`);
      return make(source[index] as S);
    },
  };
}

/** Every item, made now: for code that needs a real array (Eleventy's pagination, tests). */
export function toArray<T>(list: LazyList<T>): T[] {
  return Array.from({ length: list.length }, (_, index) => list.at(index));
}

export function isLazyList(value: unknown): value is LazyList<unknown> {
  return typeof value === "object" && value !== null && typeof Reflect.get(value, "length") === "number" && typeof Reflect.get(value, "at") === "function";
}
