/**
 * Unix seconds as a UTC date and time with the zone named (a static page knows no reader locale).
 * @example formatTime(1637726888) // "2021-11-24 04:08:08 UTC"
 */
export function formatTime(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0) return "—";
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return "—";
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** ISO 8601 for `<time datetime>`, or "" when unknown. */
export function isoTime(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0) return "";
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().replace(".000Z", "Z");
}

/**
 * Bytes in 1024-based units with up to two decimals, as the Zadig portal shows them.
 * @example formatBytes(22578466) // "21.53 MB"
 */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return "—";
  if (bytes === 0) return "0 Bytes";
  const units = ["Bytes", "KB", "MB", "GB", "TB", "PB"];
  const power = Math.min(Math.floor(Math.log(bytes) / Math.log(1024)), units.length - 1);
  const value = Number((bytes / 1024 ** power).toFixed(2));
  return `${value} ${units[power] ?? "Bytes"}`;
}

/**
 * Elapsed time between two unix-second stamps, or "" when either is missing.
 * @example formatDuration(1639467890, 1639467944) // "54 s"
 */
export function formatDuration(start: number | null, end: number | null): string {
  if (start === null || end === null || end < start) return "";
  const total = end - start;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return secs === 0 ? `${minutes} min` : `${minutes} min ${secs} s`;
  return `${secs} s`;
}

/** Thousands separators in a fixed locale-free style. */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** HTML-escapes text as Nunjucks' autoescape does (`&`, `"`, `'`, `<`, `>` and `\\`), for filters that build markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&"'<>\\]/g, (char) => HTML_ESCAPES[char] as string);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;", "\\": "&#92;" };
