import { formatBytes, formatCount } from "../site/format.js";

/** Attachment budgets (hosting-and-audit notes §4.4): Jira's common default is 10 MB, so a report stays well under. */
export const REPORT_BUDGET_BYTES = { html: 5 * 1024 * 1024, md: 100 * 1024 } as const;

/**
 * A warning naming the report when it is over its budget, or null.
 * @example budgetWarning("reports/pay/1.0-….html", "html", 6_000_000) // "warning: reports/pay/1.0-….html is 5.72 MB (6,000,000 bytes), over …"
 */
export function budgetWarning(file: string, kind: keyof typeof REPORT_BUDGET_BYTES, bytes: number): string | null {
  const budget = REPORT_BUDGET_BYTES[kind];
  if (bytes <= budget) return null;
  return `warning: ${file} is ${formatBytes(bytes)} (${formatCount(bytes)} bytes), over the ${formatBytes(budget)} budget for a ${kind === "html" ? "single-file HTML report" : "Markdown summary"}; some ticket systems refuse attachments this large.`;
}
