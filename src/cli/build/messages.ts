/** What the build's worker thread tells the CLI thread, in order, over its one message port. */
export type WorkerMessage =
  | { readonly kind: "out" | "err"; readonly line: string }
  | { readonly kind: "stage"; readonly name: string; readonly total: number | null }
  | { readonly kind: "advance"; readonly count: number }
  | { readonly kind: "end-progress" }
  | { readonly kind: "done"; readonly exitCode: number }
  | { readonly kind: "user-error"; readonly message: string; readonly exitCode: number };
