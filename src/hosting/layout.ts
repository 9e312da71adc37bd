/**
 * Where the host glue goes in the site. Everything sits under `hosting/` (no leading `_` or `.`, so GitHub Pages
 * and its upload action keep it), except Netlify's `_redirects`, which Netlify reads only at the site root.
 */
export const HOSTING_FILES = {
  nginxMaps: "hosting/nginx/zadig-snapshot-maps.conf",
  nginxLocations: "hosting/nginx/zadig-snapshot-locations.conf",
  netlifyRedirects: "_redirects",
  netlifyEdgeFunction: "hosting/netlify/edge-functions/zadig-snapshot-api.js",
  netlifyToml: "hosting/netlify/netlify.toml",
  notFoundJson: "hosting/not-found.json",
} as const;
