/**
 * GitHub-flavoured Markdown from untrusted values: every value is escaped so that it stays one table cell of
 * plain text, whatever it holds (`|`, backticks, `<script>`, newlines, leading `#`/`-`/`1.`, link syntax).
 */

// Characters with inline meaning (emphasis, code, links, HTML, tables, strike-through, headings' closing #) and the escape itself.
const INLINE = /[\\`*_[\]<>|~#]/g;
const LINE_BREAKS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
// What GFM would turn into a link by itself (extended autolinks: `http://`, `www.`, e-mail addresses): one escape defuses it.
const AUTOLINK = /:\/|\bwww\.|@/gi;
// Block syntax that would start a list or a rule if a value ever began a line ("#" and ">" are escaped anywhere).
const LEADING_MARK = /^[-+=]/;
const LEADING_ORDERED = /^(\d{1,9})([.)])(?=\s|$)/;

/**
 * A value as one line of literal text: line breaks and tabs become spaces, control characters go, and every
 * Markdown-active character is backslash-escaped, so it renders as the same text and never as HTML or a link.
 * Empty values become "—".
 * @example mdText("a|b <i>`x`</i>\n# y") // "a\\|b \\<i\\>\\`x\\`\\</i\\> \\# y"
 */
export function mdText(value: string): string {
  const line = value.replace(LINE_BREAKS, " ").replace(/\t/g, " ").replace(CONTROL, "").trim();
  if (line === "") return "—";
  return line
    .replace(INLINE, "\\$&")
    .replace(AUTOLINK, (match) => `${match.slice(0, -1)}\\${match.slice(-1)}`)
    .replace(LEADING_MARK, "\\$&")
    .replace(LEADING_ORDERED, "$1\\$2");
}

// Identifiers (digests, commit ids, image references) that need no escaping inside a code span or a table.
const PLAIN_CODE = /^[A-Za-z0-9._:/@+=-]+$/;

/**
 * A value as inline code when it is a plain identifier (reads well raw and renders monospace), else as escaped text.
 * @example mdCode("sha256:ab12") // "`sha256:ab12`"
 */
export function mdCode(value: string): string {
  return PLAIN_CODE.test(value) ? `\`${value}\`` : mdText(value);
}

/**
 * A GFM table. Cells must already be escaped (mdText/mdCode); every row gets exactly as many cells as the header.
 * @example mdTable(["A", "B"], [["1", "2"]]) // "| A | B |\n| --- | --- |\n| 1 | 2 |\n"
 */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ("left" | "right")[] = []): string {
  const line = (cells: readonly string[]) => `| ${header.map((_, index) => cells[index] ?? "").join(" | ")} |\n`;
  const rule = header.map((_, index) => (align[index] === "right" ? "---:" : "---"));
  return line(header) + line(rule) + rows.map(line).join("");
}

/**
 * A fenced code block that no content can close early: the fence is longer than any backtick run inside.
 * @example mdFence("diff", "+a\n") // "```diff\n+a\n```\n"
 */
export function mdFence(info: string, content: string): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  const body = content.replace(CONTROL, "");
  return `${fence}${info}\n${body}${body.endsWith("\n") || body === "" ? "" : "\n"}${fence}\n`;
}
