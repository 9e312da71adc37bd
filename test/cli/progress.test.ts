import { describe, expect, it } from "vitest";
import { createProgress, progressLine } from "../../src/cli/progress.js";

/** A fake terminal: records what is written; a clock the test moves by hand. */
function fakeTerminal(isTTY: boolean) {
  const writes: string[] = [];
  let now = 0;
  return {
    stream: { isTTY, write: (text: string) => writes.push(text) },
    clock: () => now,
    advanceClock: (ms: number) => {
      now += ms;
    },
    writes,
  };
}

describe("progressLine", () => {
  it("shows the stage, the count, the percentage and the time left at the rate so far", () => {
    expect(progressLine("rendering pages", 250, 1000, 5000)).toBe("rendering pages 250/1,000 (25%), about 15 s left");
  });

  it("gives minutes and seconds for long waits", () => {
    expect(progressLine("writing files", 1000, 40_003, 10_000)).toBe("writing files 1,000/40,003 (2%), about 6 min 30 s left");
  });

  it("promises no time left before the first step or once done, and never counts past the total", () => {
    expect(progressLine("reading exports", 0, 10, 3000)).toBe("reading exports 0/10 (0%)");
    expect(progressLine("reading exports", 12, 10, 3000)).toBe("reading exports 10/10 (100%)");
  });

  it("names a stage of unknown length without a count", () => {
    expect(progressLine("writing checksums", 0, null, 3000)).toBe("writing checksums…");
  });
});

describe("createProgress", () => {
  it("stays silent during the first second, so quick builds print nothing", () => {
    const term = fakeTerminal(true);
    const progress = createProgress({ stream: term.stream, clock: term.clock });
    progress.stage("rendering pages", 10);
    term.advanceClock(500);
    progress.advance(5);
    progress.end();
    expect(term.writes).toEqual([]);
  });

  it("redraws one line in place on a terminal, at most every 100 ms, and erases it at the end", () => {
    const term = fakeTerminal(true);
    const progress = createProgress({ stream: term.stream, clock: term.clock });
    term.advanceClock(2000);
    progress.stage("rendering pages", 100);
    term.advanceClock(1000);
    progress.advance(10);
    progress.advance(10);
    term.advanceClock(1000);
    progress.advance(20);
    progress.end();
    expect(term.writes).toEqual([
      "\r\x1b[Krendering pages 0/100 (0%)",
      "\r\x1b[Krendering pages 10/100 (10%), about 9 s left",
      "\r\x1b[Krendering pages 40/100 (40%), about 3 s left",
      "\r\x1b[K",
    ]);
  });

  it("shows each new stage at once, from a count of zero", () => {
    const term = fakeTerminal(true);
    const progress = createProgress({ stream: term.stream, clock: term.clock });
    term.advanceClock(1500);
    progress.stage("reading exports", 3);
    progress.advance(3);
    progress.stage("writing checksums", null);
    expect(term.writes.at(-1)).toBe("\r\x1b[Kwriting checksums…");
  });

  it("writes nothing when the stream is not a terminal", () => {
    const term = fakeTerminal(false);
    const progress = createProgress({ stream: term.stream, clock: term.clock });
    term.advanceClock(5000);
    progress.stage("rendering pages", 10);
    progress.advance(5);
    progress.end();
    expect(term.writes).toEqual([]);
  });

  it("writes nothing with --quiet, even on a terminal", () => {
    const term = fakeTerminal(true);
    const progress = createProgress({ stream: term.stream, clock: term.clock, quiet: true });
    term.advanceClock(5000);
    progress.stage("rendering pages", 10);
    progress.advance(5);
    progress.end();
    expect(term.writes).toEqual([]);
  });

  it("erases nothing when nothing was shown", () => {
    const term = fakeTerminal(true);
    const progress = createProgress({ stream: term.stream, clock: term.clock });
    progress.end();
    expect(term.writes).toEqual([]);
  });
});
