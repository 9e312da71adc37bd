import path from "node:path";
import { HtmlValidate } from "html-validate";
import { beforeAll, describe, expect, it } from "vitest";
import { readTree } from "../helpers.js";
import { elements, links } from "../html.js";
import { buildSample } from "../tools.js";
import { HTML_VALIDATE_CONFIG } from "./html-validate-config.js";

/**
 * Whole-site checks over the sample build. That every href/src names a file that exists is checked in
 * build.test.ts ("makes every link relative and to a file"); this adds validity and #fragment targets.
 */
describe("every page of the sample site", () => {
  let pages: [string, string][];
  beforeAll(async () => {
    const tree = readTree(await buildSample());
    pages = [...tree].filter(([file]) => file.endsWith(".html")).map(([file, bytes]) => [file, bytes.toString("utf8")]);
  });

  it("is valid HTML under the project's strict html-validate config", async () => {
    expect(pages.length).toBeGreaterThan(30);
    const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
    const problems: string[] = [];
    for (const [file, html] of pages) {
      const report = await validator.validateString(html, file);
      for (const result of report.results) {
        for (const message of result.messages) problems.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("points every #fragment link at an element that exists on the target page", () => {
    const ids = new Map(pages.map(([file, html]) => [file, new Set(elements(html).flatMap((element) => element.attrs.get("id") ?? []))]));
    let checked = 0;
    for (const [file, html] of pages) {
      for (const link of links(html)) {
        if (link.tag !== "a" || /^https?:/.test(link.value)) continue;
        const [target = "", fragment] = link.value.split("#");
        if (fragment === undefined || fragment === "") continue;
        const page = target === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
        expect(ids.get(page)?.has(decodeURIComponent(fragment)), `${file}: ${link.value}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
