// Tests of POST /api/callback's handler on a real embedded conversation store and a real audit
// trail: signed callbacks stored once per event (replays and concurrent copies too), every
// refusal answered with its status and code, stored nothing and logged with its precise reason,
// and never a secret, a signature or a callback's content in an answer, a log line or an audit record.
import assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createAuditTrail, type AuditTrail } from '../../../shared/audit/audit-trail.js';
import { CALLBACK_OPERATION, createCallbackHandler, type CallbackHandler } from '../../../shared/callback/callback-handler.js';
import { deriveEventId, MAX_CALLBACK_BODY_BYTES } from '../../../shared/callback/callback-payload.js';
import { CALLBACK_SIGNATURE_HEADER, CALLBACK_TIMESTAMP_HEADER, CALLBACK_WINDOW_SECONDS } from '../../../shared/callback/callback-signature.js';
import { signCallback } from '../../../shared/callback/sign-callback.js';
import { openConversationDatabase, type ConversationDatabase } from '../../../shared/conversations/embedded/conversation-database.js';
import { EmbeddedConversationStore } from '../../../shared/conversations/embedded/embedded-conversation-store.js';
import type { ConversationEntry } from '../../../shared/conversations/conversation.js';
import type { AuditRecord } from '../../../shared/domain/audit/audit-record.js';
import { UnavailableError } from '../../../shared/errors/domain-error.js';
import { detachedScope } from '../../../shared/request/request-scope.js';
import type { SecretName, SecretsProvider } from '../../../shared/secrets/secrets-provider.js';
import type { ContosoStore } from '../../../shared/storage/contoso-store.js';
import { createSqliteStore } from '../../../shared/storage/sqlite/sqlite-store.js';
import { createLogger, silentLogger, type LogLevel } from '../../../shared/telemetry/logger.js';
import { manualClock, type ManualClock } from '../../support/manual-clock.js';

const NOW = '2026-06-15T12:00:00.000Z';
const SECRET = 'callback-secret-current-0123456789abcdef';
const PREVIOUS = 'callback-secret-previous-fedcba9876543210';
const OTHER = 'someone-else-s-secret-000000000000000000';
const FOLLOW_UP = 'fu-callback-0001';
const EXPERT = 'ex-callback-0001';
const OWNER = { tenant_id: 'tenant-callback', caller_id: 'agent-callback' };
/** What a callback reports; it must reach the conversation and nothing else. */
const CONTENT = 'Router replaced at Elm Street 12; the customer confirmed the line is stable.';

/** A secrets provider whose values (and failure) a test changes. */
interface SecretsStandIn extends SecretsProvider {
  values: Partial<Record<SecretName, string>>;
  failure: Error | undefined;
}

function secretsStandIn(values: Partial<Record<SecretName, string>>): SecretsStandIn {
  const standIn: SecretsStandIn = {
    kind: 'environment',
    values,
    failure: undefined,
    async get(name) {
      if (standIn.failure) throw standIn.failure;
      return standIn.values[name];
    },
    async check() {
      return { name: 'key_vault', status: 'ok' };
    },
  };
  return standIn;
}

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  json: unknown;
  requestId: string;
}

interface LogLine {
  level: LogLevel;
  msg: string;
  [field: string]: unknown;
}

interface Fixture {
  clock: ManualClock;
  secrets: SecretsStandIn;
  conversations: EmbeddedConversationStore;
  conversationsDb: ConversationDatabase;
  auditStore: ContosoStore;
  /** Every raw log line (handler and audit trail). */
  lines: string[];
  /** Every raw answer body. */
  answers: string[];
  /** Each audit write, so a test can wait for refusals audited in the background. */
  auditWrites: Promise<unknown>[];
  handler: CallbackHandler;
}

let fixture: Fixture;
let requests = 0;

function tracked(trail: AuditTrail, writes: Promise<unknown>[]): AuditTrail {
  return {
    newAuditId: () => trail.newAuditId(),
    write(entry) {
      const written = trail.write(entry);
      writes.push(written);
      return written;
    },
  };
}

async function openFixture(): Promise<Fixture> {
  const clock = manualClock(NOW);
  const conversationsDb = openConversationDatabase(':memory:');
  const conversations = new EmbeddedConversationStore(conversationsDb, { retentionDays: 30, clock, logger: silentLogger });
  await conversations.create({ id: FOLLOW_UP, kind: 'follow_up', owner: OWNER, customer_id: 251, topic: null });
  await conversations.create({ id: EXPERT, kind: 'expert', owner: OWNER, customer_id: 251, topic: 'billing' });
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', sink: (_level, line) => lines.push(line), now: () => clock.now() });
  const auditStore = createSqliteStore({ path: ':memory:' });
  let ids = 0;
  const auditWrites: Promise<unknown>[] = [];
  const audit = tracked(createAuditTrail({ log: auditStore.audit, clock, newId: () => `cb-${(ids += 1)}`, logger, retryDelayMs: 0 }), auditWrites);
  const secrets = secretsStandIn({ 'SCHEDULER-CALLBACK-SECRET': SECRET });
  const handler = createCallbackHandler({ conversations, secrets, clock, logger, audit });
  return { clock, secrets, conversations, conversationsDb, auditStore, lines, answers: [], auditWrites, handler };
}

/** POSTs `body` with `headers` to the handler and reads the answer. */
async function send(body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string>): Promise<Answer> {
  const requestId = `req-callback-${(requests += 1)}`;
  const request = new Request('http://localhost/api/callback', { method: 'POST', headers, body });
  const response = await fixture.handler(request, detachedScope(requestId, 'callback'));
  const text = await response.text();
  fixture.answers.push(text);
  return { status: response.status, contentType: response.headers.get('content-type'), text, json: JSON.parse(text) as unknown, requestId };
}

