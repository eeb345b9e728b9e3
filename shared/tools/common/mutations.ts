// Pieces every mutating tool shares: the idempotency-key argument and annotations.
import * as z from 'zod';

export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7E]+$/, 'printable ASCII without spaces')
  .describe('A key you choose for this operation. Retrying with the same key returns the first result and applies nothing twice.');

/** A mutating tool whose repeat with the same arguments does the same thing. */
export const MUTATING_IDEMPOTENT = { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

/** A mutating tool that is retry-safe only with an idempotency key. */
export const MUTATING = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false } as const;
