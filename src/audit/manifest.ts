import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { mapLimited } from "../util/map-limited.js";
import { byteOrder, digestFile, sha256Hex, type FileDigest } from "./digest.js";
import type { FileLedger } from "./file-ledger.js";

/** The checksum manifest at the snapshot root, in GNU `sha256sum` format. */
export const MANIFEST_FILE = "SHA256SUMS";

export interface ManifestEntry {
  readonly path: string;
  readonly sha256: string;
}

/** Every entry under `root`, as POSIX paths relative to it: regular files, folders, and anything else (symlinks, sockets). */
export async function listTree(root: string): Promise<{ files: string[]; folders: string[]; others: string[] }> {
  const files: string[] = [];
  const folders: string[] = [];
  const others: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const relative = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    (entry.isFile() ? files : entry.isDirectory() ? folders : others).push(relative);
  }
  return { files: files.sort(byteOrder), folders: folders.sort(byteOrder), others: others.sort(byteOrder) };
}

/** Whether `sha256sum` would escape this name (a backslash, line feed or carriage return in it). */
export function needsEscaping(name: string): boolean {
  return /[\\\n\r]/.test(name);
}

/**
 * The manifest text as `sha256sum` prints it: `<sha256>  <path>` per file, sorted by byte order, LF line endings.
 * A name with a backslash or a line break gets GNU's escaped form (a leading `\\`); site paths never need it.
 * @example formatManifest([{ path: "index.html", sha256: "ab…" }]) // "ab…  index.html\n"
 */
export function formatManifest(entries: readonly ManifestEntry[]): string {
  return [...entries]
    .sort((a, b) => byteOrder(a.path, b.path))
    .map((entry) =>
      needsEscaping(entry.path)
        ? `\\${entry.sha256}  ${entry.path.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r")}\n`
        : `${entry.sha256}  ${entry.path}\n`,
    )
    .join("");
}

/** What `writeManifest` wrote: the manifest's own SHA-256, the files it lists with their sizes, and the folders. */
export interface WrittenManifest {
  readonly sha256: string;
  readonly listed: readonly (ManifestEntry & FileDigest)[];
  /** Every folder under the root, relative to it. */
  readonly folders: readonly string[];
  /** Size of SHA256SUMS itself. */
  readonly size: number;
}

/**
 * Hashes every file under `root` except the manifest itself and writes `SHA256SUMS`. Must run last: it covers
 * exactly what is on disk. A file the ledger recorded as it was written is not read again; any other is.
 * Returns the manifest's own SHA-256, which the build prints (the site cannot hold it).
 */
export async function writeManifest(root: string, ledger?: FileLedger): Promise<WrittenManifest> {
  const { files, folders, others } = await listTree(root);
  if (others.length > 0) throw new Error(`manifest: the build wrote something that is not a regular file: ${others.join(", ")}`);
  const paths = files.filter((file) => file !== MANIFEST_FILE);
  const escaped = paths.filter(needsEscaping);
  if (escaped.length > 0) throw new Error(`manifest: the build wrote names that sha256sum would escape: ${JSON.stringify(escaped)}`);
  const listed = await mapLimited(paths, 16, async (file) => ({ path: file, ...(ledger?.digest(file) ?? (await digestFile(path.join(root, file)))) }));
  const text = formatManifest(listed);
  await writeFile(path.join(root, MANIFEST_FILE), text);
  return { sha256: sha256Hex(text), listed, folders, size: Buffer.byteLength(text) };
}

export type ParsedManifest = { readonly entries: readonly ManifestEntry[]; readonly problems: readonly string[] };

/**
 * Reads a manifest as `sha256sum -c` would (text or binary mode marker), strictly: a malformed, escaped,
 * duplicated or CRLF line is a problem, reported by line number.
 */
export function parseManifest(text: string): ParsedManifest {
  const entries: ManifestEntry[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  else if (text !== "") problems.push(`${MANIFEST_FILE}: the last line has no line feed`);
  lines.forEach((line, index) => {
    const where = `${MANIFEST_FILE} line ${index + 1}`;
    const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    if (line.endsWith("\r")) problems.push(`${where}: ends with a carriage return (CRLF); expected LF line endings`);
    else if (line.startsWith("\\")) problems.push(`${where}: uses GNU name escaping, which zadig-snapshot never writes`);
    else if (match === null) problems.push(`${where}: expected "<64 hex digits>  <path>", found ${JSON.stringify(line.slice(0, 80))}`);
    else {
      const [, hash = "", file = ""] = match;
      if (seen.has(file)) problems.push(`${where}: ${file} is listed twice`);
      seen.add(file);
      entries.push({ path: file, sha256: hash.toLowerCase() });
    }
  });
  return { entries, problems };
}
