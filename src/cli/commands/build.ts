import { parseSourceDateEpoch } from "../../audit/source-date.js";
import { compileKeyPattern, DEFAULT_KEY_PATTERN } from "../../importer/redact-keys.js";
import { stringOption, type CliCommand } from "../command.js";
import { createProgress } from "../progress.js";
import { runBuildInWorker } from "../build/in-worker.js";
import type { BuildRequest } from "../build/run-build.js";

export const buildCommand: CliCommand = {
  name: "build",
  summary: "Validate the exports in --input and write the site to --output.",
  help: `Usage: zadig-snapshot build [--input DIR] [--output DIR] [--keep-going] [--redact-key-pattern REGEX]

Reads every *.json under --input (default: data), validates it, and writes the site to --output
(default: _site). The site is built in a temporary folder next to --output and swapped in only when
complete: on any failure the previous --output is left exactly as it was. An existing --output that is
not an earlier snapshot (no api/routes.json) is never replaced.

Every build writes SHA256SUMS (every file of the site), provenance.json (tool, options, every input
with its SHA-256), validation.json and the pages about/ and validation/, and prints the SHA-256 of
SHA256SUMS. The same inputs and tool version give byte-identical output; the "generated at" time is
SOURCE_DATE_EPOCH when set (whole seconds; anything else is a usage error), else the newest time in the data.

Options:
  -i, --input DIR               folder of Zadig exports (releases arrays and artifact traces)   [default: data]
  -o, --output DIR              folder to write the site to                                     [default: _site]
  -k, --keep-going              build from the valid records even when some are invalid; every record left
                                out is listed in validation/index.html (without it, invalid input writes nothing)
      --redact-key-pattern RE   regular expression (case-insensitive, matched anywhere in the key) naming the
                                variables whose values are replaced by [redacted]
                                [default: ${DEFAULT_KEY_PATTERN}]
  -q, --quiet                   no progress line (it is shown only on a terminal, for builds over a second)
  -h, --help                    show this help

Examples:
  zadig-snapshot build
  zadig-snapshot build --input exports/ --output public/
  SOURCE_DATE_EPOCH=1700000000 zadig-snapshot build --input exports/ --output public/ --keep-going
  zadig-snapshot build --redact-key-pattern 'password|secret|token|api_?key|dsn'
`,
  options: {
    input: { type: "string", short: "i" },
    output: { type: "string", short: "o" },
    "keep-going": { type: "boolean", short: "k", default: false },
    "redact-key-pattern": { type: "string" },
    quiet: { type: "boolean", short: "q", default: false },
  },
  async run(values, _positionals, logger) {
    const startedAt = process.hrtime.bigint().toString();
    const redactKeyPattern = stringOption(values, "redact-key-pattern", DEFAULT_KEY_PATTERN);
    compileKeyPattern(redactKeyPattern);
    const request: BuildRequest = {
      input: stringOption(values, "input", "data"),
      output: stringOption(values, "output", "_site"),
      keepGoing: values["keep-going"] === true,
      redactKeyPattern,
      sourceDateEpoch: parseSourceDateEpoch(process.env["SOURCE_DATE_EPOCH"]),
      startedAt,
    };
    const progress = createProgress({ stream: process.stderr, clock: () => performance.now(), quiet: values["quiet"] === true });
    return runBuildInWorker(request, logger, progress).finally(() => progress.end());
  },
};
