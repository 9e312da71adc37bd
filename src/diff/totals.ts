import type { Release, TestSuite } from "../model/types.js";

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

export interface SecurityTotals {
  readonly images: number;
  readonly total: number;
  readonly critical: number;
  readonly high: number;
  readonly medium: number;
  readonly low: number;
  readonly negligible: number;
  readonly unknown: number;
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
  const sum = { suites: 0, total: 0, executed: 0, passed: 0, failed: 0, errors: 0, skipped: 0 };
  for (const test of release.tests) {
    if (test.suite === null) continue;
    const counts = suiteCounts(test.suite);
    sum.suites++;
    sum.total += counts.total;
    sum.executed += counts.executed;
    sum.passed += counts.passed;
    sum.failed += counts.failed;
    sum.errors += counts.errors;
    sum.skipped += counts.skipped;
  }
  return sum;
}

/** The release's security scan counts added up over its images. */
export function securityTotals(release: Release): SecurityTotals {
  const sum = { images: 0, total: 0, critical: 0, high: 0, medium: 0, low: 0, negligible: 0, unknown: 0 };
  for (const row of release.security) {
    sum.images++;
    sum.total += row.total;
    sum.critical += row.critical;
    sum.high += row.high;
    sum.medium += row.medium;
    sum.low += row.low;
    sum.negligible += row.negligible;
    sum.unknown += row.unknown;
  }
  return sum;
}

/** Whether two totals differ in any count. */
export function totalsDiffer<T extends object>(before: T, after: T): boolean {
  return (Object.keys(after) as (keyof T)[]).some((key) => before[key] !== after[key]);
}
