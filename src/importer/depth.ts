import { isArray, isRecord } from "./classify.js";
import { error, type Issue } from "./issues.js";

/**
 * The deepest nesting an export may have. Zadig's records nest about a dozen levels; far deeper input can only be
 * hostile or broken, and would overflow the stack of every recursive step after it (JSON.stringify fails near 5,000).
 */
export const MAX_NESTING = 256;

/**
 * An issue when `data` nests deeper than `max` arrays/objects, else null. Iterative, so it is safe on any depth.
 * @example nestingIssue("a.json", JSON.parse("[[[]]]"), 2)?.code // "too-deep"
 */
export function nestingIssue(file: string, data: unknown, max = MAX_NESTING): Issue | null {
  const stack: { node: unknown; depth: number }[] = [{ node: data, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { node, depth } = next;
    const children = isArray(node) ? node : isRecord(node) ? Object.values(node) : null;
    if (children === null) continue;
    if (depth + 1 > max) {
      return error(
        "too-deep",
        file,
        "",
        `the JSON nests more than ${max} arrays/objects deep; expected a Zadig export (about a dozen levels). The file was not imported; re-export it.`,
      );
    }
    for (const child of children) stack.push({ node: child, depth: depth + 1 });
  }
  return null;
}
