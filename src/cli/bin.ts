#!/usr/bin/env node
import { main } from "./main.js";
import { streamLogger } from "./logger.js";
import { reportResourceUsageOnExit } from "../util/rusage-report.js";

reportResourceUsageOnExit(process.env);

process.exitCode = await main(process.argv.slice(2), streamLogger(process.stdout, process.stderr));
