import { stringOption, type CliCommand } from "../command.js";
import { describeInput, reportImport } from "../report-import.js";

export const validateCommand: CliCommand = {
  name: "validate",
  summary: "Check the exports and list every problem; writes nothing.",
  help: `Usage: zadig-snapshot validate [--input DIR]

Checks every *.json under --input and lists every problem (file, JSON path, what was expected, what was
found) on stderr. Writes nothing. Exit 0 when the input is valid, 1 when it is not.

Options:
  -i, --input DIR    folder of Zadig exports   [default: data]
  -h, --help         show this help

Examples:
  zadig-snapshot validate --input exports/
`,
  options: {
    input: { type: "string", short: "i" },
  },
  async run(values, _positionals, logger) {
    const input = stringOption(values, "input", "data");
    // Loaded here, not at start-up: `build` does its work in a worker thread that loads these modules itself.
    const { importData } = await import("../../importer/index.js");
    const imported = await importData(input);
    if (!reportImport(imported, input, logger)) return 1;
    logger.out(`valid: ${describeInput(imported)}`);
    return 0;
  },
};
