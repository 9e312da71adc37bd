import { describe, expect, it } from "vitest";
import { isLazyList, lazyList, toArray } from "../../src/util/lazy-list.js";

describe("lazyList", () => {
  it("makes an item only when asked for it, anew each time", () => {
    const made: number[] = [];
    const list = lazyList([1, 2, 3], (n) => (made.push(n), { n }));
    expect(list.length).toBe(3);
    expect(made).toEqual([]);
    expect(list.at(1)).toEqual({ n: 2 });
    expect(list.at(1)).not.toBe(list.at(1));
    expect(made).toEqual([2, 2, 2]);
  });

  it("refuses an index outside the list", () => {
    const list = lazyList(["a"], (s) => s);
    expect(() => list.at(1)).toThrow("lazy list: no item 1 of 1");
    expect(() => list.at(-1)).toThrow(RangeError);
  });

  it("makes every item at once for code that needs an array", () => {
    expect(toArray(lazyList([1, 2], (n) => n * 2))).toEqual([2, 4]);
  });

  it("is told apart from plain values", () => {
    expect(isLazyList(lazyList([], (n) => n))).toBe(true);
    expect(isLazyList({ length: 1 })).toBe(false);
    expect(isLazyList(null)).toBe(false);
  });
});
