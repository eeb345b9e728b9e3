// POST /api/callback's handler storing signed callbacks (see callback-fixture.ts): stored once
// per event, replays and concurrent copies too, and never a secret, a signature or a callback's
// content in an answer, a log line or an audit record, whatever the outcome.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AuditTrail } from '../../../shared/audit/audit-trail.js';
import { CALLBACK_OPERATION, createCallbackHandler } from '../../../shared/callback/callback-handler.js';
import { deriveEventId, MAX_CALLBACK_BODY_BYTES } from '../../../shared/callback/callback-payload.js';
import { CALLBACK_SIGNATURE_HEADER, CALLBACK_TIMESTAMP_HEADER, CALLBACK_WINDOW_SECONDS } from '../../../shared/callback/callback-signature.js';
import { UnavailableError } from '../../../shared/errors/domain-error.js';
import { silentLogger } from '../../../shared/telemetry/logger.js';
import { CONTENT, EXPERT, FOLLOW_UP, NOW, OTHER, OWNER, PREVIOUS, SECRET, assertNothingLeaked, assertOnlyAuditRecord, assertSuccess, auditRecords, callbackLogs, entriesOf, fixture, payload, send, sendSigned, signatureValues, signed, useCallbackFixture } from './callback-fixture.js';

describe('callback handler', () => {
  useCallbackFixture();

  describe('a signed callback', () => {
    it('is answered 200 {success:true} and appended to its follow-up conversation', async () => {
      const body = payload({ eventId: 'sched-1:attempt.1' });
      const headers = signed(body);
      const answer = await send(body, headers);

      assertSuccess(answer);
      assert.deepEqual(await entriesOf(FOLLOW_UP), [{ type: 'follow_up', event_id: 'sched-1:attempt.1', status: 'completed', content: CONTENT, received_at: NOW }]);
      assert.deepEqual(
        callbackLogs().map(({ level, msg, requestId, conversationId, eventId, duplicate }) => ({ level, msg, requestId, conversationId, eventId, duplicate })),
        [{ level: 'info', msg: 'callback stored', requestId: answer.requestId, conversationId: FOLLOW_UP, eventId: 'sched-1:attempt.1', duplicate: false }],
      );
      await assertOnlyAuditRecord({
        at: NOW,
        requestId: answer.requestId,
        callerId: 'scheduler',
        tenantId: OWNER.tenant_id,
        tool: CALLBACK_OPERATION,
        argumentIds: { conversation_id: FOLLOW_UP, event_id: 'sched-1:attempt.1' },
        outcome: 'granted',
        result: 'ok',
        reason: null,
      });
      assert.ok(fixture.lines.every((line) => !line.includes(CONTENT)), 'the content is stored, never logged');
      assert.ok(fixture.lines.every((line) => !line.includes(SECRET) && !signatureValues(headers).some((signature) => line.includes(signature))));
    });

    it('without an eventId is stored under the id derived from its timestamp and body', async () => {
      const body = payload();
      const headers = signed(body);
      assertSuccess(await send(body, headers));

      assert.deepEqual(
        (await entriesOf(FOLLOW_UP)).map((entry) => entry.event_id),
        [deriveEventId(Number(headers[CALLBACK_TIMESTAMP_HEADER]), body)],
      );
    });

    it('accepts a JSON content type with parameters, and an upper-case signature', async () => {
      const body = payload({ eventId: 'charset' });
      const headers = signed(body);
      const answer = await send(body, {
        ...headers,
        'content-type': 'Application/JSON; charset=utf-8',
        [CALLBACK_SIGNATURE_HEADER]: (headers[CALLBACK_SIGNATURE_HEADER] ?? '').toUpperCase().replace('V1=', 'v1='),
      });

      assertSuccess(answer);
      assert.equal((await entriesOf(FOLLOW_UP)).length, 1);
    });

    it(`accepts a timestamp up to ${CALLBACK_WINDOW_SECONDS} s old or ahead`, async () => {
      assertSuccess(await sendSigned(payload({ eventId: 'old' }), { offsetSeconds: -CALLBACK_WINDOW_SECONDS }));
      assertSuccess(await sendSigned(payload({ eventId: 'ahead' }), { offsetSeconds: CALLBACK_WINDOW_SECONDS }));
      assert.deepEqual((await entriesOf(FOLLOW_UP)).map((entry) => entry.event_id), ['old', 'ahead']);
    });

    it('reads the exact UTF-8 bytes it was signed over', async () => {
      const body = payload({ eventId: 'utf8', content: 'Gerät getauscht ✓' });
      const bytes = new TextEncoder().encode(body);
      assertSuccess(await send(bytes, signed(body)));
      assert.equal((await entriesOf(FOLLOW_UP))[0]?.content, 'Gerät getauscht ✓');
    });

    it(`accepts a body of exactly MAX_CALLBACK_BODY_BYTES (${MAX_CALLBACK_BODY_BYTES}) bytes`, async () => {
      const bare = payload({ eventId: 'largest', padding: '' });
      const body = payload({ eventId: 'largest', padding: 'x'.repeat(MAX_CALLBACK_BODY_BYTES - Buffer.byteLength(bare)) });
      assert.equal(Buffer.byteLength(body), MAX_CALLBACK_BODY_BYTES);

      assertSuccess(await sendSigned(body));
      assert.equal((await entriesOf(FOLLOW_UP)).length, 1);
    });

    it('waits for its audit record before answering, as granted tool calls and admin routes do', async () => {
      // The handler's comment says only refusals are audited in the background; record() drops
      // the granted write's promise too, so a slow audit log (Cosmos DB) is written after the answer.
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      let writeStarted: () => void = () => {};
      const started = new Promise<void>((resolve) => (writeStarted = resolve));
      const written: string[] = [];
      const slowAudit: AuditTrail = {
        newAuditId: () => 'audit-slow',
        async write(entry) {
          writeStarted();
          await gate;
          written.push(entry.outcome);
          return { ...entry, auditId: 'audit-slow', at: NOW };
        },
      };
      fixture.handler = createCallbackHandler({ conversations: fixture.conversations, secrets: fixture.secrets, clock: fixture.clock, logger: silentLogger, audit: slowAudit });
      let answered = false;
      const pending = sendSigned(payload({ eventId: 'slow-audit' })).then((answer) => {
        answered = true;
        return answer;
      });
      await started;
      await nextTurn();
      const answeredBeforeAudit = answered;
      release();
      assertSuccess(await pending);
      assert.deepEqual(written, ['granted']);
      assert.equal(answeredBeforeAudit, false, 'the 200 was sent before the audit record was written');
    });
  });

  describe('replays', () => {
    it('answers the same request twice with 200 and stores it once, auditing the second as replayed', async () => {
      const body = payload();
      const headers = signed(body);
      const first = await send(body, headers);
      const second = await send(body, headers);

      assertSuccess(first);
      assertSuccess(second);
      assert.equal((await entriesOf(FOLLOW_UP)).length, 1);
      assert.deepEqual(
        (await auditRecords()).map(({ requestId, outcome, result }) => ({ requestId, outcome, result })),
        [
          { requestId: first.requestId, outcome: 'granted', result: 'ok' },
          { requestId: second.requestId, outcome: 'granted', result: 'replayed' },
        ],
      );
      assert.deepEqual(
        callbackLogs().map(({ msg, duplicate }) => ({ msg, duplicate })),
        [
          { msg: 'callback stored', duplicate: false },
          { msg: 'callback stored', duplicate: true },
        ],
      );
    });

    it('stores a re-signed retry once when it carries its eventId, and twice when it does not', async () => {
      const withId = payload({ eventId: 'sched-9' });
      assertSuccess(await sendSigned(withId));
      assertSuccess(await sendSigned(withId, { offsetSeconds: 60 }));
      assert.deepEqual((await entriesOf(FOLLOW_UP)).map((entry) => entry.event_id), ['sched-9']);

      const withoutId = payload({ status: 'delivered' });
      assertSuccess(await sendSigned(withoutId));
      assertSuccess(await sendSigned(withoutId, { offsetSeconds: 60 }));
      assert.equal((await entriesOf(FOLLOW_UP)).length, 3, 'a new timestamp derives a new event id');
    });
  });


  describe('concurrency', () => {
    it('stores all of 50 concurrent distinct callbacks to one conversation (no lost update)', async () => {
      const ids = Array.from({ length: 50 }, (_, i) => `sched-${i}`);
      const answers = await Promise.all(ids.map((eventId, i) => sendSigned(payload({ eventId, status: i % 2 === 0 ? 'delivered' : 'completed' }))));

      for (const answer of answers) assertSuccess(answer);
      const stored = await entriesOf(FOLLOW_UP);
      assert.equal(stored.length, 50);
      assert.deepEqual(stored.map((entry) => entry.event_id).sort(), [...ids].sort());
      assert.deepEqual((await auditRecords()).map((record) => record.result), Array.from({ length: 50 }, () => 'ok'));
    });

    it('stores 20 concurrent copies of the same event once, answering each 200', async () => {
      const body = payload();
      const headers = signed(body);
      const answers = await Promise.all(Array.from({ length: 20 }, () => send(body, headers)));

      for (const answer of answers) assertSuccess(answer);
      assert.equal((await entriesOf(FOLLOW_UP)).length, 1);
      const results = (await auditRecords()).map((record) => record.result);
      assert.deepEqual([results.filter((result) => result === 'ok').length, results.filter((result) => result === 'replayed').length], [1, 19]);
    });
  });

  it('never puts a secret, a signature or the content in an answer, a log line or an audit record, whatever the outcome', async () => {
    fixture.secrets.values['SCHEDULER-CALLBACK-SECRET-PREVIOUS'] = PREVIOUS;
    const sentSignatures: string[] = [];
    const sendRecorded = (body: string, headers: Record<string, string>) => {
      sentSignatures.push(...signatureValues(headers));
      return send(body, headers);
    };
    const good = payload({ eventId: 'mixed-1' });
    const statuses = [
      (await sendRecorded(good, signed(good))).status,
      (await sendRecorded(good, signed(good, { secrets: [PREVIOUS] }))).status,
      (await sendRecorded(good, signed(good, { secrets: [OTHER] }))).status,
      (await sendRecorded(good, signed(good, { offsetSeconds: -3_600 }))).status,
      (await sendRecorded(payload({ conversationId: EXPERT }), signed(payload({ conversationId: EXPERT })))).status,
      (await sendRecorded('{"content":"' + CONTENT + '"', signed('{"content":"' + CONTENT + '"'))).status,
      (await sendRecorded(good, { ...signed(good), 'content-type': 'text/plain' })).status,
    ];
    fixture.secrets.failure = new UnavailableError('Key Vault could not be reached');
    statuses.push((await sendRecorded(good, signed(good))).status);

    assert.deepEqual(statuses, [200, 200, 401, 401, 404, 400, 415, 503]);
    await assertNothingLeaked(sentSignatures);
  });
});
