import { importData } from "../../importer/index.js";
import { buildSite } from "../../site/build.js";
import { stringOption, type CliCommand } from "../command.js";
import { describeInput, reportImport } from "../report-import.js";

export const buildCommand: CliCommand = {
  name: "build",
  summary: "Validate the exports in --input and write the site to --output.",
  help: `Usage: zadig-snapshot build [--input DIR] [--output DIR]

Reads every *.json under --input (default: data), validates it, and writes the site to --output
(default: _site). The site is built in a temporary folder next to --output and swapped in only when
complete: on any failure the previous --output is left exactly as it was. An existing --output that is
not an earlier snapshot (no api/routes.json) is never replaced.

Options:
  -i, --input DIR    folder of Zadig exports (releases arrays and artifact traces)   [default: data]
  -o, --output DIR   folder to write the site to                                     [default: _site]
  -h, --help         show this help

Examples:
  zadig-snapshot build
  zadig-snapshot build --input exports/ --output public/
`,
  options: {
    input: { type: "string", short: "i" },
    output: { type: "string", short: "o" },
  },
  async run(values, _positionals, logger) {
    const input = stringOption(values, "input", "data");
    const output = stringOption(values, "output", "_site");
    const imported = await importData(input);
    if (!reportImport(imported, input, logger)) return 1;
    const started = process.hrtime.bigint();
    const summary = await buildSite(imported, { inputDir: input, outputDir: output });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    logger.out(`built ${summary.pages} pages and ${summary.jsonFiles} JSON files (${summary.files} files, ${summary.bytes} bytes) from ${describeInput(imported)} in ${seconds.toFixed(2)} s`);
    logger.out(`open ${summary.outputDir}/index.html`);
    return 0;
  },
};
