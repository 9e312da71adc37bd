/** A value removed before anything is written: where it was and why, never the value itself. */
export interface Redaction {
  readonly file: string;
  readonly path: string;
  readonly reason: string;
  /** Where inside a text value (a YAML document, a Secret key), when the path alone does not say. */
  readonly detail?: string;
}

/** Keys Zadig copies from the code host onto every commit it records (it masks them in the workflow API, not in the delivery API). */
export const COMMIT_CREDENTIAL_KEYS: readonly string[] = ["oauth_token", "password", "username"];

const COMMIT_CREDENTIAL_REASON = "code-host credential that Zadig copies onto build commits";

/**
 * Returns a copy of `value` without credential keys on any object inside a `commits` array (build commits,
 * activity commits, wherever a future Zadig puts them), and the list of what was removed.
 * Empty values are removed too but not reported: they hide nothing.
 * @example redactCommitCredentials({ commits: [{ repo_name: "a", oauth_token: "x" }] }, "f.json", "[0]")
 *   // { value: { commits: [{ repo_name: "a" }] }, redactions: [{ file: "f.json", path: "[0].commits[0].oauth_token", ... }] }
 */
export function redactCommitCredentials<T>(value: T, file: string, basePath: string): { value: T; redactions: Redaction[] } {
  const redactions: Redaction[] = [];
  const walk = (node: unknown, path: string, inCommits: boolean): unknown => {
    if (Array.isArray(node)) {
      return node.map((item, index) => walk(item, `${path}[${index}]`, inCommits));
    }
    if (node === null || typeof node !== "object") return node;
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      const childPath = path === "" ? key : `${path}.${key}`;
      if (inCommits && COMMIT_CREDENTIAL_KEYS.includes(key)) {
        if (child !== "" && child !== null && child !== undefined) {
          redactions.push({ file, path: childPath, reason: COMMIT_CREDENTIAL_REASON });
        }
        continue;
      }
      // defineProperty, not assignment: an exported "__proto__" key must stay a key, not become a prototype.
      Object.defineProperty(copy, key, { value: walk(child, childPath, key === "commits"), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  };
  // The walk keeps every key but the credentials, so the copy still has T's shape.
  const copied = walk(value, basePath, false) as T;
  return { value: copied, redactions };
}
