// Tests of the callback signature: a known answer computed with openssl, signatures made by
// signCallback verified, every refusal reason (missing, malformed, expired, future, bad), the
// window's boundaries, a tampered body or timestamp, and rotation on both sides (the previous
// secret accepted; a sender signing with two secrets).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CALLBACK_SIGNATURE_HEADER,
  CALLBACK_TIMESTAMP_HEADER,
  CALLBACK_WINDOW_SECONDS,
  callbackSignature,
  verifyCallbackSignature,
  type CallbackSecrets,
} from '../../../shared/callback/callback-signature.js';
import { signCallback } from '../../../shared/callback/sign-callback.js';

const SECRET = 'contoso-callback-secret-0123456789abcdef';
const PREVIOUS = 'contoso-callback-secret-previous-fedcba9876';
const OTHER = 'someone-else-s-secret-000000000000000000';
const BODY = '{"conversationId":"conv-123","status":"completed","content":"Your router was replaced."}';
const NOW = new Date('2026-03-15T10:00:00Z');
const TIMESTAMP = 1773568800; // NOW in unix seconds
/** `printf '%s' "1773568800.$BODY" | openssl dgst -sha256 -hmac "$SECRET"` */
const KNOWN_SIGNATURE = '61ca106d75372ab2736830a4c9c6f3b8a994da80093de9d68510b2b1e26613f4';

const headersOf = (timestamp: string | undefined, signature: string | undefined) => {
  const headers = new Headers();
  if (timestamp !== undefined) headers.set(CALLBACK_TIMESTAMP_HEADER, timestamp);
  if (signature !== undefined) headers.set(CALLBACK_SIGNATURE_HEADER, signature);
  return headers;
};
const signedAt = (at: Date, secrets: readonly [string, ...string[]] = [SECRET], body = BODY) => new Headers(signCallback(body, { secrets, now: at }));
const secondsFrom = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);
const verify = (headers: Headers, body: string | Uint8Array = BODY, secrets: CallbackSecrets = [SECRET], now = NOW) => verifyCallbackSignature(headers, body, secrets, now);

