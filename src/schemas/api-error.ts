/** The body Zadig sends with an error status (`pkg/tool/errors` `ErrorMessage`). */
import * as z from "zod";

/**
 * A Zadig API error response, e.g. a 400 for a bad `taskId` or the 500 a missing artifact gives.
 * @example ApiError.safeParse({ code: 400, message: "Bad Request", description: "…" }).success // true
 */
export const ApiError = z.looseObject({
  code: z.number().int(),
  message: z.string(),
  description: z.string().optional(),
  type: z.string().optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
});
export type ApiError = z.infer<typeof ApiError>;
