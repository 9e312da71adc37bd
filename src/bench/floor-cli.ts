#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { importData } from "../importer/index.js";
import { buildContext } from "../site/build.js";
import { reportResourceUsageOnExit } from "../util/rusage-report.js";
import { floorPages, parseLayout, runFloor } from "./floor.js";

// The bench's floor, in a process of its own so its memory is measured alone. Prints one JSON line.
// Usage: node dist/bench/floor-cli.js --input DIR --output DIR --layout FILE (the build's output: [{file, bytes}])
reportResourceUsageOnExit(process.env);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { input: { type: "string" }, output: { type: "string" }, layout: { type: "string" } }, strict: true });
  const { input, output, layout } = values;
  if (input === undefined || output === undefined || layout === undefined) throw new Error("floor-cli needs --input, --output and --layout");
  // Setup, not timed: the views the pages are rendered from (the build makes them too, and is timed for it).
  const started = performance.now();
  const imported = await importData(input);
  const context = await buildContext(imported, {});
  const pages = await floorPages(context.views);
  const entries = parseLayout(readFileSync(layout, "utf8"));
  const setupMs = performance.now() - started;
  const result = await runFloor(output, pages, entries);
  process.stdout.write(`${JSON.stringify({ setupMs, ...result })}\n`);
}

main().catch((caught: unknown) => {
  process.stderr.write(`${caught instanceof Error ? (caught.stack ?? caught.message) : String(caught)}\n`);
  process.exitCode = 1;
});
