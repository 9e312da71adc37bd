import { NUNJUCKS_OPTIONS, registerFilters, type EleventyConfigApi } from "./filters.js";

/** Eleventy settings shared by `.eleventy.js` and the programmatic build: filters, strict Nunjucks, no gitignore. */
export function eleventyPlugin(eleventyConfig: EleventyConfigApi): void {
  registerFilters(eleventyConfig);
  eleventyConfig.setNunjucksEnvironmentOptions({ ...NUNJUCKS_OPTIONS });
  eleventyConfig.setTemplateFormats(["njk"]);
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.setQuietMode(true);
}
