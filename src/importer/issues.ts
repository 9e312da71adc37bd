/** One problem found in the input. `path` is a dot path inside the file ("[0].versionInfo.id"), "" for the whole file. */
export interface Issue {
  readonly severity: "error" | "warning";
  readonly code: string;
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** What every import step returns: a value plus the issues it found, never a throw for bad input. */
export interface StepResult<T> {
  readonly value: T;
  readonly issues: readonly Issue[];
}

export function error(code: string, file: string, path: string, message: string): Issue {
  return { severity: "error", code, file, path, message };
}

export function warning(code: string, file: string, path: string, message: string): Issue {
  return { severity: "warning", code, file, path, message };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}

/**
 * One line per issue: file, path, message.
 * @example formatIssue(error("type", "a.json", "[0].versionInfo.taskId", "expected an integer, found the string \"7\""))
 *   // "a.json: [0].versionInfo.taskId: expected an integer, found the string \"7\""
 */
export function formatIssue(issue: Issue): string {
  const where = issue.path === "" ? issue.file : `${issue.file}: ${issue.path}`;
  const tag = issue.severity === "warning" ? "warning: " : "";
  return `${tag}${where}: ${issue.message}`;
}

/** Issues in a stable order: by file, then path, then message. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) => cmp(a.file, b.file) || cmp(a.path, b.path) || cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
