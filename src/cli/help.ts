export const MAIN_HELP = `zadig-snapshot: publish what a Zadig delivery pipeline released as a static, verifiable site.

Usage:
  zadig-snapshot build [--input DIR] [--output DIR]
  zadig-snapshot validate [--input DIR]
  zadig-snapshot <command> --help

Commands:
  build      Validate the exports in --input and write the site to --output.
  validate   Check the exports and list every problem; writes nothing.

Exit codes: 0 success, 1 invalid input (every problem listed on stderr), 2 usage error.

Examples:
  zadig-snapshot build
  zadig-snapshot build --input exports/ --output public/
  zadig-snapshot validate --input exports/
`;

export const BUILD_HELP = `Usage: zadig-snapshot build [--input DIR] [--output DIR]

Reads every *.json under --input (default: data), validates it, and writes the site to --output
(default: _site). The site is built in a temporary folder next to --output and swapped in only when
complete: on any failure the previous --output is left exactly as it was. An existing --output that is
not an earlier snapshot (no api/routes.json) is never replaced.

Options:
  -i, --input DIR    folder of Zadig exports (releases arrays and artifact traces)   [default: data]
  -o, --output DIR   folder to write the site to                                     [default: _site]
  -h, --help         show this help

Examples:
  zadig-snapshot build --input exports/ --output public/
`;

export const VALIDATE_HELP = `Usage: zadig-snapshot validate [--input DIR]

Checks every *.json under --input and lists every problem (file, JSON path, what was expected, what was
found) on stderr. Writes nothing. Exit 0 when the input is valid, 1 when it is not.

Options:
  -i, --input DIR    folder of Zadig exports   [default: data]
  -h, --help         show this help

Examples:
  zadig-snapshot validate --input exports/
`;
