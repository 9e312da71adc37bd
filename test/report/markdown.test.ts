import { marked, type Tokens } from "marked";
import { describe, expect, it } from "vitest";
import { mdCode, mdFence, mdTable, mdText } from "../../src/report/markdown.js";
import { elements } from "../html.js";

/** Values an export could hold to break a table, start a block, or smuggle HTML or a link into a ticket. */
const HOSTILE = [
  "a | b || c",
  "line one\nline two\r\nthree\u2028four",
  "`code` ``double``",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "# heading",
  "- item",
  "1. first",
  "---",
  "[click](javascript:alert(1))",
  "![x](https://evil.example/x.png)",
  "see https://evil.example/login, www.evil.example or help@evil.example",
  "**bold** _em_ ~~strike~~",
  "back\\slash\\|pipe\\",
  "tab\there\u0000nul",
  "",
];

const tables = (markdown: string) => marked.lexer(markdown, { gfm: true }).filter((token): token is Tokens.Table => token.type === "table");

describe("mdText", () => {
  it("keeps every hostile value in its own cell: the table parses with the right column count and the text intact", () => {
    const markdown = mdTable(["Value", "Next"], HOSTILE.map((value) => [mdText(value), "ok"]));
    const [table, ...others] = tables(markdown);
    expect(others).toEqual([]);
    expect(table?.header.map((cell) => cell.text)).toEqual(["Value", "Next"]);
    expect(table?.rows).toHaveLength(HOSTILE.length);
    for (const row of table?.rows ?? []) {
      expect(row).toHaveLength(2);
      expect(row[1]?.text).toBe("ok");
    }
  });

  it("renders hostile values as text, never as HTML elements, links or images", () => {
    const html = marked.parse(mdTable(["Value"], HOSTILE.map((value) => [mdText(value)])), { async: false, gfm: true });
    const tags = new Set(elements(html).map((element) => element.tag));
    expect([...tags].sort()).toEqual(["body", "head", "html", "table", "tbody", "td", "th", "thead", "tr"]);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("a | b || c");
    expect(html).toContain("[click](javascript:alert(1))");
  });

  it("turns line breaks into spaces and drops control characters", () => {
    expect(mdText("line one\nline two\r\nthree")).toBe("line one line two three");
    expect(mdText("tab\there\u0000nul")).toBe("tab herenul");
  });

  it("escapes what would start a block when a value begins a line", () => {
    for (const value of ["# heading", "- item", "+ item", "1. first", "2) second", "---", "=== ", "> quote"]) {
      const tokens = marked.lexer(mdText(value), { gfm: true });
      expect(tokens.map((token) => token.type), value).toEqual(["paragraph"]);
    }
    expect(mdText("2.4.1")).toBe("2.4.1");
  });

  it("writes an empty value as a dash, so a cell is never blank by accident", () => {
    expect(mdText("  \n ")).toBe("—");
  });
});

describe("mdCode", () => {
  it("puts identifiers in a code span and falls back to escaped text for anything else", () => {
    expect(mdCode("registry.example.com:5000/team/app:1.2.3")).toBe("`registry.example.com:5000/team/app:1.2.3`");
    expect(mdCode("sha256:abc")).toBe("`sha256:abc`");
    expect(mdCode("a`b|c")).toBe("a\\`b\\|c");
  });
});

describe("mdTable", () => {
  it("writes a header, an alignment row and one row per entry, padding or cutting rows to the header's width", () => {
    expect(mdTable(["A", "B"], [["1"], ["2", "3", "4"]], ["left", "right"])).toBe("| A | B |\n| --- | ---: |\n| 1 |  |\n| 2 | 3 |\n");
  });
});

describe("mdFence", () => {
  it("uses a fence longer than any backtick run inside, so the content cannot close it", () => {
    const content = "+a\n```\n<script>x</script>\n````\n";
    const block = mdFence("diff", content);
    expect(block.startsWith("`````diff\n")).toBe(true);
    const tokens = marked.lexer(block, { gfm: true });
    expect(tokens.map((token) => token.type)).toEqual(["code"]);
    expect(tokens[0]?.type === "code" ? tokens[0].text : "").toBe(content.slice(0, -1));
  });
});
