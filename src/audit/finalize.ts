import { utimes } from "node:fs/promises";
import path from "node:path";
import { mapLimited } from "../util/map-limited.js";
import type { FileLedger } from "./file-ledger.js";
import { MANIFEST_FILE, writeManifest, type WrittenManifest } from "./manifest.js";
import type { GeneratedAt } from "./source-date.js";

/** 1980-01-01: zip cannot store earlier dates, so file times are clamped to it (reproducible-builds.org, archives). */
const ZIP_EPOCH = 315_532_800;

/**
 * The last build step: writes SHA256SUMS over every file in `root`, then sets every file's and folder's
 * modification time to the generated-at time, so `tar`/`zip` of the snapshot is reproducible too.
 */
export async function finalizeSnapshot(root: string, at: GeneratedAt, ledger?: FileLedger): Promise<WrittenManifest> {
  const manifest = await writeManifest(root, ledger);
  if (at.seconds !== null) {
    const seconds = Math.max(at.seconds, ZIP_EPOCH);
    // The manifest's own listing of the tree (files, then folders: a folder's time changes as entries are added).
    const paths = [...manifest.listed.map((entry) => entry.path), MANIFEST_FILE, ...manifest.folders];
    await mapLimited(paths, 32, (relative) => utimes(path.join(root, relative), seconds, seconds));
    await utimes(root, seconds, seconds);
  }
  return manifest;
}
