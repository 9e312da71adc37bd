#!/usr/bin/env node
import { generateExportFiles, type ExportFile } from "./generate.js";
import { GEN_HELP, parseGenArgs } from "./gen-args.js";
import { outputDirState, writeExport } from "./write-export.js";

// Thin entry point: parse, check the target, write, print one summary line. Exit 2 = usage error.
async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseGenArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`zadig-snapshot gen: ${parsed.message}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(GEN_HELP);
    return 0;
  }
  const { releases, images, seed, out } = parsed.options;
  const state = outputDirState(out);
  if (state === "not-empty" || state === "not-a-directory") {
    const what = state === "not-empty" ? "is not empty" : "exists and is not a directory";
    process.stderr.write(`zadig-snapshot gen: --out ${out} ${what}; choose a new or empty directory. Run with --help for usage.\n`);
    return 2;
  }
  let traces = 0;
  function* counted(files: Iterable<ExportFile>): Generator<ExportFile> {
    for (const file of files) {
      if (file.path.startsWith("artifacts/")) traces += 1;
      yield file;
    }
  }
  const summary = writeExport(out, counted(generateExportFiles({ releases, images, seed })));
  process.stdout.write(
    `generated ${releases} releases, ${images} images (${traces} artifact traces) in ${summary.files} files, ${summary.bytes} bytes -> ${out}\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 70;
  },
);
