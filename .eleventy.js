// Thin adapter: every setting lives in src/site/eleventy-plugin.ts (compiled to dist/ by `npm run build`).
// Builds run through `zadig-snapshot build`, which injects the imported data; see src/site/render-pages.ts.
import { eleventyPlugin } from "./dist/site/eleventy-plugin.js";

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(eleventyPlugin);
}

export const config = {
  dir: { input: "templates", includes: "_includes", data: "_data" },
  templateFormats: ["njk"],
};
