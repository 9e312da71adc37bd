import { isArray, isRecord } from "./classify.js";
import { redactCommitCredentials, type Redaction } from "./redact.js";
import { compileKeyPattern, DEFAULT_KEY_PATTERN, REDACTED } from "./redact-keys.js";
import { redactYamlSecrets } from "./redact-yaml.js";

export const CREDENTIAL_VALUE_REASON = "value of a variable whose key matches the credential key pattern";

/** Fields holding rendered Kubernetes YAML texts: deploy rows' `yamlContents`, an environment's `env_config_yamls`. */
export const YAML_FIELDS: readonly string[] = ["yamlContents", "env_config_yamls"];

export interface RedactionPolicy {
  /** Source of the credential key pattern, as recorded in provenance.json. */
  readonly keyPatternSource: string;
  readonly keyPattern: RegExp;
}

export function redactionPolicy(keyPatternSource: string = DEFAULT_KEY_PATTERN): RedactionPolicy {
  return { keyPatternSource, keyPattern: compileKeyPattern(keyPatternSource) };
}

/**
 * Everything the importer withholds, applied to one parsed file before it is validated (so no message about an
 * invalid value can quote a secret either):
 * - code-host credentials on commits (removed: `redactCommitCredentials`);
 * - the `value` of every `{key, value}` pair whose key matches the policy's pattern (env `vars`, deploy `envs`);
 * - Kubernetes Secret values and credential-named container env values inside YAML texts (`redactYamlSecrets`).
 * Redacted values become "[redacted]"; each is listed by file, JSON path and reason, never by value.
 * @example redactSecrets([{ envs: [{ key: "DB_PASSWORD", value: "x" }] }], "a.json", "", redactionPolicy()).value
 *   // [{ envs: [{ key: "DB_PASSWORD", value: "[redacted]" }] }]
 */
export function redactSecrets(data: unknown, file: string, basePath: string, policy: RedactionPolicy): { value: unknown; redactions: Redaction[] } {
  const commits = redactCommitCredentials(data, file, basePath);
  const redactions: Redaction[] = [...commits.redactions];
  const { keyPattern } = policy;

  const yamlText = (text: string, path: string): string => {
    const result = redactYamlSecrets(text, keyPattern);
    for (const found of result.redactions) redactions.push({ file, path, reason: found.reason, detail: found.detail });
    return result.text;
  };

  // Copy-on-write: an unchanged subtree is returned as it is.
  const walk = (node: unknown, path: string): unknown => {
    if (isArray(node)) {
      const items = node.map((item, index) => walk(item, `${path}[${index}]`));
      return items.some((item, index) => item !== node[index]) ? items : node;
    }
    if (!isRecord(node)) return node;
    const credential = typeof node["key"] === "string" && keyPattern.test(node["key"]) && Object.hasOwn(node, "value") && !isEmpty(node["value"]);
    let changed = false;
    const entries = Object.entries(node).map(([key, child]): [string, unknown] => {
      const childPath = path === "" ? key : `${path}.${key}`;
      let value: unknown;
      if (credential && key === "value") {
        redactions.push({ file, path: childPath, reason: CREDENTIAL_VALUE_REASON });
        value = REDACTED;
      } else if (YAML_FIELDS.includes(key) && isArray(child)) {
        const texts = child.map((item, index) => (typeof item === "string" ? yamlText(item, `${childPath}[${index}]`) : walk(item, `${childPath}[${index}]`)));
        value = texts.some((text, index) => text !== child[index]) ? texts : child;
      } else {
        value = walk(child, childPath);
      }
      if (value !== child) changed = true;
      return [key, value];
    });
    if (!changed) return node;
    const copy: Record<string, unknown> = {};
    // defineProperty, not assignment: an exported "__proto__" key must stay a key, not become a prototype.
    for (const [key, value] of entries) Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  };

  return { value: walk(commits.value, basePath), redactions };
}

function isEmpty(value: unknown): boolean {
  return value === "" || value === null || value === undefined;
}
