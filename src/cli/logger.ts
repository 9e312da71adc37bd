/** The one place diagnostics are written. The CLI owns it; library code receives it. */
export interface Logger {
  /** Results for the reader: stdout. */
  out(line: string): void;
  /** Diagnostics and progress: stderr. */
  err(line: string): void;
}

export function streamLogger(stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Logger {
  return {
    out: (line) => void stdout.write(`${line}\n`),
    err: (line) => void stderr.write(`${line}\n`),
  };
}
