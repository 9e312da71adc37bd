import { lstat, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../cli/errors.js";
import { discover } from "../importer/discover.js";
import { mapLimited } from "../util/map-limited.js";
import { sha256File, sha256Hex } from "./digest.js";
import { listTree, MANIFEST_FILE, parseManifest, type ManifestEntry } from "./manifest.js";
import { PROVENANCE_FILE, ProvenanceFile, type ProvenanceInput } from "./provenance.js";

/** Detached signatures of SHA256SUMS that a publisher may add after the build (hosting notes §3.3): not "extra". */
export const SIGNATURE_FILES: readonly string[] = [
  "SHA256SUMS.asc",
  "SHA256SUMS.gpg",
  "SHA256SUMS.sig",
  "SHA256SUMS.minisig",
  "SHA256SUMS.sigstore.json",
];

export interface VerifyResult {
  /** SHA-256 of SHA256SUMS as found, null when it is missing: compare it with the digest recorded at publication. */
  readonly manifestSha256: string | null;
  /** Files listed in SHA256SUMS. */
  readonly listed: number;
  /** One line per problem ("modified: index.html: …"); empty when everything matches. */
  readonly problems: readonly string[];
  /** Signature files found beside SHA256SUMS (not covered by it; checked with their own tool). */
  readonly signatures: readonly string[];
  /** Input files compared with provenance.json, or null without --input. */
  readonly inputsChecked: number | null;
}

/**
 * Re-hashes a published snapshot against its SHA256SUMS and reports every modified, missing or extra file.
 * Never reads outside `dir`: a listed path that is absolute, has `..` or resolves through a symlink out of the
 * folder is a problem, not a read. With `inputDir`, also checks the inputs against provenance.json.
 */
export async function verifySnapshot(dir: string, options: { readonly inputDir?: string } = {}): Promise<VerifyResult> {
  const info = await stat(dir).catch(() => null);
  if (info === null || !info.isDirectory()) throw new UserError(`${dir} is not a folder; pass the snapshot folder (the one holding ${MANIFEST_FILE}).`);
  const root = await realpath(dir);
  const text = await readRegularFile(root, MANIFEST_FILE);
  if (text === null) {
    return { manifestSha256: null, listed: 0, problems: [`missing: ${MANIFEST_FILE} (not a zadig-snapshot snapshot, or its manifest was removed)`], signatures: [], inputsChecked: null };
  }
  const manifest = parseManifest(text);
  const problems = [...manifest.problems];
  const fileProblems = await mapLimited(manifest.entries, 16, (entry) => checkEntry(root, entry));
  problems.push(...fileProblems.flatMap((problem) => (problem === null ? [] : [problem])));

  const listed = new Set(manifest.entries.map((entry) => entry.path));
  const tree = await listTree(root);
  const signatures = tree.files.filter((file) => SIGNATURE_FILES.includes(file));
  for (const file of tree.files) {
    if (!listed.has(file) && file !== MANIFEST_FILE && !signatures.includes(file)) problems.push(`extra: ${file}: not listed in ${MANIFEST_FILE}`);
  }
  for (const other of tree.others) {
    if (!listed.has(other)) problems.push(`extra: ${other}: a symbolic link or special file, not listed in ${MANIFEST_FILE}`);
  }

  let inputsChecked: number | null = null;
  if (options.inputDir !== undefined) {
    const inputs = await checkInputs(root, options.inputDir);
    problems.push(...inputs.problems);
    inputsChecked = inputs.checked;
  }
  return { manifestSha256: sha256Hex(text), listed: manifest.entries.length, problems, signatures, inputsChecked };
}

async function checkEntry(root: string, entry: ManifestEntry): Promise<string | null> {
  if (!isContainedPath(entry.path)) return `unsafe: ${JSON.stringify(entry.path)}: ${MANIFEST_FILE} names a path outside the snapshot; it was not read`;
  const full = path.join(root, ...entry.path.split("/"));
  const info = await lstat(full).catch(() => null);
  if (info === null) return `missing: ${entry.path}`;
  if (!info.isFile()) return `modified: ${entry.path}: expected a regular file, found ${info.isSymbolicLink() ? "a symbolic link" : "something else"}`;
  // A parent folder may be a symlink out of the snapshot: resolve and refuse to read outside.
  const real = await realpath(full);
  if (!real.startsWith(root + path.sep)) return `unsafe: ${entry.path}: resolves outside the snapshot through a symbolic link; it was not read`;
  const found = await sha256File(full);
  return found === entry.sha256 ? null : `modified: ${entry.path}: sha256 expected ${entry.sha256}, found ${found}`;
}

/** A relative POSIX path with no empty, "." or ".." segment and no NUL: it cannot name anything outside its root. */
export function isContainedPath(file: string): boolean {
  if (file.includes("\0") || file.includes("\\") || /^[a-zA-Z]:/.test(file)) return false;
  return file.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

/** Compares the files under `inputDir` (discovered as the build discovers them) with provenance.json's list. */
async function checkInputs(root: string, inputDir: string): Promise<{ checked: number; problems: string[] }> {
  const recorded = await readProvenanceInputs(root);
  if (!recorded.ok) return { checked: 0, problems: [recorded.problem] };
  const files = await discover(inputDir);
  const found = await mapLimited(files, 16, async (file) => {
    const full = path.join(inputDir, file);
    return { path: file, bytes: (await stat(full)).size, sha256: await sha256File(full) };
  });
  const onDisk = new Map(found.map((input) => [input.path, input]));
  const inProvenance = new Map(recorded.inputs.map((input) => [input.path, input]));
  const problems: string[] = [];
  for (const expected of recorded.inputs) {
    const actual = onDisk.get(expected.path);
    if (actual === undefined) problems.push(`input missing: ${expected.path}: ${PROVENANCE_FILE} lists it (${describe(expected)})`);
    else if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256) {
      problems.push(`input changed: ${expected.path}: ${PROVENANCE_FILE} has ${describe(expected)}, found ${describe(actual)}`);
    }
  }
  for (const actual of found) {
    if (!inProvenance.has(actual.path)) problems.push(`input extra: ${actual.path}: not in ${PROVENANCE_FILE} (${describe(actual)})`);
  }
  return { checked: found.length, problems };
}

function describe(input: ProvenanceInput): string {
  return `${input.bytes} bytes, sha256 ${input.sha256}`;
}

async function readProvenanceInputs(root: string): Promise<{ ok: true; inputs: readonly ProvenanceInput[] } | { ok: false; problem: string }> {
  const text = await readRegularFile(root, PROVENANCE_FILE);
  if (text === null) return { ok: false, problem: `input check: ${PROVENANCE_FILE} is missing from the snapshot (or not a regular file), so the inputs cannot be checked` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: `input check: ${PROVENANCE_FILE} is not valid JSON, so the inputs cannot be checked` };
  }
  const parsed = ProvenanceFile.safeParse(data);
  return parsed.success
    ? { ok: true, inputs: parsed.data.inputs }
    : { ok: false, problem: `input check: ${PROVENANCE_FILE} has no valid "inputs" list (${parsed.error.issues[0]?.message ?? "unknown shape"}), so the inputs cannot be checked` };
}

/** The text of a regular file directly in `root`, or null when it is missing, a symlink or something else. */
async function readRegularFile(root: string, name: string): Promise<string | null> {
  const full = path.join(root, name);
  const info = await lstat(full).catch(() => null);
  return info !== null && info.isFile() ? readFile(full, "utf8") : null;
}
