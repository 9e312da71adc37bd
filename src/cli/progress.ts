import type { Progress } from "../util/progress.js";

/** The part of a stream the display needs (process.stderr, or a fake in tests). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  readonly stream: ProgressStream;
  /** Milliseconds, monotonic (performance.now in the CLI; a fake in tests). */
  readonly clock: () => number;
  /** --quiet: show nothing. */
  readonly quiet?: boolean;
  /** Nothing is shown before the build has run this long, so quick builds stay silent. Default 1,000 ms. */
  readonly delayMs?: number;
  /** The line is redrawn at most this often. Default 100 ms. */
  readonly intervalMs?: number;
}

/** A progress display that also clears its line when the build ends. */
export interface ProgressDisplay extends Progress {
  /** Erases the progress line (call before printing the summary, on success and failure alike). */
  end(): void;
}

/**
 * One self-overwriting status line on a terminal: stage, count, percentage and time left, e.g.
 * `rendering pages 12,345/40,003 (31%), about 42 s left`. Silent when the stream is not a TTY or `quiet` is set,
 * and before `delayMs` has passed.
 */
export function createProgress(options: ProgressOptions): ProgressDisplay {
  const enabled = options.stream.isTTY === true && options.quiet !== true;
  const delayMs = options.delayMs ?? 1000;
  const intervalMs = options.intervalMs ?? 100;
  const startedAt = options.clock();
  let stage = { name: "", total: null as number | null, done: 0, startedAt };
  let drawnAt = Number.NEGATIVE_INFINITY;
  let shown = false;

  const draw = (force: boolean) => {
    if (!enabled) return;
    const now = options.clock();
    if (now - startedAt < delayMs) return;
    if (!force && now - drawnAt < intervalMs) return;
    drawnAt = now;
    shown = true;
    options.stream.write(`\r\x1b[K${progressLine(stage.name, stage.done, stage.total, now - stage.startedAt)}`);
  };

  return {
    stage(name, total) {
      stage = { name, total, done: 0, startedAt: options.clock() };
      draw(true);
    },
    advance(count = 1) {
      stage.done += count;
      draw(false);
    },
    end() {
      if (shown) options.stream.write("\r\x1b[K");
      shown = false;
    },
  };
}

/**
 * The text of the progress line. The time left assumes the rest of the stage goes at the rate so far.
 * @example progressLine("rendering pages", 250, 1000, 5000) // "rendering pages 250/1,000 (25%), about 15 s left"
 */
export function progressLine(name: string, done: number, total: number | null, elapsedMs: number): string {
  if (total === null || total <= 0) return `${name}…`;
  const shown = Math.min(done, total);
  const percent = Math.floor((100 * shown) / total);
  const counts = `${name} ${shown.toLocaleString("en-US")}/${total.toLocaleString("en-US")} (${percent}%)`;
  if (shown === 0 || shown >= total) return counts;
  return `${counts}, about ${formatSeconds((elapsedMs / shown) * (total - shown))} left`;
}

function formatSeconds(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}
