import type { RouteTable } from "../site/routes.js";
import type { OutputFile } from "../site/write-files.js";
import { HOSTING_FILES } from "./layout.js";
import { netlifyEdgeFunction, netlifyRedirects, netlifyToml } from "./netlify.js";
import { nginxGlue } from "./nginx.js";
import { NOT_FOUND_JSON } from "./not-found.js";

/** The host glue as output files (an OUTPUT_STAGES entry): nginx includes, Netlify rules and edge function. */
export function hostingFiles(routes: RouteTable): OutputFile[] {
  const entries = routes.json.map(({ route, query, file }) => ({ route, query, file }));
  const nginx = nginxGlue(entries);
  return [
    { file: HOSTING_FILES.nginxMaps, body: () => nginx.maps },
    { file: HOSTING_FILES.nginxLocations, body: () => nginx.locations },
    { file: HOSTING_FILES.netlifyRedirects, body: () => netlifyRedirects(entries) },
    { file: HOSTING_FILES.netlifyEdgeFunction, body: () => netlifyEdgeFunction(entries) },
    { file: HOSTING_FILES.netlifyToml, body: () => netlifyToml() },
    { file: HOSTING_FILES.notFoundJson, body: () => NOT_FOUND_JSON },
  ];
}
