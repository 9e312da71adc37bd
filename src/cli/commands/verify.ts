import path from "node:path";
import { MANIFEST_FILE } from "../../audit/manifest.js";
import type { CliCommand } from "../command.js";

export const verifyCommand: CliCommand = {
  name: "verify",
  summary: "Re-hash a published snapshot against its SHA256SUMS; report every modified, missing or extra file.",
  help: `Usage: zadig-snapshot verify DIR [--input EXPORTS]

Re-hashes every file of the snapshot in DIR against its SHA256SUMS and reports, one line each, every
file that was modified, is missing, or was added (sha256sum -c does not notice added files). Prints the
SHA-256 of SHA256SUMS itself: compare it with the digest recorded when the snapshot was published (the
build prints it), or check a signature of SHA256SUMS. Reads nothing outside DIR.

With --input, also checks that the files in EXPORTS are exactly the inputs provenance.json lists
(same paths, sizes and SHA-256), reporting each difference.

Exit 0 when everything matches, 1 otherwise.

Options:
  -i, --input DIR    folder of the original Zadig exports to compare with provenance.json
  -h, --help         show this help

Examples:
  zadig-snapshot verify public/
  cd public && zadig-snapshot verify .
  zadig-snapshot verify public/ --input exports/
`,
  options: {
    input: { type: "string", short: "i" },
  },
  positionals: { min: 1, max: 1, name: "the snapshot folder (zadig-snapshot verify DIR)" },
  async run(values, positionals, logger) {
    const dir = positionals[0] ?? ".";
    const input = typeof values["input"] === "string" ? values["input"] : undefined;
    const { verifySnapshot } = await import("../../audit/verify.js");
    const result = await verifySnapshot(dir, input === undefined ? {} : { inputDir: input });
    if (result.manifestSha256 !== null) logger.out(`sha256 of ${MANIFEST_FILE}: ${result.manifestSha256}`);
    for (const signature of result.signatures) {
      logger.out(`note: ${signature} is a signature of ${MANIFEST_FILE}, not covered by it; check it with its own tool (e.g. gpg --verify ${signature} ${MANIFEST_FILE})`);
    }
    if (result.problems.length > 0) {
      for (const problem of result.problems) logger.err(problem);
      const count = result.problems.length === 1 ? "1 problem" : `${result.problems.length} problems`;
      logger.err(`zadig-snapshot: verification FAILED: ${count} in ${path.resolve(dir)}.`);
      return 1;
    }
    logger.out(`OK: all ${result.listed} files listed in ${MANIFEST_FILE} match, and no file was added.`);
    if (result.inputsChecked !== null) logger.out(`OK: the ${result.inputsChecked} input files in ${input ?? ""} are exactly the ones provenance.json lists.`);
    return 0;
  },
};
