import type { Artifact } from "../schemas/artifact.js";
import type { ReleaseItem } from "../schemas/release.js";
import type { Snapshot } from "../model/types.js";
import { discover } from "./discover.js";
import { hasErrors, sortIssues, type Issue } from "./issues.js";
import { link } from "./link.js";
import { mergeByKey, type Located } from "./merge.js";
import { artifactKey, toArtifactTrace, toRelease } from "./normalize.js";
import { readInput, type InputFile } from "./read.js";
import { redactCommitCredentials, type Redaction } from "./redact.js";
import { validateFile } from "./validate.js";
import { mapLimited } from "../util/map-limited.js";

/** What an input file turned out to be. */
export interface InputOutcome extends InputFile {
  readonly kind: "releases" | "artifacts" | "rejected";
  readonly records: number;
}

export interface ImportResult {
  readonly snapshot: Snapshot;
  readonly inputs: readonly InputOutcome[];
  readonly issues: readonly Issue[];
  readonly redactions: readonly Redaction[];
  readonly ok: boolean;
}

/** discover → read → validate → redact → merge → normalize → link. Collects every issue from every file. */
export async function importData(inputDir: string): Promise<ImportResult> {
  const files = await discover(inputDir);
  const issues: Issue[] = [];
  const redactions: Redaction[] = [];
  const inputs: InputOutcome[] = [];
  const releases: Located<ReleaseItem>[] = [];
  const artifacts: Located<Artifact>[] = [];

  for (const read of await mapLimited(files, 16, (file) => readInput(inputDir, file))) {
    if (!read.ok) {
      issues.push(read.issue);
      inputs.push({ ...read.input, kind: "rejected", records: 0 });
      continue;
    }
    const { file } = read.input;
    const validated = validateFile(file, read.data);
    issues.push(...validated.issues);
    const result = validated.value;
    if (result.kind === "releases") {
      for (const { path, item, raw } of result.releases) {
        const redacted = redactCommitCredentials(raw, file, path);
        redactions.push(...redacted.redactions);
        releases.push({ key: item.versionInfo.id.toLowerCase(), file, path, item, raw: redacted.value });
      }
      inputs.push({ ...read.input, kind: "releases", records: result.releases.length });
    } else if (result.kind === "artifacts") {
      for (const { path, item, raw } of result.artifacts) {
        const redacted = redactCommitCredentials(raw, file, path);
        redactions.push(...redacted.redactions);
        artifacts.push({ key: artifactKey(item), file, path, item, raw: redacted.value });
      }
      inputs.push({ ...read.input, kind: "artifacts", records: result.artifacts.length });
    } else {
      inputs.push({ ...read.input, kind: "rejected", records: 0 });
    }
  }

  const mergedReleases = mergeByKey(releases, "release");
  const mergedArtifacts = mergeByKey(artifacts, "artifact trace for");
  issues.push(...mergedReleases.issues, ...mergedArtifacts.issues);

  const snapshot = link(
    mergedReleases.value.map((record) => toRelease(record.item, record.raw, record.file)),
    new Map(mergedArtifacts.value.map((record) => [record.key, toArtifactTrace(record.item, record.raw, record.file)])),
  );
  const sorted = sortIssues(issues);
  return { snapshot, inputs, issues: sorted, redactions, ok: !hasErrors(sorted) };
}
