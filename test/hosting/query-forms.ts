/** The ways a client may spell one query value on the wire; each must reach the same mirror file. */
export const VALUE_SPELLINGS = {
  /** Only what must be encoded: `%`, `&`, `#`, `+`; space as `+`; control and non-ASCII bytes. */
  raw: (value: string) =>
    Array.from(Buffer.from(value, "utf8"), (byte) => {
      if (byte === 0x20) return "+";
      if (byte < 0x21 || byte > 0x7e || "%&#+".includes(String.fromCharCode(byte))) return percent(byte);
      return String.fromCharCode(byte);
    }).join(""),
  /** JavaScript's encodeURIComponent (upper-case hex, keeps `!'()*~`). */
  uri: (value: string) => encodeURIComponent(value),
  /** The same with lower-case hex, as some clients write it. */
  lowerHex: (value: string) => encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
  /** application/x-www-form-urlencoded (URLSearchParams, curl --data-urlencode): space as `+`. */
  form: (value: string) => new URLSearchParams({ v: value }).toString().slice(2),
  /** Every byte that is not a letter or digit percent-encoded. */
  everything: (value: string) => Array.from(Buffer.from(value, "utf8"), (byte) => (/[A-Za-z0-9]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : percent(byte))).join(""),
} as const;

/** Parameter orders to try: as listed, reversed, and with the portal's paging parameters mixed in. */
export function queryStrings(query: Readonly<Record<string, string>>, spell: (value: string) => string): string[] {
  const pairs = Object.entries(query).map(([name, value]) => `${name}=${spell(value)}`);
  const extra = ["page=1", "per_page=20", "verbosity=detailed"];
  return [pairs, [...pairs].reverse(), [extra[0] ?? "", ...[...pairs].reverse(), ...extra.slice(1)]].map((list) => list.join("&"));
}

function percent(byte: number): string {
  return `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
}
