import type { FileWriter } from "./ordered-writer.js";

export interface OutputFile {
  readonly file: string;
  readonly body: () => string | Uint8Array;
}

/**
 * Hands each file to the writer, making its body only when the writer has taken the one before: a body (and the
 * page view it renders) is garbage as soon as it is handed over, so only the writes in flight are ever in memory.
 */
export async function writeFiles(writer: FileWriter, files: Iterable<OutputFile>): Promise<void> {
  for (const file of files) await writer.write(file.file, file.body(), false, true);
}
