/** What part of the site a written file belongs to, by its path: how the bench splits the output bytes. */
export type OutputPart =
  | "html pages"
  | "mirror: per-release files"
  | "mirror: release lists"
  | "mirror: artifact traces"
  | "mirror: release diffs"
  | "mirror: routes.json"
  | "reports"
  | "host glue"
  | "checksums and provenance"
  | "assets"
  | "other";

export const OUTPUT_PARTS: readonly OutputPart[] = [
  "html pages",
  "mirror: per-release files",
  "mirror: release lists",
  "mirror: artifact traces",
  "mirror: release diffs",
  "mirror: routes.json",
  "reports",
  "host glue",
  "checksums and provenance",
  "assets",
  "other",
];

const RELEASES = "api/aslan/delivery/releases/";

/**
 * Classifies an output path (POSIX, relative to the site root) by its prefix.
 * @example outputPart("api/aslan/delivery/releases/project/pay/index.json") // "mirror: release lists"
 */
export function outputPart(file: string): OutputPart {
  if (file.startsWith("reports/")) return "reports";
  if (file.startsWith("hosting/") || file === "_redirects") return "host glue";
  if (file === "SHA256SUMS" || file === "provenance.json" || file === "validation.json") return "checksums and provenance";
  if (file.startsWith("assets/")) return "assets";
  if (file === "api/routes.json") return "mirror: routes.json";
  if (file.startsWith("api/directory/dc/artifact/")) return "mirror: artifact traces";
  if (file.startsWith("api/zadig-snapshot/release-diff/")) return "mirror: release diffs";
  if (/^api\/aslan\/delivery\/releases\/[0-9a-f]{24}\.json$/.test(file)) return "mirror: per-release files";
  if (file.startsWith(RELEASES)) return "mirror: release lists";
  if (file.endsWith(".html")) return "html pages";
  return "other";
}

export interface PartTotals {
  readonly part: OutputPart;
  readonly files: number;
  readonly bytes: number;
}

/** Files and bytes per part, in OUTPUT_PARTS order, parts with no file left out. */
export function splitOutput(files: Iterable<{ readonly file: string; readonly bytes: number }>): PartTotals[] {
  const totals = new Map<OutputPart, { files: number; bytes: number }>();
  for (const { file, bytes } of files) {
    const part = outputPart(file);
    const total = totals.get(part) ?? { files: 0, bytes: 0 };
    total.files++;
    total.bytes += bytes;
    totals.set(part, total);
  }
  return OUTPUT_PARTS.flatMap((part) => {
    const total = totals.get(part);
    return total === undefined ? [] : [{ part, ...total }];
  });
}
