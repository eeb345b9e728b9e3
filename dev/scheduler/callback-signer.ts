// Where the development scheduler gets its callback signer: the app's own signature contract
// (shared/callback/sign-callback.ts: HMAC-SHA256 over `timestamp + "." + body` with
// SCHEDULER-CALLBACK-SECRET), signed afresh at each attempt. Without a secret it refuses to sign,
// so deliveries fail visibly instead of sending something the app would only refuse.
import { signCallback } from '../../shared/callback/sign-callback.js';
import type { Clock } from '../../shared/time/clock.js';
import type { CallbackSigner } from './callback-delivery.js';

export function callbackSignerFor(secret: string | undefined, clock: Clock): CallbackSigner {
  if (secret === undefined) {
    return function signerWithoutSecret() {
      throw new Error('no SCHEDULER_CALLBACK_SECRET: the development scheduler cannot sign callbacks');
    };
  }
  return function signWithCallbackSecret(body) {
    return signCallback(body, { secrets: [secret], now: clock.now() });
  };
}
