import { describe, expect, it } from "vitest";
import { BENCH_DEFAULTS, parseBenchArgs, tenth } from "../../src/bench/bench-args.js";
import { formatScale, formatTargets, ratioToFloor, type ScaleResult, type SideResult } from "../../src/bench/bench-report.js";
import { parseLayout } from "../../src/bench/floor.js";
import { parseGnuTime, parseResourceUsage } from "../../src/bench/measure.js";
import { outputPart, splitOutput } from "../../src/bench/output-split.js";
import { spread } from "../../src/bench/stats.js";

describe("parseBenchArgs", () => {
  it("defaults to 10,000 releases, 30,000 images and 3 runs", () => {
    expect(parseBenchArgs([])).toEqual({ ok: true, help: false, options: BENCH_DEFAULTS });
    expect(BENCH_DEFAULTS).toMatchObject({ releases: 10_000, images: 30_000, runs: 3 });
  });

  it("reads every option", () => {
    expect(parseBenchArgs(["--releases", "1000", "--images", "3000", "--runs", "5", "--seed", "7"])).toEqual({
      ok: true,
      help: false,
      options: { releases: 1000, images: 3000, runs: 5, seed: 7 },
    });
  });

  it("rejects values it cannot run, saying what was found", () => {
    expect(parseBenchArgs(["--runs", "0"])).toMatchObject({ ok: false, message: expect.stringContaining("--runs must be from 1 to 20, found 0") });
    expect(parseBenchArgs(["--releases", "5"])).toMatchObject({ ok: false, message: expect.stringContaining("--releases must be at least 10") });
    expect(parseBenchArgs(["--releases", "1e3"])).toMatchObject({ ok: false, message: expect.stringContaining('--releases must be a whole number, found "1e3"') });
    expect(parseBenchArgs(["--releases", "10", "--images", "500"])).toMatchObject({ ok: false, message: expect.stringContaining("images (500) must be at most") });
    expect(parseBenchArgs(["--fast"])).toMatchObject({ ok: false, message: expect.stringContaining("Run with --help") });
  });

  it("answers --help", () => {
    expect(parseBenchArgs(["--help"])).toEqual({ ok: true, help: true });
  });

  it("measures the small scale at a tenth of the full one", () => {
    expect(tenth({ releases: 10_000, images: 30_000 })).toEqual({ releases: 1000, images: 3000 });
  });
});

describe("spread", () => {
  it("gives min, median and max, the median of an even count being the mean of the middle two", () => {
    expect(spread([3, 1, 2])).toEqual({ min: 1, median: 2, max: 3 });
    expect(spread([4, 1, 3, 2])).toEqual({ min: 1, median: 2.5, max: 4 });
  });

  it("refuses an empty list", () => {
    expect(() => spread([])).toThrow(RangeError);
  });
});

describe("outputPart", () => {
  it.each([
    ["index.html", "html pages"],
    ["releases/pay/1.0-aaaaaaaaaaaaaaaaaaaaaaaa/index.html", "html pages"],
    ["api/aslan/delivery/releases/0123456789abcdef01234567.json", "mirror: per-release files"],
    ["api/aslan/delivery/releases/index.json", "mirror: release lists"],
    ["api/aslan/delivery/releases/project/pay/service/api.json", "mirror: release lists"],
    ["api/directory/dc/artifact/h/0123456789abcdef.json", "mirror: artifact traces"],
    ["api/zadig-snapshot/release-diff/0123456789abcdef01234567.json", "mirror: release diffs"],
    ["api/routes.json", "mirror: routes.json"],
    ["reports/pay/1.0-aaaaaaaaaaaaaaaaaaaaaaaa.html", "reports"],
    ["hosting/nginx/zadig-snapshot-maps.conf", "host glue"],
    ["_redirects", "host glue"],
    ["SHA256SUMS", "checksums and provenance"],
    ["assets/site.css", "assets"],
    ["robots.txt", "other"],
  ])("puts %s under %s", (file, part) => {
    expect(outputPart(file)).toBe(part);
  });

  it("totals files and bytes per part, in a fixed order", () => {
    expect(
      splitOutput([
        { file: "reports/a.md", bytes: 5 },
        { file: "index.html", bytes: 10 },
        { file: "img/x/index.html", bytes: 20 },
      ]),
    ).toEqual([
      { part: "html pages", files: 2, bytes: 30 },
      { part: "reports", files: 1, bytes: 5 },
    ]);
  });
});

