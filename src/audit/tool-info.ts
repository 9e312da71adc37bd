import { readFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import * as z from "zod";
import { PACKAGE_ROOT } from "../site/package-root.js";
import { mapLimited } from "../util/map-limited.js";
import { sha256File, sha256Hex } from "./digest.js";
import { formatManifest, listTree } from "./manifest.js";

/** What produced a snapshot. Output depends on all of it, so provenance.json records all of it. */
export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  /** `process.version`: recorded because a different Node may serialize or render differently. */
  readonly node: string;
  readonly eleventy: string;
  /** SHA-256 of the sha256sum-style listing of `templates/` (pages, layouts, assets). */
  readonly templatesSha256: string;
}

const PackageJson = z.looseObject({ name: z.string(), version: z.string() });

export async function readToolInfo(): Promise<ToolInfo> {
  const pkg = PackageJson.parse(JSON.parse(await readFile(path.join(PACKAGE_ROOT, "package.json"), "utf8")));
  return {
    name: pkg.name,
    version: pkg.version,
    node: process.version,
    eleventy: Eleventy.getVersion(),
    templatesSha256: await folderDigest(path.join(PACKAGE_ROOT, "templates")),
  };
}

/** SHA-256 of the `sha256sum` listing of every file under `folder`, in byte order. */
async function folderDigest(folder: string): Promise<string> {
  const { files } = await listTree(folder);
  const entries = await mapLimited(files, 16, async (file) => ({ path: file, sha256: await sha256File(path.join(folder, file)) }));
  return sha256Hex(formatManifest(entries));
}
