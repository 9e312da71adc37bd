import type { Snapshot } from "../model/types.js";
import { relativeHref } from "../site/links.js";
import { SITE_PAGES, type RouteTable } from "../site/routes.js";
import type { PageBase } from "../site/views.js";
import { MANIFEST_FILE } from "./manifest.js";
import { PROVENANCE_FILE, type Provenance } from "./provenance.js";
import { DEFAULT_KEY_PATTERN } from "../importer/redact-keys.js";
import { VALIDATION_FILE, type ValidationReport } from "./validation-report.js";

/** The "About this snapshot" page: provenance, digests and the commands that verify the snapshot offline. */
export interface AboutView extends PageBase {
  readonly provenance: Provenance;
  /** SHA-256 of provenance.json as written (the page may show it: provenance.json does not mention this page). */
  readonly provenanceSha256: string;
  readonly validationOk: boolean;
  /** The command that rebuilds this snapshot byte for byte from the same inputs (same tool and Node version). */
  readonly rebuildCommand: string;
  readonly links: { readonly manifest: string; readonly provenance: string; readonly validationJson: string; readonly validationPage: string };
}

export interface LinkedText {
  readonly text: string;
  readonly href: string | null;
}

/** The validation report page: the report plus links to the pages it names. */
export interface ValidationView extends PageBase {
  readonly report: ValidationReport;
  readonly imagesWithoutTrace: readonly { readonly image: LinkedText; readonly releases: readonly LinkedText[] }[];
  readonly unusedArtifacts: readonly { readonly image: LinkedText; readonly file: string }[];
  readonly invalidImageReferences: readonly LinkedText[];
  readonly links: { readonly json: string; readonly about: string };
}

export interface AuditViews {
  readonly about: AboutView;
  readonly validation: ValidationView;
}

/** Views of the two audit pages. Pure: every path comes from the route table and SITE_PAGES. */
export function toAuditViews(input: {
  readonly snapshot: Snapshot;
  readonly routes: RouteTable;
  readonly provenance: Provenance;
  readonly provenanceSha256: string;
  readonly report: ValidationReport;
}): AuditViews {
  const { snapshot, routes, report } = input;
  const about = SITE_PAGES.about;
  const validation = SITE_PAGES.validation;
  const imageLink = (from: string, reference: string): LinkedText => {
    const target = routes.imagePage.get(reference);
    return { text: reference, href: target === undefined ? null : relativeHref(from, target) };
  };
  const releaseLink = (from: string, id: string): LinkedText => {
    const release = snapshot.releasesById.get(id);
    const target = routes.releasePage.get(id);
    return { text: release === undefined ? id : `${release.project} ${release.version}`, href: target === undefined ? null : relativeHref(from, target) };
  };
  return {
    about: {
      url: about,
      root: relativeHref(about, ""),
      title: "About this snapshot",
      provenance: input.provenance,
      provenanceSha256: input.provenanceSha256,
      validationOk: report.ok,
      rebuildCommand: rebuildCommand(input.provenance),
      links: {
        manifest: relativeHref(about, MANIFEST_FILE),
        provenance: relativeHref(about, PROVENANCE_FILE),
        validationJson: relativeHref(about, VALIDATION_FILE),
        validationPage: relativeHref(about, validation),
      },
    },
    validation: {
      url: validation,
      root: relativeHref(validation, ""),
      title: "Validation report",
      report,
      imagesWithoutTrace: report.unresolved.imagesWithoutTrace.map((entry) => ({
        image: imageLink(validation, entry.image),
        releases: entry.releases.map((id) => releaseLink(validation, id)),
      })),
      unusedArtifacts: report.unresolved.unusedArtifacts.map((entry) => ({ image: imageLink(validation, entry.image), file: entry.file })),
      invalidImageReferences: report.unresolved.invalidImageReferences.map((reference) => imageLink(validation, reference)),
      links: { json: relativeHref(validation, VALIDATION_FILE), about: relativeHref(validation, about) },
    },
  };
}

/**
 * `SOURCE_DATE_EPOCH=… zadig-snapshot build --input EXPORTS --output rebuilt [--keep-going] [--redact-key-pattern '…']`:
 * only the settings that change the output, shell-quoted.
 */
export function rebuildCommand(provenance: Provenance): string {
  const { options, tool } = provenance;
  const parts = [
    ...(options.sourceDateEpoch === null ? [] : [`SOURCE_DATE_EPOCH=${options.sourceDateEpoch}`]),
    `${tool.name} build --input EXPORTS --output rebuilt`,
    ...(options.keepGoing ? ["--keep-going"] : []),
    ...(options.redactKeyPattern === DEFAULT_KEY_PATTERN ? [] : [`--redact-key-pattern ${shellQuote(options.redactKeyPattern)}`]),
  ];
  return parts.join(" ");
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}
