import fc from "fast-check";
import nunjucks from "nunjucks";
import { describe, expect, it } from "vitest";
import { diffLines, diffSpans } from "../../src/site/diff-view.js";
import { escapeHtml, formatBytes, formatCount, formatDuration, formatTime, isoTime } from "../../src/site/format.js";

describe("formatTime", () => {
  it("shows unix seconds as a UTC date and time with the zone named", () => {
    expect(formatTime(1637726888)).toBe("2021-11-24 04:08:08 UTC");
    expect(formatTime(1)).toBe("1970-01-01 00:00:01 UTC");
  });

  it("shows a dash for a missing or zero time", () => {
    expect(formatTime(0)).toBe("—");
    expect(formatTime(null)).toBe("—");
  });

  it("shows a dash for times no date can hold", () => {
    expect(formatTime(-5)).toBe("—");
    expect(formatTime(Number.NaN)).toBe("—");
    expect(formatTime(Number.POSITIVE_INFINITY)).toBe("—");
    expect(formatTime(1e16)).toBe("—");
  });
});

describe("isoTime", () => {
  it("gives ISO 8601 in UTC without milliseconds", () => {
    expect(isoTime(1637726888)).toBe("2021-11-24T04:08:08Z");
  });

  it("gives an empty string for a missing, zero or impossible time", () => {
    expect(isoTime(0)).toBe("");
    expect(isoTime(null)).toBe("");
    expect(isoTime(-1)).toBe("");
    expect(isoTime(1e16)).toBe("");
  });
});

describe("formatBytes", () => {
  it("shows sizes in 1024-based units with up to two decimals", () => {
    expect(formatBytes(22578466)).toBe("21.53 MB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(1024)).toBe("1 KB");
    expect(formatBytes(1024 ** 3)).toBe("1 GB");
    expect(formatBytes(5 * 1024 ** 4)).toBe("5 TB");
  });

  it("shows small sizes in bytes", () => {
    expect(formatBytes(0)).toBe("0 Bytes");
    expect(formatBytes(1)).toBe("1 Bytes");
    expect(formatBytes(1023)).toBe("1023 Bytes");
  });

  it("stops at petabytes", () => {
    expect(formatBytes(1024 ** 6)).toBe("1024 PB");
  });

  it("shows a dash for a missing or impossible size", () => {
    expect(formatBytes(null)).toBe("—");
    expect(formatBytes(-1)).toBe("—");
    expect(formatBytes(Number.NaN)).toBe("—");
  });
});

describe("formatDuration", () => {
  it("shows seconds under a minute", () => {
    expect(formatDuration(1639467890, 1639467944)).toBe("54 s");
    expect(formatDuration(10, 10)).toBe("0 s");
  });

  it("shows minutes and seconds, dropping zero seconds", () => {
    expect(formatDuration(100, 164)).toBe("1 min 4 s");
    expect(formatDuration(100, 220)).toBe("2 min");
  });

  it("shows hours and minutes for an hour or more", () => {
    expect(formatDuration(100, 100 + 3600 + 2 * 60 + 5)).toBe("1 h 2 min");
    expect(formatDuration(100, 100 + 7200)).toBe("2 h 0 min");
  });

  it("shows nothing when a time is missing or the end is before the start", () => {
    expect(formatDuration(null, 1639467944)).toBe("");
    expect(formatDuration(1639467890, null)).toBe("");
    expect(formatDuration(200, 100)).toBe("");
  });
});

describe("formatCount", () => {
  it("groups thousands with commas", () => {
    expect(formatCount(1000)).toBe("1,000");
    expect(formatCount(22578466)).toBe("22,578,466");
    expect(formatCount(-1234)).toBe("-1,234");
  });

  it("leaves numbers below a thousand as they are", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(999)).toBe("999");
  });
});

describe("escapeHtml", () => {
  it("escapes exactly as Nunjucks' autoescape does, on any text", () => {
    const autoescaped = new nunjucks.Environment(null, { autoescape: true });
    expect(escapeHtml(`<script>alert("x")</script> & 'q' \\`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; &#92;");
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(escapeHtml(text)).toBe(autoescaped.renderString("{{ t }}", { t: text }));
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe("diffSpans", () => {
  it("gives one escaped span per diff line, classed by kind, each followed by a line feed", () => {
    const lines = diffLines("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-<b>old</b>\n+name: \"new\" & 'more'\n\\ No newline at end of file\n");
    expect(diffSpans(lines)).toBe(
      [
        '<span class="d-file">--- a/x</span>',
        '<span class="d-file">+++ b/x</span>',
        '<span class="d-hunk">@@ -1 +1 @@</span>',
        '<span class="d-del">-&lt;b&gt;old&lt;/b&gt;</span>',
        '<span class="d-add">+name: &quot;new&quot; &amp; &#39;more&#39;</span>',
        '<span class="d-note">&#92; No newline at end of file</span>',
        "",
      ].join("\n"),
    );
  });
});
