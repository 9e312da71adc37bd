/**
 * For tests only (README, "Development"): `ZADIG_SNAPSHOT_TEST_FAULT=fail-after:<step>` makes the build throw
 * after that step, `hang-after:<step>` makes it wait there until killed. Steps: `records` (in the record files'
 * worker thread, once its files are written), `reports` (in the reports' worker thread, once a release's reports
 * are written), `pages`, `stages`, `manifest`.
 * Tests use it to prove that a build failing or killed late leaves the previous output exactly as it was.
 */
export const FAULT_VARIABLE = "ZADIG_SNAPSHOT_TEST_FAULT";

export async function faultPoint(step: "records" | "reports" | "pages" | "stages" | "manifest"): Promise<void> {
  const fault = process.env[FAULT_VARIABLE];
  if (fault === `fail-after:${step}`) throw new Error(`injected failure after the ${step} step (${FAULT_VARIABLE}, for tests only)`);
  if (fault === `hang-after:${step}`) {
    // A timer keeps the event loop alive; the promise never settles, so the build waits here until it is killed.
    await new Promise<never>(() => setInterval(() => undefined, 60_000));
  }
}
