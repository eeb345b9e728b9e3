// Where the development scheduler gets its callback signer. The signature contract (headers,
// HMAC-SHA256 over `timestamp + "." + body` with SCHEDULER-CALLBACK-SECRET) belongs to
// shared/callback/sign-callback.ts, written on another branch of #14; until it is merged, this
// seam refuses to sign, so deliveries fail visibly instead of sending a made-up signature.
// Wiring it: `return (body) => signCallback(secret, body, clock.now())`.
import type { Clock } from '../../shared/time/clock.js';
import type { CallbackSigner } from './callback-delivery.js';

export function callbackSignerFor(secret: string | undefined, _clock: Clock): CallbackSigner {
  return function signerNotWired() {
    throw new Error(
      secret === undefined
        ? 'no SCHEDULER_CALLBACK_SECRET: the development scheduler cannot sign callbacks'
        : 'the callback signer (shared/callback/sign-callback.ts) is not wired into dev/scheduler/callback-signer.ts yet',
    );
  };
}
