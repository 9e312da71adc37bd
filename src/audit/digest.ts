import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** Lower-case hex SHA-256 of a string (UTF-8) or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Lower-case hex SHA-256 of a file, streamed (pages and mirror files can be large). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}

/**
 * Byte order of the UTF-8 encodings, as `LC_ALL=C sort` orders lines (JavaScript's `<` compares UTF-16 units,
 * which differs for characters above U+FFFF).
 */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
