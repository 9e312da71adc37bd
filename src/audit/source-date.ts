import { UsageError } from "../cli/errors.js";
import type { Snapshot } from "../model/types.js";

/** The largest timestamp accepted (9999-12-31T23:59:59Z), as clang and others bound SOURCE_DATE_EPOCH. */
export const MAX_EPOCH = 253_402_300_799;

/**
 * Reads `SOURCE_DATE_EPOCH` (https://reproducible-builds.org/specs/source-date-epoch/): unset gives null; a
 * value must be a non-negative integer of seconds, as `date +%s` prints it. Anything else (empty, "1e9", "-1",
 * " 12", a date) is a usage error, exit 2: a build that silently ignored it would not be reproducible.
 * @example parseSourceDateEpoch("1700000000") // 1700000000
 */
export function parseSourceDateEpoch(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^[0-9]{1,15}$/.test(value) || Number(value) > MAX_EPOCH) {
    throw new UsageError(
      `SOURCE_DATE_EPOCH=${JSON.stringify(value)} is not a UNIX timestamp; expected whole seconds since 1970-01-01 UTC from 0 to ${MAX_EPOCH}, as \`date +%s\` prints (e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)). Unset it to use the newest time in the data.`,
    );
  }
  return Number(value);
}

/** When the snapshot says it was generated, and where that time came from. Never the wall clock. */
export interface GeneratedAt {
  /** Unix seconds, or null when neither SOURCE_DATE_EPOCH nor any time in the data is known. */
  readonly seconds: number | null;
  readonly source: "SOURCE_DATE_EPOCH" | "newest time in the data" | "unknown";
}

export function generatedAt(sourceDateEpoch: number | null, snapshot: Snapshot): GeneratedAt {
  if (sourceDateEpoch !== null) return { seconds: sourceDateEpoch, source: "SOURCE_DATE_EPOCH" };
  const newest = newestTimestamp(snapshot);
  return newest === null ? { seconds: null, source: "unknown" } : { seconds: newest, source: "newest time in the data" };
}

/**
 * The newest time recorded anywhere in the snapshot ("data as of"): release creation, deploy and build
 * start/end, artifact creation and activity times. Null for an empty snapshot.
 */
export function newestTimestamp(snapshot: Snapshot): number | null {
  let newest: number | null = null;
  const see = (seconds: number | null) => {
    if (seconds !== null && Number.isFinite(seconds) && seconds > 0 && seconds <= MAX_EPOCH && (newest === null || seconds > newest)) newest = seconds;
  };
  for (const release of snapshot.releases) {
    see(release.createdAt);
    for (const deploy of release.deploys) [deploy.startTime, deploy.endTime].forEach(see);
    for (const build of release.builds) [build.startTime, build.endTime].forEach(see);
  }
  for (const image of snapshot.images) {
    if (image.trace === null) continue;
    see(image.trace.createdTime);
    for (const activity of image.trace.activities) [activity.createdTime, activity.startTime, activity.endTime].forEach(see);
  }
  return newest;
}
