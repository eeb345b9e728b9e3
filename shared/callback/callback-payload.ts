// The scheduler callback's body, `{ conversationId, status, content, eventId? }` (the Contoso
// shape plus an optional event id), validated with zod and bounded in size. Without an eventId the
// event is named by a hash of the signed timestamp and the raw body, so a replayed request is
// recognised as the same event. Refusals name the fields, never their content.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { CONVERSATION_LIMITS, conversationIdSchema, eventIdSchema } from '../conversations/conversation.js';

/**
 * Largest callback body read, in bytes (413 beyond). Content is at most 16,000 characters; a
 * sender escaping every character as `\uXXXX` (Python's json.dumps does for non-ASCII) needs up
 * to 96,000 bytes for it, so the limit leaves room for that and the other fields.
 */
export const MAX_CALLBACK_BODY_BYTES = 128 * 1024;

/** A scheduler status such as `completed` or `failed`: a short token, as the stored entry allows. */
export const callbackStatusSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'a status is 1-64 letters, digits, "_", "." or "-", starting with a letter');

/** Unknown fields are ignored, so a sender may add some without breaking its callbacks. */
export const callbackPayloadSchema = z.object({
  conversationId: conversationIdSchema,
  status: callbackStatusSchema,
  content: z.string().max(CONVERSATION_LIMITS.maxContentChars),
  eventId: eventIdSchema.optional(),
});

export type CallbackPayload = z.infer<typeof callbackPayloadSchema>;

/** A validated callback, with the event id it is stored and deduplicated under. */
export interface CallbackEvent {
  conversationId: string;
  status: string;
  content: string;
  eventId: string;
  /** True when the sender gave no eventId and it was derived from the timestamp and body. */
  eventIdDerived: boolean;
}

export type CallbackPayloadResult =
  | { ok: true; event: CallbackEvent }
  | { ok: false; reason: 'invalid_json' | 'invalid_payload'; issues: readonly string[] };

/** `evt-` and the first 32 hex digits of SHA-256 over `<timestamp>.<raw body>`: stable for a replay. */
export function deriveEventId(timestamp: number, rawBody: string | Uint8Array): string {
  return `evt-${createHash('sha256').update(`${timestamp}.`).update(rawBody).digest('hex').slice(0, 32)}`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses and validates a callback body whose signature (over these bytes, at `timestamp`) was
 * already verified. Issues read `field: what was expected`, without the values sent.
 */
export function parseCallbackPayload(rawBody: string | Uint8Array, timestamp: number): CallbackPayloadResult {
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === 'string' ? rawBody : utf8.decode(rawBody));
  } catch {
    return { ok: false, reason: 'invalid_json', issues: ['the body is not JSON (UTF-8)'] };
  }
  const parsed = callbackPayloadSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(body)'}: ${issue.message}`);
    return { ok: false, reason: 'invalid_payload', issues };
  }
  const { conversationId, status, content, eventId } = parsed.data;
  return {
    ok: true,
    event: { conversationId, status, content, eventId: eventId ?? deriveEventId(timestamp, rawBody), eventIdDerived: eventId === undefined },
  };
}
