import type { Snapshot } from "../../src/model/types.js";
import { isRecordBody, mirrorFiles } from "../../src/site/mirror.js";
import { isReleaseBody } from "../../src/site/release-files.js";
import type { JsonRoute, RouteTable } from "../../src/site/routes.js";

/** What mirrorFiles would write for the release-record files: the reference the streaming writer must match. */
export function expectedReleaseFiles(snapshot: Snapshot, routes: RouteTable): Map<string, string> {
  return expectedMirrorFiles(snapshot, routes, (route) => isReleaseBody(route.body));
}

/** What mirrorFiles would write for every file that is records as they are (release files, lists, artifact traces). */
export function expectedRecordFiles(snapshot: Snapshot, routes: RouteTable): Map<string, string> {
  return expectedMirrorFiles(snapshot, routes, (route) => isRecordBody(route.body));
}

function expectedMirrorFiles(snapshot: Snapshot, routes: RouteTable, wanted: (route: JsonRoute) => boolean): Map<string, string> {
  const files = new Set(routes.json.filter(wanted).map((route) => route.file));
  return new Map(
    mirrorFiles(snapshot, routes)
      .filter((file) => files.has(file.file))
      .map((file) => {
        const body = file.body();
        return [file.file, typeof body === "string" ? body : new TextDecoder().decode(body)];
      }),
  );
}
