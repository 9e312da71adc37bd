/** The one place diagnostics are written. The CLI owns it; library code receives it. */
export interface Logger {
  /** Results for the reader: stdout. */
  out(line: string): void;
  /** Diagnostics and progress: stderr. */
  err(line: string): void;
}

export function streamLogger(stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Logger {
  return { out: lineWriter(stdout), err: lineWriter(stderr) };
}

/**
 * Writes lines until the reader goes away: `zadig-snapshot build | head -1` closes the pipe after one line, which
 * is the reader's choice, not a failure (Node reports it as EPIPE where a C program would quietly get SIGPIPE).
 * The command still runs to its end and its exit code still says how it went.
 */
function lineWriter(stream: NodeJS.WritableStream): (line: string) => void {
  let open = true;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    open = false;
  });
  return (line) => {
    if (open) stream.write(`${line}\n`);
  };
}
