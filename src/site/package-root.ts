import { fileURLToPath } from "node:url";

/** The installed package's root (dist/site/ → ../../), where templates/ and .eleventy.js live. */
export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
