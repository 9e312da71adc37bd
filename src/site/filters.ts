import { diffSpans } from "./diff-view.js";
import { formatBytes, formatCount, formatDuration, formatTime, isoTime } from "./format.js";

/** The part of Eleventy's config API this project uses (Eleventy ships no types). */
export interface EleventyConfigApi {
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addGlobalData(name: string, data: unknown): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  setTemplateFormats(formats: string[]): void;
  setQuietMode(quiet: boolean): void;
  setUseGitIgnore(use: boolean): void;
  addPlugin(plugin: (config: EleventyConfigApi) => void): void;
}

/** Every filter templates may call. Each is a pure function from `format.ts`, tested there. */
export const FILTERS = {
  time: (seconds: number | null) => formatTime(seconds),
  isoTime: (seconds: number | null) => isoTime(seconds),
  bytes: (bytes: number | null) => formatBytes(bytes),
  duration: (start: number | null, end: number | null) => formatDuration(start, end),
  count: (value: number) => formatCount(value),
  /** Escaped HTML: the template marks it `| safe`. */
  diffSpans: (lines: Parameters<typeof diffSpans>[0]) => diffSpans(lines),
} as const;

/** Nunjucks settings every renderer uses: autoescape on; a missing view field fails with file:line. */
export const NUNJUCKS_OPTIONS = { autoescape: true, throwOnUndefined: true, trimBlocks: true, lstripBlocks: true } as const;

export function registerFilters(eleventyConfig: EleventyConfigApi): void {
  for (const [name, filter] of Object.entries(FILTERS)) eleventyConfig.addFilter(name, filter);
}
