import { describe, expect, it } from "vitest";
import { mapAhead } from "../../src/util/map-ahead.js";

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("mapAhead", () => {
  it("yields results in input order even when later ones finish first", async () => {
    const results: number[] = [];
    for await (const value of mapAhead([30, 1, 20, 2], 4, (ms) => later(ms, ms))) results.push(value);
    expect(results).toEqual([30, 1, 20, 2]);
  });

  it("keeps at most `limit` tasks in flight", async () => {
    let running = 0;
    let most = 0;
    const task = async (n: number) => {
      running++;
      most = Math.max(most, running);
      await later(null, 2);
      running--;
      return n;
    };
    const results: number[] = [];
    for await (const value of mapAhead(Array.from({ length: 20 }, (_, i) => i), 3, task)) results.push(value);
    expect(results).toHaveLength(20);
    expect(most).toBe(3);
  });

  it("throws a task's failure where its result would have been, without an unhandled rejection from the others", async () => {
    const seen: number[] = [];
    const run = async () => {
      for await (const value of mapAhead([1, 2, 3], 3, async (n) => (n === 3 ? Promise.reject(new Error("three failed")) : later(n, 10)))) seen.push(value);
    };
    await expect(run()).rejects.toThrow("three failed");
    expect(seen).toEqual([1, 2]);
  });

  it("yields nothing for no items", async () => {
    for await (const _ of mapAhead([], 4, async () => 1)) throw new Error("nothing expected");
  });
});
