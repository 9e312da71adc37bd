import type { ImportResult } from "../importer/index.js";
import { toJsonText } from "../site/mirror.js";
import type { RouteTable } from "../site/routes.js";
import type { OutputFile } from "../site/write-files.js";
import { sha256Hex } from "./digest.js";
import { PROVENANCE_FILE, toProvenance, type BuildSettings } from "./provenance.js";
import { generatedAt, type GeneratedAt } from "./source-date.js";
import { readToolInfo } from "./tool-info.js";
import { toValidationReport, VALIDATION_FILE } from "./validation-report.js";
import { toAuditViews, type AuditViews } from "./views.js";

/** What the audit adds to a build: two pages' views, provenance.json and validation.json, and the generated-at time. */
export interface AuditOutput {
  readonly generatedAt: GeneratedAt;
  readonly views: AuditViews;
  readonly files: readonly OutputFile[];
}

/**
 * Provenance and the validation report for one build, decided before anything is rendered: provenance.json's
 * digest is known before the About page is, so the page can show it (provenance.json does not describe the page).
 */
export async function prepareAudit(imported: ImportResult, routes: RouteTable, settings: BuildSettings): Promise<AuditOutput> {
  const at = generatedAt(settings.sourceDateEpoch, imported.snapshot);
  const provenance = toProvenance(imported, await readToolInfo(), settings, at);
  const provenanceText = toJsonText(provenance);
  const report = toValidationReport(imported, settings.keepGoing);
  const reportText = toJsonText(report);
  return {
    generatedAt: at,
    views: toAuditViews({ snapshot: imported.snapshot, routes, provenance, provenanceSha256: sha256Hex(provenanceText), report }),
    files: [
      { file: PROVENANCE_FILE, body: () => provenanceText },
      { file: VALIDATION_FILE, body: () => reportText },
    ],
  };
}
