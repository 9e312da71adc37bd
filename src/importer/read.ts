import { readFile } from "node:fs/promises";
import path from "node:path";
import { sha256Hex } from "../audit/digest.js";
import { error, type Issue } from "./issues.js";
import { findJsonSyntaxError } from "./json-error-offset.js";

/** One input file as read from disk: its identity for provenance, and its parsed JSON when it parsed. */
export interface InputFile {
  /** POSIX path relative to the input folder. */
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
}

export type ReadResult =
  | { readonly ok: true; readonly input: InputFile; readonly data: unknown }
  | { readonly ok: false; readonly input: InputFile; readonly issue: Issue };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads and parses one file. Never throws for bad content; I/O errors (permissions) do throw. */
export async function readInput(inputDir: string, file: string): Promise<ReadResult> {
  const buffer = await readFile(path.join(inputDir, file));
  const input: InputFile = {
    file,
    bytes: buffer.length,
    sha256: sha256Hex(buffer),
  };
  const parsed = parseJsonBytes(file, buffer);
  return parsed.ok ? { ok: true, input, data: parsed.data } : { ok: false, input, issue: parsed.issue };
}

/**
 * Parses JSON bytes with messages a person can act on: empty file, BOM, invalid UTF-8, and syntax errors with line:column.
 * @example parseJsonBytes("a.json", Buffer.from("[1,")) // { ok: false, issue: { message: "invalid JSON at line 1, column 4: ..." } }
 */
export function parseJsonBytes(file: string, buffer: Uint8Array): { ok: true; data: unknown } | { ok: false; issue: Issue } {
  const fail = (code: string, message: string) => ({ ok: false as const, issue: error(code, file, "", message) });
  if (buffer.length === 0) {
    return fail("empty-file", "the file is empty (0 bytes); expected a JSON export. Re-run the export or delete the file.");
  }
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return fail(
      "bom",
      "the file starts with a UTF-8 byte-order mark (EF BB BF), which JSON does not allow; expected plain UTF-8. Save it without a BOM (e.g. `sed -i '1s/^\\xEF\\xBB\\xBF//' FILE`).",
    );
  }
  let text: string;
  try {
    text = utf8.decode(buffer);
  } catch {
    return fail("encoding", "the file is not valid UTF-8; expected UTF-8 JSON as Zadig's API returns it. Re-export it without converting the encoding.");
  }
  if (text.trim() === "") {
    return fail("empty-file", "the file holds only white space; expected a JSON export.");
  }
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return fail("invalid-json", describeSyntaxError(text, detail));
  }
}

function describeSyntaxError(text: string, detail: string): string {
  const found = findJsonSyntaxError(text);
  if (found === null) return `invalid JSON: ${detail}.`;
  const { line, column } = lineAndColumn(text, found.offset);
  const excerpt = found.offset >= text.length ? "" : `; found ${JSON.stringify(text.slice(found.offset, found.offset + 20))}`;
  return `invalid JSON at line ${line}, column ${column}: ${found.reason}${excerpt}.`;
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
