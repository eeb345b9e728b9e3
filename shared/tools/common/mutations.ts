// Pieces every mutating tool shares: the idempotency-key argument, its scoping to the caller,
// and annotations.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Principal } from '../../identity/principal.js';

export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7E]+$/, 'printable ASCII without spaces')
  .describe('A key you choose for this operation. Retrying with the same key returns the first result and applies nothing twice.');

/**
 * The key under which a call's idempotency_key is stored: bound to the caller (tenant and caller
 * id), the tool and its target, so a key someone else used is simply a new key for this caller
 * and reveals nothing about their calls. A one-way digest: no caller id is stored with the data.
 */
export function scopedIdempotencyKey(caller: Pick<Principal, 'tenantId' | 'callerId'>, tool: string, target: number | string, key: string): string {
  const digest = createHash('sha256').update(JSON.stringify([caller.tenantId, caller.callerId, tool, String(target), key])).digest('base64url');
  return `idem-${digest}`;
}

/** A mutating tool whose repeat with the same arguments does the same thing. */
export const MUTATING_IDEMPOTENT = { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

/** A mutating tool that is retry-safe only with an idempotency key. */
export const MUTATING = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false } as const;
