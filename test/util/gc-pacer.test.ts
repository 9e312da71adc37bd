import { describe, expect, it } from "vitest";
import { gcPacer, withGcPacing } from "../../src/util/gc-pacer.js";

/** A fake heap: the test sets how much is in use; a collection brings it back to `live`. */
function fakeHeap(live: number) {
  const heap = { used: live, live, collections: 0 };
  return { heap, heapUsed: () => heap.used, collect: () => ((heap.collections += 1), (heap.used = heap.live)) };
}

describe("gcPacer", () => {
  it("collects only once the heap has grown by a step since the live size was measured", () => {
    const { heap, heapUsed, collect } = fakeHeap(100);
    const pacer = gcPacer({ stepBytes: 50, heapUsed, collect });
    heap.used = 149;
    pacer.check();
    expect(heap.collections).toBe(0);
    heap.used = 150;
    pacer.check();
    expect(heap.collections).toBe(1);
  });

  it("measures growth from the live size after the last collection, so real growth does not collect every time", () => {
    const { heap, heapUsed, collect } = fakeHeap(100);
    const pacer = gcPacer({ stepBytes: 50, heapUsed, collect });
    heap.live = 140;
    heap.used = 160;
    pacer.check();
    expect(heap.collections).toBe(1);
    heap.used = 180;
    pacer.check();
    expect(heap.collections).toBe(1);
    heap.used = 190;
    pacer.check();
    expect(heap.collections).toBe(2);
  });

  it("works with V8's own heap and gc() when given nothing", () => {
    expect(() => gcPacer({ stepBytes: 0 }).check()).not.toThrow();
  });
});

describe("withGcPacing", () => {
  it("passes progress through and lets the pacer look at the heap every few steps and at each stage", () => {
    const seen: string[] = [];
    let checks = 0;
    const progress = withGcPacing({ stage: (name, total) => seen.push(`${name}/${total}`), advance: (count = 1) => seen.push(`+${count}`) }, { check: () => checks++ }, 4);
    progress.stage("pages", 10);
    for (let i = 0; i < 9; i++) progress.advance();
    expect(seen).toEqual(["pages/10", ...Array.from({ length: 9 }, () => "+1")]);
    expect(checks).toBe(1 + 2);
  });
});
