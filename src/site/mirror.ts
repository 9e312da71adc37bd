import type { Snapshot } from "../model/types.js";
import { releaseDiffOf } from "../diff/release-diffs.js";
import type { JsonBody, RouteTable } from "./routes.js";
import type { OutputFile } from "./write-files.js";

export const ROUTES_INDEX = "api/routes.json";

/** Canonical mirror JSON: 2-space indent, key order as exported, trailing newline. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A mirror body that is exported records as they are: one release, a list of them, or an artifact trace. */
export type RecordBody = Extract<JsonBody, { kind: "release" | "release-list" | "artifact" }>;

export function isRecordBody(body: JsonBody): body is RecordBody {
  return body.kind === "release" || body.kind === "release-list" || body.kind === "artifact";
}

export interface MirrorOptions {
  /** Leave out the files that are records as they are: the build's record files' worker writes those (`startRecordFiles`). */
  readonly withoutRecordFiles?: boolean;
}

/**
 * The JSON mirror as files: every route's body, plus `api/routes.json` listing `{route, query, file}`.
 * Each release is serialized once and reused by every list that holds it (byte-identical to toJsonText of the list).
 */
export function mirrorFiles(snapshot: Snapshot, routes: RouteTable, options: MirrorOptions = {}): OutputFile[] {
  const releaseText = new Map<string, string>();
  const serializedRelease = (id: string): string => {
    let text = releaseText.get(id);
    if (text === undefined) {
      text = snapshot.releasesById.get(id)?.raw.json() ?? "null";
      releaseText.set(id, text);
    }
    return text;
  };
  const bodyText = (body: JsonBody): string => {
    switch (body.kind) {
      case "release":
        return `${serializedRelease(body.releaseId)}\n`;
      case "release-list":
        return body.releaseIds.length === 0
          ? "[]\n"
          : `[\n${body.releaseIds.map((id) => `  ${serializedRelease(id).replace(/\n/g, "\n  ")}`).join(",\n")}\n]\n`;
      case "artifact":
        return `${snapshot.imagesByRef.get(body.reference)?.trace?.raw.json() ?? "null"}\n`;
      case "release-diff":
        return toJsonText(releaseDiffOf(snapshot, body.releaseId));
    }
  };
  const json = options.withoutRecordFiles === true ? routes.json.filter((route) => !isRecordBody(route.body)) : routes.json;
  return [
    ...json.map((route) => ({ file: route.file, body: () => bodyText(route.body) })),
    { file: ROUTES_INDEX, body: () => toJsonText(routes.json.map(({ route, query, file }) => ({ route, query, file }))) },
  ];
}
