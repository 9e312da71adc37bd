import type { Release, SecurityCounts, TestSuite } from "../model/types.js";

export interface TestCounts {
  readonly total: number;
  readonly executed: number;
  readonly passed: number;
  readonly failed: number;
  readonly errors: number;
  readonly skipped: number;
}

export interface TestTotals extends TestCounts {
  readonly suites: number;
}

export interface SecurityTotals extends SecurityCounts {
  readonly images: number;
}

/**
 * One functional suite's counts with the portal's arithmetic (P-1.7 detail.vue): total = tests + skips,
 * executed = tests - skips, passed = tests - failures - errors.
 * @example suiteCounts({ tests: 10, failures: 1, errors: 0, skips: 2, time: 3 }).total // 12
 */
export function suiteCounts(suite: TestSuite): TestCounts {
  return {
    total: suite.tests + suite.skips,
    executed: suite.tests - suite.skips,
    passed: suite.tests - suite.failures - suite.errors,
    failed: suite.failures,
    errors: suite.errors,
    skipped: suite.skips,
  };
}

/** The release's functional test suites added up (performance suites have no pass/fail totals). */
export function testTotals(release: Release): TestTotals {
  const suites = release.tests.flatMap((test) => (test.suite === null ? [] : [suiteCounts(test.suite)]));
  return { suites: suites.length, ...sumOf(suites, TEST_COUNT_KEYS) };
}

/** The release's security scan counts added up over its images. */
export function securityTotals(release: Release): SecurityTotals {
  return { images: release.security.length, ...sumOf(release.security, SECURITY_COUNT_KEYS) };
}

// Key order is the order the diff JSON prints them in.
const TEST_COUNT_KEYS = ["total", "executed", "passed", "failed", "errors", "skipped"] as const satisfies readonly (keyof TestCounts)[];
const SECURITY_COUNT_KEYS = ["total", "critical", "high", "medium", "low", "negligible", "unknown"] as const satisfies readonly (keyof SecurityCounts)[];

/** Each key's values added up over the rows, keys in the given order. */
function sumOf<K extends string>(rows: readonly Readonly<Record<K, number>>[], keys: readonly K[]): Record<K, number> {
  const sum = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const row of rows) for (const key of keys) sum[key] += row[key];
  return sum;
}

/** Whether two totals differ in any count. */
export function totalsDiffer<T extends object>(before: T, after: T): boolean {
  return (Object.keys(after) as (keyof T)[]).some((key) => before[key] !== after[key]);
}
