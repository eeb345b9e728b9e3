// The scheduler callback's signature: HMAC-SHA256 with the shared callback secret over
// `<timestamp>.<raw body>`, sent as `x-contoso-timestamp: <unix seconds>` and
// `x-contoso-signature: v1=<hex>[, v1=<hex>…]` (several values let a sender sign with two secrets
// while it rotates). verifyCallbackSignature is pure: time and secrets are passed in, and it
// answers ok or one precise refusal reason for the security log (docs/callback.md).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const CALLBACK_TIMESTAMP_HEADER = 'x-contoso-timestamp';
export const CALLBACK_SIGNATURE_HEADER = 'x-contoso-signature';
/** The signature scheme this app checks; entries of other schemes in the header are ignored. */
export const CALLBACK_SIGNATURE_SCHEME = 'v1';
/** How far a callback's timestamp may be from now, either way, in seconds. */
export const CALLBACK_WINDOW_SECONDS = 300;
/** Most comma-separated entries read from the signature header. */
export const MAX_CALLBACK_SIGNATURES = 8;

/** Unix seconds, canonical (no sign, no leading zero), at most 12 digits. */
const TIMESTAMP = /^[1-9][0-9]{0,11}$/;
/** A hex HMAC-SHA256. */
const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/** Why a callback's signature was refused (for the security log; the sender sees only 401). */
export type CallbackRefusal = 'missing_signature' | 'malformed_signature' | 'expired' | 'future' | 'bad_signature';

export type CallbackVerification =
  | { ok: true; timestamp: number; signedWith: 'current' | 'previous' }
  | { ok: false; reason: CallbackRefusal };

/** What verification reads from a request's headers (a web `Headers` object fits). */
export interface HeaderReader {
  get(name: string): string | null;
}

/** The callback secrets in force: the current one, and the previous one during a rotation. */
export type CallbackSecrets = readonly [current: string, previous?: string | undefined];

function hmac(secret: string, timestamp: number, body: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

/** The hex HMAC-SHA256 of `<timestamp>.<body>` under `secret`: the value after `v1=`. */
export function callbackSignature(secret: string, timestamp: number, body: string | Uint8Array): string {
  return hmac(secret, timestamp, body).toString('hex');
}

/** The v1 signatures of the header, or a refusal when it is malformed. */
function v1SignaturesOf(header: string): Buffer[] | 'malformed_signature' {
  const entries = header.split(',').map((entry) => entry.trim());
  if (entries.length > MAX_CALLBACK_SIGNATURES) return 'malformed_signature';
  const signatures: Buffer[] = [];
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    if (equals <= 0) return 'malformed_signature';
    if (entry.slice(0, equals) !== CALLBACK_SIGNATURE_SCHEME) continue;
    const value = entry.slice(equals + 1);
    if (!HEX_SHA256.test(value)) return 'malformed_signature';
    signatures.push(Buffer.from(value, 'hex'));
  }
  return signatures.length > 0 ? signatures : 'malformed_signature';
}

/**
 * Checks a callback's signature over its raw body (the exact bytes received). Refusals, in the
 * order checked: `missing_signature` (either header absent or blank), `malformed_signature`,
 * `expired` (timestamp more than CALLBACK_WINDOW_SECONDS before `now`), `future` (more than that
 * after), `bad_signature` (no v1 value matches the current or the previous secret).
 */
export function verifyCallbackSignature(headers: HeaderReader, rawBody: string | Uint8Array, secrets: CallbackSecrets, now: Date): CallbackVerification {
  const [current, previous] = secrets;
  if (!current) throw new TypeError('verifyCallbackSignature needs the current callback secret');
  const timestampHeader = headers.get(CALLBACK_TIMESTAMP_HEADER)?.trim() ?? '';
  const signatureHeader = headers.get(CALLBACK_SIGNATURE_HEADER)?.trim() ?? '';
  if (timestampHeader === '' || signatureHeader === '') return { ok: false, reason: 'missing_signature' };
  if (!TIMESTAMP.test(timestampHeader)) return { ok: false, reason: 'malformed_signature' };
  const signatures = v1SignaturesOf(signatureHeader);
  if (signatures === 'malformed_signature') return { ok: false, reason: signatures };

  const timestamp = Number(timestampHeader);
  const age = Math.floor(now.getTime() / 1000) - timestamp;
  if (age > CALLBACK_WINDOW_SECONDS) return { ok: false, reason: 'expired' };
  if (-age > CALLBACK_WINDOW_SECONDS) return { ok: false, reason: 'future' };

  const candidates: ['current' | 'previous', Buffer][] = [['current', hmac(current, timestamp, rawBody)]];
  if (previous) candidates.push(['previous', hmac(previous, timestamp, rawBody)]);
  for (const [which, expected] of candidates) {
    // Every signature is 32 bytes (checked above), so timingSafeEqual compares equal lengths.
    if (signatures.some((signature) => timingSafeEqual(signature, expected))) return { ok: true, timestamp, signedWith: which };
  }
  return { ok: false, reason: 'bad_signature' };
}
