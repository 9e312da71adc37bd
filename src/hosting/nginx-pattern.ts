/**
 * nginx's `$arg_name` is the raw query text, never percent-decoded (hosting notes §2.2), so an allowlisted
 * value must match every way a client may send it. Each UTF-8 byte becomes:
 * - an ASCII letter or digit: itself (clients never encode these);
 * - a space: `+` or `%20` (form encoding; Zadig's Go server reads `+` as a space);
 * - `+`: only `%2B` (a raw `+` means a space);
 * - `&`, `#`, `%`, control characters and non-ASCII bytes: only their percent-encoding (raw, they would end or
 *   break the value, and clients always encode non-ASCII);
 * - any other ASCII character: itself or its percent-encoding.
 * Percent-encodings accept either hex case (`%3a`, `%3A`). Literal bytes are written `\xHH`, so the pattern
 * holds no character that the nginx config parser or PCRE treats specially, and no quote.
 * @example nginxValuePattern("a:1") // "a(?:\\x3A|%3[aA])1"
 */
export function nginxValuePattern(value: string): string {
  return Array.from(Buffer.from(value, "utf8"), bytePattern).join("");
}

function bytePattern(byte: number): string {
  const char = String.fromCharCode(byte);
  if (/^[A-Za-z0-9]$/.test(char)) return char;
  if (byte === 0x20) return `(?:\\x2B|%20)`;
  const encoded = percentPattern(byte);
  if (byte === 0x2b || byte === 0x26 || byte === 0x23 || byte === 0x25 || byte < 0x20 || byte >= 0x7f) return encoded;
  return `(?:\\x${hex(byte)}|${encoded})`;
}

/** `%3[aA]`: either hex case. */
function percentPattern(byte: number): string {
  return `%${Array.from(hex(byte), (digit) => (/[A-F]/.test(digit) ? `[${digit.toLowerCase()}${digit}]` : digit)).join("")}`;
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, "0");
}
