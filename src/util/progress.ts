/** Where a long job (import, build) reports how far it is; the CLI shows it on a terminal (src/cli/progress.ts). */
export interface Progress {
  /** A new stage begins: its name, and how many steps it has (null when unknown). */
  stage(name: string, total: number | null): void;
  /** `count` more steps of the current stage are done. */
  advance(count?: number): void;
}

export const NO_PROGRESS: Progress = { stage: () => {}, advance: () => {} };
