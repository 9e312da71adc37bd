import type { RouteTable } from "./routes.js";
import type { OutputEntry, OutputFile } from "./write-files.js";

/**
 * Puts each release's other files (its diff JSON, its reports) right after its page, and everything that belongs
 * to no release first. Writing them together lets the release's diff, which all of them show, be computed once
 * and then dropped (src/diff/release-diffs.ts keeps only recent ones): holding every diff of 10,000 releases until
 * the reports were written cost about 250 MB.
 */
export function* withReleaseFiles(pages: Iterable<OutputFile>, files: readonly OutputEntry[], routes: RouteTable): Generator<OutputEntry> {
  const owner = new Map<string, string>();
  for (const [id, url] of routes.releasePage) owner.set(url, id);
  for (const [id, file] of routes.releaseDiffJson) owner.set(file, id);
  for (const report of routes.reports) {
    owner.set(report.html, report.releaseId);
    owner.set(report.md, report.releaseId);
  }
  const groups = new Map<string, OutputEntry[]>();
  for (const file of files) {
    const id = owner.get(file.file);
    if (id === undefined) {
      yield file;
      continue;
    }
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [file]);
    else group.push(file);
  }
  for (const page of pages) {
    yield page;
    const id = owner.get(page.file);
    const group = id === undefined ? undefined : groups.get(id);
    if (id === undefined || group === undefined) continue;
    groups.delete(id);
    yield* group;
  }
  for (const group of groups.values()) yield* group;
}
