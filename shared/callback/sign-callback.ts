// The sender's side of the callback signature, for the development scheduler and tests: the
// headers to send with a JSON body, signed at `now` with one secret, or with several (a sender
// rotating its secret signs with both, and the app accepts either).
import { CALLBACK_SIGNATURE_HEADER, CALLBACK_SIGNATURE_SCHEME, CALLBACK_TIMESTAMP_HEADER, callbackSignature } from './callback-signature.js';

export interface SignCallbackOptions {
  /** The secrets to sign with, one `v1=` value each; at least one. */
  secrets: readonly [string, ...string[]];
  now: Date;
}

/** The headers of a signed callback: content type, timestamp (unix seconds) and signature. */
export function signCallback(body: string | Uint8Array, options: SignCallbackOptions): Record<string, string> {
  const timestamp = Math.floor(options.now.getTime() / 1000);
  const signatures = options.secrets.map((secret) => `${CALLBACK_SIGNATURE_SCHEME}=${callbackSignature(secret, timestamp, body)}`);
  return {
    'content-type': 'application/json',
    [CALLBACK_TIMESTAMP_HEADER]: String(timestamp),
    [CALLBACK_SIGNATURE_HEADER]: signatures.join(', '),
  };
}
