import { FILE_HEADERS_ONLY, formatPatch } from "diff";
import { sha256Hex } from "../audit/digest.js";
import { linePatch } from "./line-diff.js";

/** A changed deploy YAML: the unified diff between the two releases' `yamlContents`, or why there is none. */
export interface YamlChange {
  readonly service: string;
  readonly container: string;
  /** Unified diff (`--- a/<service>/<container>`, `+++ b/…`, 3 lines of context); null when too large to compute. */
  readonly patch: string | null;
  readonly addedLines: number;
  readonly removedLines: number;
  /** sha256 of each side's text (documents joined by `---` lines), so a reader can tell them apart without the patch. */
  readonly beforeSha256: string;
  readonly afterSha256: string;
}

/** Past this many inserted plus deleted lines the diff is not computed: bounds the time (~0.1 s worst case per pair, measured) and the report size; deterministic, unlike a timeout. */
export const MAX_YAML_EDIT_LENGTH = 1000;

/**
 * The unified diff of one deploy row's YAML between two releases (jsdiff's, computed by src/diff/line-diff.ts), or null when the texts are equal.
 * @example yamlChange("api", "api", ["image: a:1\n"], ["image: a:2\n"])?.patch // "--- a/api/api\n+++ b/api/api\n@@ -1,1 +1,1 @@\n-image: a:1\n+image: a:2\n"
 */
export function yamlChange(service: string, container: string, before: readonly string[], after: readonly string[]): YamlChange | null {
  const beforeText = yamlText(before);
  const afterText = yamlText(after);
  if (beforeText === afterText) return null;
  const name = `${service}/${container}`.replace(/[\u0000-\u001f\u007f]/g, "\uFFFD");
  const patch = linePatch(`a/${name}`, `b/${name}`, beforeText, afterText, 3, MAX_YAML_EDIT_LENGTH);
  const lines = patch?.hunks.flatMap((hunk) => hunk.lines) ?? [];
  return {
    service,
    container,
    patch: patch === undefined ? null : formatPatch(patch, FILE_HEADERS_ONLY),
    addedLines: lines.filter((line) => line.startsWith("+")).length,
    removedLines: lines.filter((line) => line.startsWith("-")).length,
    beforeSha256: sha256Hex(beforeText),
    afterSha256: sha256Hex(afterText),
  };
}

/** Documents as one YAML stream: each ends with a newline, separated by `---` lines. */
export function yamlText(documents: readonly string[]): string {
  return documents.map((doc) => (doc.endsWith("\n") || doc === "" ? doc : `${doc}\n`)).join("---\n");
}
