// POST /api/callback's handler refusing (see callback-fixture.ts): bad, missing, expired and
// future signatures, secret rotation, unreadable secrets, bad bodies and unknown conversations,
// each answered with its status and code, nothing stored, logged with its precise reason.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_CALLBACK_BODY_BYTES } from '../../../shared/callback/callback-payload.js';
import { CALLBACK_SIGNATURE_HEADER, CALLBACK_TIMESTAMP_HEADER, CALLBACK_WINDOW_SECONDS } from '../../../shared/callback/callback-signature.js';
import { UnavailableError } from '../../../shared/errors/domain-error.js';
import { CONTENT, EXPERT, FOLLOW_UP, NOW, OTHER, PREVIOUS, SECRET, assertError, assertNothingLeaked, assertNothingStored, assertRefusalRecorded, assertSuccess, auditRecords, callbackLogs, entriesOf, fixture, payload, send, sendSigned, signatureValues, signed, useCallbackFixture } from './callback-fixture.js';

describe('callback handler', () => {
  useCallbackFixture();

  describe('refused signatures (401 UNAUTHENTICATED, nothing stored)', () => {
    const cases: Array<{ name: string; reason: string; headers: (body: string) => Record<string, string> }> = [
      { name: 'no signature or timestamp header', reason: 'missing_signature', headers: () => ({ 'content-type': 'application/json' }) },
      {
        name: 'a timestamp but no signature',
        reason: 'missing_signature',
        headers: (body) => ({ 'content-type': 'application/json', [CALLBACK_TIMESTAMP_HEADER]: signed(body)[CALLBACK_TIMESTAMP_HEADER] ?? '' }),
      },
      { name: 'a signature that is not hex', reason: 'malformed_signature', headers: (body) => ({ ...signed(body), [CALLBACK_SIGNATURE_HEADER]: `v1=${'z'.repeat(64)}` }) },
      { name: 'a signature without its scheme', reason: 'malformed_signature', headers: (body) => ({ ...signed(body), [CALLBACK_SIGNATURE_HEADER]: signatureValues(signed(body))[0] ?? '' }) },
      { name: 'a timestamp in milliseconds', reason: 'malformed_signature', headers: (body) => ({ ...signed(body), [CALLBACK_TIMESTAMP_HEADER]: String(Date.parse(NOW)) }) },
      { name: 'a signature made with another secret', reason: 'bad_signature', headers: (body) => signed(body, { secrets: [OTHER] }) },
      { name: `a timestamp ${CALLBACK_WINDOW_SECONDS + 1} s old`, reason: 'expired', headers: (body) => signed(body, { offsetSeconds: -(CALLBACK_WINDOW_SECONDS + 1) }) },
      { name: 'a timestamp a day old', reason: 'expired', headers: (body) => signed(body, { offsetSeconds: -86_400 }) },
      { name: `a timestamp ${CALLBACK_WINDOW_SECONDS + 1} s ahead`, reason: 'future', headers: (body) => signed(body, { offsetSeconds: CALLBACK_WINDOW_SECONDS + 1 }) },
    ];

    for (const { name, reason, headers } of cases) {
      it(`refuses ${name}: ${reason}, logged and audited without the secret or the content`, async () => {
        const body = payload({ eventId: 'refused-event' });
        const sent = headers(body);
        const answer = await send(body, sent);

        const message = assertError(answer, 401, 'UNAUTHENTICATED');
        assert.ok(!message.includes(reason) && !answer.text.includes(reason), 'the sender is not told why');
        await assertNothingStored();
        await assertRefusalRecorded({ reason, level: 'warn', signed: false, requestId: answer.requestId });
        const [line] = callbackLogs();
        assert.ok(line);
        assert.equal(line.conversationId, undefined, 'an unsigned body is not parsed');
        assert.equal(line.eventId, undefined);
        await assertNothingLeaked(signatureValues(sent));
      });
    }

    it('refuses a tampered body or a timestamp changed after signing', async () => {
      const body = payload({ eventId: 'tampered' });
      const headers = signed(body);
      assertError(await send(body.replace('completed', 'cancelled'), headers), 401, 'UNAUTHENTICATED');
      assertError(await send(body, { ...headers, [CALLBACK_TIMESTAMP_HEADER]: String(Number(headers[CALLBACK_TIMESTAMP_HEADER]) + 1) }), 401, 'UNAUTHENTICATED');

      await assertNothingStored();
      assert.deepEqual(callbackLogs().map((line) => line.reason), ['bad_signature', 'bad_signature']);
    });

    it('refuses a callback that was valid once, when the clock has moved past its window', async () => {
      const body = payload({ eventId: 'late-replay' });
      const headers = signed(body);
      assertSuccess(await send(body, headers));
      fixture.clock.advance((CALLBACK_WINDOW_SECONDS + 1) * 1000);

      assertError(await send(body, headers), 401, 'UNAUTHENTICATED');
      assert.equal((await entriesOf(FOLLOW_UP)).length, 1);
      assert.deepEqual(callbackLogs().map((line) => line.reason ?? line.msg), ['callback stored', 'expired']);
    });
  });

  describe('secret rotation', () => {
    it('accepts the previous secret while SCHEDULER-CALLBACK-SECRET-PREVIOUS is set, and refuses it after', async () => {
      fixture.secrets.values['SCHEDULER-CALLBACK-SECRET-PREVIOUS'] = PREVIOUS;
      assertSuccess(await sendSigned(payload({ eventId: 'with-previous' }), { secrets: [PREVIOUS] }));
      assertSuccess(await sendSigned(payload({ eventId: 'with-current' }), { secrets: [SECRET] }));
      assertSuccess(await sendSigned(payload({ eventId: 'with-both' }), { secrets: [PREVIOUS, SECRET] }));

      delete fixture.secrets.values['SCHEDULER-CALLBACK-SECRET-PREVIOUS'];
      const late = await sendSigned(payload({ eventId: 'after-rotation' }), { secrets: [PREVIOUS] });

      assertError(late, 401, 'UNAUTHENTICATED');
      assert.deepEqual((await entriesOf(FOLLOW_UP)).map((entry) => entry.event_id), ['with-previous', 'with-current', 'with-both']);
      assert.equal(callbackLogs().at(-1)?.reason, 'bad_signature');
      await assertNothingLeaked();
    });

    it('picks up a new current secret on the next request', async () => {
      fixture.secrets.values['SCHEDULER-CALLBACK-SECRET'] = OTHER;
      assertSuccess(await sendSigned(payload({ eventId: 'new-secret' }), { secrets: [OTHER] }));
      assertError(await sendSigned(payload({ eventId: 'old-secret' }), { secrets: [SECRET] }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('unavailable secrets (503 UNAVAILABLE)', () => {
    it('answers 503 when no callback secret is configured, even with a previous one', async () => {
      fixture.secrets.values = { 'SCHEDULER-CALLBACK-SECRET-PREVIOUS': PREVIOUS };
      const answer = await sendSigned(payload({ eventId: 'no-secret' }), { secrets: [PREVIOUS] });

      assertError(answer, 503, 'UNAVAILABLE');
      await assertNothingStored();
      await assertRefusalRecorded({ reason: 'not_configured', signed: false, requestId: answer.requestId });
      await assertNothingLeaked();
    });

    it('logs a missing callback secret at error, as it logs an unreachable secrets provider', async () => {
      fixture.secrets.values = {};
      await sendSigned(payload({ eventId: 'no-secret-level' }));

      assert.deepEqual(callbackLogs().map((line) => [line.level, line.reason]), [['error', 'not_configured']]);
    });

    it('answers 503 when the secrets provider cannot be reached', async () => {
      fixture.secrets.failure = new UnavailableError('Key Vault could not be reached', { dependency: 'key_vault' });
      const answer = await sendSigned(payload({ eventId: 'vault-down' }));

      const message = assertError(answer, 503, 'UNAVAILABLE');
      assert.equal(message, 'Key Vault could not be reached');
      await assertNothingStored();
      await assertRefusalRecorded({ reason: 'unavailable', level: 'error', signed: false, requestId: answer.requestId });
      await assertNothingLeaked();
    });

    it('answers 500 INTERNAL, without detail, when the secrets provider fails unexpectedly', async () => {
      fixture.secrets.failure = new Error(`boom: ${SECRET}`);
      const answer = await sendSigned(payload({ eventId: 'vault-bug' }));

      assert.equal(assertError(answer, 500, 'INTERNAL'), 'Internal error');
      await assertNothingStored();
      await assertRefusalRecorded({ reason: 'internal', level: 'error', signed: false, requestId: answer.requestId });
      await assertNothingLeaked();
    });
  });

  describe('refused bodies', () => {
    it('refuses a content type other than JSON with 415, before reading the secret', async () => {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp', undefined]) {
        const body = payload({ eventId: 'wrong-type' });
        const headers = signed(body);
        if (contentType === undefined) delete headers['content-type'];
        else headers['content-type'] = contentType;
        assertError(await send(body, headers), 415, 'UNSUPPORTED_MEDIA_TYPE');
      }
      await assertNothingStored();
      assert.deepEqual(callbackLogs().map((line) => [line.level, line.reason]), Array.from({ length: 4 }, () => ['info', 'unsupported_media_type']));
      assert.deepEqual((await auditRecords()).map((record) => [record.callerId, record.reason]), Array.from({ length: 4 }, () => ['unverified', 'unsupported_media_type']));
      await assertNothingLeaked();
    });

    it('refuses a body over MAX_CALLBACK_BODY_BYTES with 413, whether its length is declared or counted', async () => {
      const bare = payload({ eventId: 'too-large', padding: '' });
      const body = payload({ eventId: 'too-large', padding: 'x'.repeat(MAX_CALLBACK_BODY_BYTES - Buffer.byteLength(bare) + 1) });
      assert.equal(Buffer.byteLength(body), MAX_CALLBACK_BODY_BYTES + 1);

      const counted = await sendSigned(body);
      const declared = await send(body, { ...signed(body), 'content-length': String(Buffer.byteLength(body)) });

      assertError(counted, 413, 'PAYLOAD_TOO_LARGE');
      assertError(declared, 413, 'PAYLOAD_TOO_LARGE');
      await assertNothingStored();
      assert.deepEqual(callbackLogs().map((line) => [line.level, line.reason, line.signed]), [
        ['info', 'too_large', false],
        ['info', 'too_large', false],
      ]);
      await assertNothingLeaked();
    });

    const invalid: Array<{ name: string; body: string; reason: string; field: RegExp }> = [
      { name: 'a body that is not JSON', body: '{"conversationId":', reason: 'invalid_json', field: /not JSON/ },
      { name: 'an empty body', body: '', reason: 'invalid_json', field: /not JSON/ },
      { name: 'a JSON array', body: '[1,2]', reason: 'invalid_payload', field: /\(body\): / },
      { name: 'a missing status', body: JSON.stringify({ conversationId: FOLLOW_UP, content: CONTENT }), reason: 'invalid_payload', field: /status: / },
      { name: 'a missing conversationId', body: JSON.stringify({ status: 'completed', content: CONTENT }), reason: 'invalid_payload', field: /conversationId: / },
      { name: 'content that is not a string', body: payload({ content: 42 }), reason: 'invalid_payload', field: /content: / },
      { name: 'a path-like conversation id ../x', body: payload({ conversationId: '../x' }), reason: 'invalid_payload', field: /conversationId: a conversation id is 3-64/ },
      { name: 'a conversation id with a slash', body: payload({ conversationId: 'fu/../../etc' }), reason: 'invalid_payload', field: /conversationId: / },
      { name: 'a path-like event id', body: payload({ eventId: '../x' }), reason: 'invalid_payload', field: /eventId: an event id is 1-128/ },
    ];

    for (const { name, body, reason, field } of invalid) {
      it(`refuses ${name}, signed, with 400 INVALID_ARGUMENT naming the field`, async () => {
        const answer = await sendSigned(body);

        const message = assertError(answer, 400, 'INVALID_ARGUMENT');
        assert.match(message, /^Invalid callback: /);
        assert.match(message, field);
        assert.ok(!message.includes('../x') && !message.includes(CONTENT), 'the values sent are not echoed');
        await assertNothingStored();
        await assertRefusalRecorded({ reason, level: 'info', signed: true, requestId: answer.requestId });
        await assertNothingLeaked();
      });
    }

    it('lists every bad field in one answer', async () => {
      const message = assertError(await sendSigned(JSON.stringify({ conversationId: 'a', content: 7 })), 400, 'INVALID_ARGUMENT');
      assert.match(message, /conversationId: .*; status: .*; content: /);
    });
  });

  describe('unknown conversations (404 NOT_FOUND)', () => {
    it('refuses a callback to a conversation that does not exist', async () => {
      const answer = await sendSigned(payload({ conversationId: 'fu-missing-0001', eventId: 'to-nowhere' }));

      assert.equal(assertError(answer, 404, 'NOT_FOUND'), 'Conversation fu-missing-0001 was not found');
      await assertNothingStored();
      await assertRefusalRecorded({
        reason: 'unknown_conversation',
        level: 'info',
        signed: true,
        requestId: answer.requestId,
        argumentIds: { conversation_id: 'fu-missing-0001', event_id: 'to-nowhere' },
      });
      await assertNothingLeaked();
    });

    it('refuses a callback to an expert conversation, as if it did not exist', async () => {
      const answer = await sendSigned(payload({ conversationId: EXPERT, eventId: 'to-expert' }));

      assert.equal(assertError(answer, 404, 'NOT_FOUND'), `Conversation ${EXPERT} was not found`);
      await assertNothingStored();
      await assertRefusalRecorded({
        reason: 'unknown_conversation',
        level: 'info',
        signed: true,
        requestId: answer.requestId,
        argumentIds: { conversation_id: EXPERT, event_id: 'to-expert' },
      });
    });
  });
});