describe('callback signature', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>" (a known answer from openssl)', () => {
    assert.equal(callbackSignature(SECRET, TIMESTAMP, BODY), KNOWN_SIGNATURE);
    assert.equal(callbackSignature(SECRET, TIMESTAMP, new TextEncoder().encode(BODY)), KNOWN_SIGNATURE);
  });

  it('is what signCallback sends, with the timestamp in unix seconds', () => {
    const headers = signCallback(BODY, { secrets: [SECRET], now: new Date(NOW.getTime() + 999) });

    assert.deepEqual(headers, {
      'content-type': 'application/json',
      [CALLBACK_TIMESTAMP_HEADER]: String(TIMESTAMP),
      [CALLBACK_SIGNATURE_HEADER]: `v1=${KNOWN_SIGNATURE}`,
    });
  });

  it('accepts a signed callback, signed with the current secret', () => {
    assert.deepEqual(verify(signedAt(NOW)), { ok: true, timestamp: TIMESTAMP, signedWith: 'current' });
    assert.deepEqual(verify(headersOf(String(TIMESTAMP), `v1=${KNOWN_SIGNATURE.toUpperCase()}`)), { ok: true, timestamp: TIMESTAMP, signedWith: 'current' });
  });

  it('accepts the previous secret during a rotation, and only while it is configured', () => {
    const headers = signedAt(NOW, [PREVIOUS]);

    assert.deepEqual(verify(headers, BODY, [SECRET, PREVIOUS]), { ok: true, timestamp: TIMESTAMP, signedWith: 'previous' });
    assert.deepEqual(verify(headers, BODY, [SECRET]), { ok: false, reason: 'bad_signature' });
    assert.deepEqual(verify(headers, BODY, [SECRET, undefined]), { ok: false, reason: 'bad_signature' });
  });

  it('accepts any one of several v1 values (a sender rotating signs with both), ignoring other schemes', () => {
    assert.equal(verify(signedAt(NOW, [OTHER, SECRET])).ok, true);
    assert.equal(verify(signedAt(NOW, [SECRET, OTHER])).ok, true);
    assert.equal(verify(headersOf(String(TIMESTAMP), `v0=abc, v1=${KNOWN_SIGNATURE}, v2=${'0'.repeat(128)}`)).ok, true);
  });

  it('refuses a callback without a timestamp or signature header (or with a blank one): missing_signature', () => {
    const signature = `v1=${KNOWN_SIGNATURE}`;
    for (const headers of [headersOf(undefined, undefined), headersOf(String(TIMESTAMP), undefined), headersOf(undefined, signature), headersOf(' ', signature), headersOf(String(TIMESTAMP), '  ')]) {
      assert.deepEqual(verify(headers), { ok: false, reason: 'missing_signature' });
    }
  });

  it('refuses malformed timestamps and signature headers: malformed_signature', () => {
    const good = `v1=${KNOWN_SIGNATURE}`;
    const cases: [string, string][] = [
      ['1773568800.5', good],
      ['-1773568800', good],
      ['01773568800', good],
      ['+1773568800', good],
      ['2026-03-15T10:00:00Z', good],
      ['1773568800000000', good],
      [`${TIMESTAMP}, ${TIMESTAMP}`, good],
      [String(TIMESTAMP), KNOWN_SIGNATURE],
      [String(TIMESTAMP), `v1=${KNOWN_SIGNATURE.slice(1)}`],
      [String(TIMESTAMP), `v1=${KNOWN_SIGNATURE}0`],
      [String(TIMESTAMP), `v1=${'g'.repeat(64)}`],
      [String(TIMESTAMP), `v0=${KNOWN_SIGNATURE}`],
      [String(TIMESTAMP), `${good}, junk`],
      [String(TIMESTAMP), `${good}, =${KNOWN_SIGNATURE}`],
      [String(TIMESTAMP), Array.from({ length: 9 }, () => good).join(',')],
      [String(TIMESTAMP), `sha256=${KNOWN_SIGNATURE}`],
    ];
    for (const [timestamp, signature] of cases) {
      assert.deepEqual(verify(headersOf(timestamp, signature)), { ok: false, reason: 'malformed_signature' }, `${timestamp} / ${signature}`);
    }
  });

  it(`accepts a timestamp up to ${CALLBACK_WINDOW_SECONDS} s old and refuses one a second older: expired`, () => {
    const headers = signedAt(NOW);
    assert.equal(verify(headers, BODY, [SECRET], secondsFrom(NOW, CALLBACK_WINDOW_SECONDS)).ok, true);
    assert.equal(verify(headers, BODY, [SECRET], secondsFrom(NOW, CALLBACK_WINDOW_SECONDS + 0.999)).ok, true, 'seconds are whole');
    assert.deepEqual(verify(headers, BODY, [SECRET], secondsFrom(NOW, CALLBACK_WINDOW_SECONDS + 1)), { ok: false, reason: 'expired' });
    assert.deepEqual(verify(headers, BODY, [SECRET], secondsFrom(NOW, 86_400)), { ok: false, reason: 'expired' });
  });

  it(`accepts a timestamp up to ${CALLBACK_WINDOW_SECONDS} s ahead and refuses one a second further: future`, () => {
    assert.equal(verify(signedAt(secondsFrom(NOW, CALLBACK_WINDOW_SECONDS))).ok, true);
    assert.deepEqual(verify(signedAt(secondsFrom(NOW, CALLBACK_WINDOW_SECONDS + 1))), { ok: false, reason: 'future' });
  });

  it('refuses a signature that matches no configured secret: bad_signature', () => {
    assert.deepEqual(verify(signedAt(NOW, [OTHER])), { ok: false, reason: 'bad_signature' });
    assert.deepEqual(verify(headersOf(String(TIMESTAMP), `v1=${'0'.repeat(64)}`)), { ok: false, reason: 'bad_signature' });
  });

  it('refuses a tampered body, or a timestamp changed after signing: bad_signature', () => {
    const headers = signedAt(NOW);
    for (const body of [BODY.replace('completed', 'failed'), `${BODY} `, BODY.slice(0, -1), '']) {
      assert.deepEqual(verify(headers, body), { ok: false, reason: 'bad_signature' });
    }
    headers.set(CALLBACK_TIMESTAMP_HEADER, String(TIMESTAMP + 1));
    assert.deepEqual(verify(headers), { ok: false, reason: 'bad_signature' });
  });

  it('checks the exact bytes received', () => {
    const body = '{"conversationId":"conv-123","status":"completed","content":"Gerät getauscht ✓"}';
    const headers = signedAt(NOW, [SECRET], body);

    assert.equal(verify(headers, new TextEncoder().encode(body)).ok, true);
    assert.deepEqual(verify(headers, new TextEncoder().encode(body.normalize('NFD'))), { ok: false, reason: 'bad_signature' });
  });

  it('needs a current secret (the caller answers 503 without one, before verifying)', () => {
    assert.throws(() => verify(signedAt(NOW), BODY, ['']), TypeError);
  });
});