describe("reading a child's resource use", () => {
  it("reads GNU time's user, system and peak RSS, after an exit-status line", () => {
    expect(parseGnuTime("Command exited with non-zero status 1\n12.50 3.25 1048576\n")).toEqual({ userMs: 12500, sysMs: 3250, maxRssBytes: 1024 ** 3 });
    expect(parseGnuTime("")).toBeNull();
  });

  it("reads process.resourceUsage() (µs and KB)", () => {
    expect(parseResourceUsage('{"userCPUTime":1500000,"systemCPUTime":250000,"maxRSS":2048}')).toEqual({ userMs: 1500, sysMs: 250, maxRssBytes: 2 * 1024 ** 2 });
    expect(parseResourceUsage("{}")).toBeNull();
    expect(parseResourceUsage("not json")).toBeNull();
  });
});

describe("parseLayout", () => {
  it("reads [{file, bytes}] and refuses anything else", () => {
    expect(parseLayout('[{"file":"a.html","bytes":3}]')).toEqual([{ file: "a.html", bytes: 3 }]);
    expect(() => parseLayout('{"file":"a"}')).toThrow("layout: expected a JSON array");
    expect(() => parseLayout('[{"file":"a"}]')).toThrow("layout: item 0 is not {file, bytes}");
  });
});

describe("the bench report", () => {
  const side = (wall: number, pages: number): SideResult => ({
    wallMs: { min: wall * 0.9, median: wall, max: wall * 1.1 },
    cpuMs: { min: wall, median: wall, max: wall },
    maxRssBytes: { min: 1e9, median: 1.1e9, max: 1.2e9 },
    pages,
    files: pages * 3,
    bytes: 5e9,
  });
  const scale = (releases: number, buildWall: number, floorWall: number): ScaleResult => ({
    releases,
    images: releases * 3,
    inputFiles: 100,
    inputBytes: 5e8,
    runs: 3,
    build: side(buildWall, releases * 4),
    floor: side(floorWall, releases * 4),
    floorSetupMs: 1234,
    split: [{ part: "html pages", files: releases * 4, bytes: 5e9 }],
  });

  it("divides the build's median wall time by the floor's", () => {
    expect(ratioToFloor(scale(10_000, 90_000, 50_000))).toBeCloseTo(1.8);
  });

  it("prints both sides with ms per page, the ratio and output/input bytes", () => {
    const text = formatScale(scale(10_000, 90_000, 50_000));
    expect(text).toContain("10,000 releases / 30,000 images");
    expect(text).toMatch(/build\s+81\.00 \/ 90\.00 \/ 99\.00/);
    expect(text).toContain("build / floor (median wall): 1.80");
    expect(text).toContain("output bytes / input bytes: 10.00");
    expect(text).toMatch(/html pages\s+40,000 files\s+5,000,000,000 bytes\s+100\.0%/);
  });

  it("states each target with its value and verdict, and ends with the ratio line", () => {
    const lines = formatTargets(scale(10_000, 90_000, 50_000), scale(1000, 8_000, 5_000), { releases: 100, wallMs: { min: 2000, median: 2500, max: 3500 } }).split("\n");
    expect(lines).toContain("  build within 2.0x the floor: 1.80x, met");
    expect(lines).toContain("  peak RSS under 1.5 GB (highest run): 1.12 GB, met");
    expect(lines).toContain("  100 releases under 3 s wall (median): 2.50 s, met");
    expect(lines.find((line) => line.startsWith("  linear"))).toMatch(/x1\.13, met$/);
    expect(lines.at(-1)).toBe("ratio-to-floor: 1.80");
  });

  it("says NOT met when a target is missed", () => {
    const text = formatTargets(scale(10_000, 150_000, 50_000), scale(1000, 8_000, 5_000), { releases: 100, wallMs: { min: 4000, median: 4000, max: 4000 } });
    expect(text).toContain("3.00x, NOT met");
    expect(text).toContain("4.00 s, NOT met");
  });
});
