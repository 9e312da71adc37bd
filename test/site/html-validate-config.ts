import type { ConfigData } from "html-validate";

/**
 * How strictly every generated page is validated. Everything html-validate recommends, plus its whole-document
 * rules (doctype, heading levels, labelled inputs, ids that references point at), with only these exceptions,
 * each about taste in hand-written source rather than about what a browser or a screen reader gets:
 */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  root: true,
  extends: ["html-validate:recommended", "html-validate:document"],
  rules: {
    // `<!doctype html>` is case-insensitive; lower case is what the HTML standard writes in its examples.
    "doctype-style": "off",
    // Whitespace left between template blocks is a property of generated output, never rendered.
    "no-trailing-whitespace": "off",
    // A search-engine guideline; an image page's title is the full image reference and must not be cut.
    "long-title": "off",
    // H32 is for forms that submit. The index filter form never submits: it filters as you choose or type,
    // and its one button clears it.
    "wcag/h32": "off",
    // Every page's stylesheet and script are local files of the snapshot; anything loaded from elsewhere
    // (there is none) would have to carry an integrity hash.
    "require-sri": ["error", { target: "crossorigin" }],
  },
};
