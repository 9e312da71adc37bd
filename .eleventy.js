// Thin adapter: every setting lives in src/site/eleventy-plugin.ts (compiled to dist/ by `npm run build`).
// Builds run through `zadig-snapshot build`, which injects the imported data; see src/site/render-pages.ts.
import { eleventyPlugin } from "./dist/site/eleventy-plugin.js";

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(eleventyPlugin);
}

// No `input` here: the CLI passes the absolute templates folder, and a relative one would be resolved
// against the user's working directory. `includes` and `data` are relative to the input folder.
export const config = {
  dir: { includes: "_includes", data: "_data" },
  templateFormats: ["njk"],
};