interface Signing {
  secrets?: readonly [string, ...string[]];
  /** When it was signed, relative to NOW, in seconds. */
  offsetSeconds?: number;
}

function signed(body: string, signing: Signing = {}): Record<string, string> {
  const now = new Date(Date.parse(NOW) + (signing.offsetSeconds ?? 0) * 1000);
  return signCallback(body, { secrets: signing.secrets ?? [SECRET], now });
}

function payload(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ conversationId: FOLLOW_UP, status: 'completed', content: CONTENT, ...overrides });
}

/** Sends `body`, signed as `signing` says. */
function sendSigned(body: string, signing: Signing = {}): Promise<Answer> {
  return send(body, signed(body, signing));
}

async function entriesOf(id: string): Promise<ConversationEntry[]> {
  return (await fixture.conversations.get(id))?.entries ?? [];
}

/** The audit records, oldest first, once every write (background ones too) has finished. */
async function auditRecords(): Promise<AuditRecord[]> {
  await Promise.all(fixture.auditWrites);
  return (await fixture.auditStore.audit.list(10_000)).reverse();
}

function logLines(): LogLine[] {
  return fixture.lines.map((line) => JSON.parse(line) as LogLine);
}

function callbackLogs(): LogLine[] {
  return logLines().filter((line) => line.msg === 'callback stored' || line.msg === 'callback refused');
}

function assertSuccess(answer: Answer): void {
  assert.equal(answer.status, 200, answer.text);
  assert.match(answer.contentType ?? '', /^application\/json/);
  assert.deepEqual(answer.json, { success: true });
}

function assertError(answer: Answer, status: number, code: string): string {
  assert.equal(answer.status, status, answer.text);
  assert.match(answer.contentType ?? '', /^application\/json/);
  const body = answer.json as { error: { code: string; message: string; request_id: string } };
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(body.error.code, code);
  assert.equal(body.error.request_id, answer.requestId);
  assert.equal(typeof body.error.message, 'string');
  return body.error.message;
}

/** Nothing reached the conversations: the follow-up is still empty and no other row exists. */
async function assertNothingStored(): Promise<void> {
  assert.deepEqual(await entriesOf(FOLLOW_UP), []);
  assert.deepEqual(await entriesOf(EXPERT), []);
  assert.deepEqual(fixture.conversationsDb.prepare('SELECT count(*) AS n FROM conversations').get(), { n: 2 }, 'no conversation was created');
}

/** The one refusal logged so far and its audit record, checked against what they must say. */
async function assertRefusalRecorded(expected: { reason: string; level?: LogLevel; signed: boolean; requestId: string; argumentIds?: Record<string, string>; tenantId?: string }): Promise<void> {
  const [line, ...others] = callbackLogs();
  assert.deepEqual(others, []);
  assert.ok(line);
  assert.equal(line.msg, 'callback refused');
  if (expected.level !== undefined) assert.equal(line.level, expected.level);
  assert.equal(line.reason, expected.reason);
  assert.equal(line.signed, expected.signed);
  assert.equal(line.requestId, expected.requestId);
  const [record, ...more] = await auditRecords();
  assert.deepEqual(more, []);
  assert.ok(record);
  const { auditId, ...rest } = record;
  assert.match(auditId, /^audit-cb-\d+$/);
  assert.deepEqual(
    rest,
    {
      at: NOW,
      requestId: expected.requestId,
      callerId: expected.signed ? 'scheduler' : 'unverified',
      tenantId: expected.tenantId ?? '-',
      tool: CALLBACK_OPERATION,
      argumentIds: expected.argumentIds ?? {},
      outcome: 'refused',
      result: null,
      reason: expected.reason,
    },
  );
}

/** No answer, log line or audit record holds a secret, a signature or a callback's content. */
async function assertNothingLeaked(signatures: readonly string[] = []): Promise<void> {
  const records = JSON.stringify(await auditRecords());
  for (const text of [...fixture.answers, ...fixture.lines, records]) {
    for (const secret of [SECRET, PREVIOUS, OTHER, ...signatures]) assert.ok(!text.includes(secret), `a secret or signature leaked into: ${text.slice(0, 200)}`);
    assert.ok(!text.includes(CONTENT), `the content leaked into: ${text.slice(0, 200)}`);
  }
}

function signatureValues(headers: Record<string, string>): string[] {
  const header = headers[CALLBACK_SIGNATURE_HEADER] ?? '';
  return header
    .split(',')
    .map((entry) => entry.trim())
    .map((entry) => entry.slice(entry.indexOf('=') + 1))
    .filter((value) => value !== '');
}

describe('callback handler', () => {
  beforeEach(async () => {
    fixture = await openFixture();
  });
  // Whatever a test sent, nothing it caused to be answered, logged or audited holds a secret or content.
  afterEach(async () => {
    try {
      await assertNothingLeaked();
    } finally {
      await fixture.conversations.close();
      await fixture.auditStore.close();
    }
  });

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
      const [record, ...more] = await auditRecords();
      assert.deepEqual(more, []);
      assert.ok(record);
      const { auditId, ...rest } = record;
      assert.match(auditId, /^audit-cb-\d+$/);
      assert.deepEqual(
        rest,
        {
          at: NOW,
          requestId: answer.requestId,
          callerId: 'scheduler',
          tenantId: OWNER.tenant_id,
          tool: CALLBACK_OPERATION,
          argumentIds: { conversation_id: FOLLOW_UP, event_id: 'sched-1:attempt.1' },
          outcome: 'granted',
          result: 'ok',
          reason: null,
        },
      );
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
