// The idempotency key an expert's write carries: derived from the conversation, the turn, the
// call's position in the turn, the tool and its arguments, so a client that retries a turn with
// the same turn_id replays the write instead of repeating it (create_support_ticket opens one
// ticket), while a new turn, or another call in the same turn, is a new write.
import { createHash } from 'node:crypto';
import { IDEMPOTENCY_ARGUMENT } from './model-tools.js';

export interface WriteIdentity {
  conversationId: string;
  turnId: string;
  /** The call's position among the turn's tool calls, from 0. */
  callIndex: number;
  tool: string;
  args: Readonly<Record<string, unknown>>;
}

export function expertIdempotencyKey(write: WriteIdentity): string {
  const { [IDEMPOTENCY_ARGUMENT]: _ignored, ...args } = write.args;
  const material = JSON.stringify([write.conversationId, write.turnId, write.callIndex, write.tool, canonical(args)]);
  return `expert-${createHash('sha256').update(material).digest('base64url')}`;
}

/** `value` with object keys sorted at every depth, so equal arguments give equal keys. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}
