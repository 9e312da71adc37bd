import * as z from "zod";

/** Field types both Zadig shapes share; each schema module names its fields with these. */
export const Int = z.number().int();
/** Unix seconds, as Zadig writes every timestamp. */
export const UnixSeconds = z.number().int().nonnegative();
/** A whole number that cannot be negative: counts and byte sizes. */
export const NonNegativeInt = z.number().int().nonnegative();
/** An optional string: most Zadig strings are display-only. */
export const Text = z.string().optional();
