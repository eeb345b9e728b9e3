// The fixture of the callback handler's tests: a real embedded conversation store holding one
// follow-up and one expert conversation, a real audit trail on SQLite, a secrets stand-in, a
// manual clock, every log line and answer captured; helpers to sign and send callbacks and to
// assert what was stored, logged, audited and never leaked.
import assert from 'node:assert/strict';
import { afterEach, beforeEach } from 'node:test';
import { createAuditTrail, type AuditTrail } from '../../../shared/audit/audit-trail.js';
import { CALLBACK_OPERATION, createCallbackHandler, type CallbackHandler } from '../../../shared/callback/callback-handler.js';
import { CALLBACK_SIGNATURE_HEADER } from '../../../shared/callback/callback-signature.js';
import { signCallback } from '../../../shared/callback/sign-callback.js';
import { openConversationDatabase, type ConversationDatabase } from '../../../shared/conversations/embedded/conversation-database.js';
import { EmbeddedConversationStore } from '../../../shared/conversations/embedded/embedded-conversation-store.js';
import type { ConversationEntry } from '../../../shared/conversations/conversation.js';
import type { AuditRecord } from '../../../shared/domain/audit/audit-record.js';
import { detachedScope } from '../../../shared/request/request-scope.js';
import type { SecretName, SecretsProvider } from '../../../shared/secrets/secrets-provider.js';
import type { ContosoStore } from '../../../shared/storage/contoso-store.js';
import { createSqliteStore } from '../../../shared/storage/sqlite/sqlite-store.js';
import { createLogger, silentLogger, type LogLevel } from '../../../shared/telemetry/logger.js';
import { manualClock, type ManualClock } from '../../support/manual-clock.js';

export const NOW = '2026-06-15T12:00:00.000Z';
export const SECRET = 'callback-secret-current-0123456789abcdef';
export const PREVIOUS = 'callback-secret-previous-fedcba9876543210';
export const OTHER = 'someone-else-s-secret-000000000000000000';
export const FOLLOW_UP = 'fu-callback-0001';
export const EXPERT = 'ex-callback-0001';
export const OWNER = { tenant_id: 'tenant-callback', caller_id: 'agent-callback' };
/** What a callback reports; it must reach the conversation and nothing else. */
export const CONTENT = 'Router replaced at Elm Street 12; the customer confirmed the line is stable.';

/** A secrets provider whose values (and failure) a test changes. */
export interface SecretsStandIn extends SecretsProvider {
  values: Partial<Record<SecretName, string>>;
  failure: Error | undefined;
}

export function secretsStandIn(values: Partial<Record<SecretName, string>>): SecretsStandIn {
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

export interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  json: unknown;
  requestId: string;
}

export interface LogLine {
  level: LogLevel;
  msg: string;
  [field: string]: unknown;
}

export interface Fixture {
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

export let fixture: Fixture;
export let requests = 0;

export function tracked(trail: AuditTrail, writes: Promise<unknown>[]): AuditTrail {
  return {
    newAuditId: () => trail.newAuditId(),
    write(entry) {
      const written = trail.write(entry);
      writes.push(written);
      return written;
    },
  };
}

export async function openFixture(): Promise<Fixture> {
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
export async function send(body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string>): Promise<Answer> {
  const requestId = `req-callback-${(requests += 1)}`;
  const request = new Request('http://localhost/api/callback', { method: 'POST', headers, body });
  const response = await fixture.handler(request, detachedScope(requestId, 'callback'));
  const text = await response.text();
  fixture.answers.push(text);
  return { status: response.status, contentType: response.headers.get('content-type'), text, json: JSON.parse(text) as unknown, requestId };
}

export interface Signing {
  secrets?: readonly [string, ...string[]];
  /** When it was signed, relative to NOW, in seconds. */
  offsetSeconds?: number;
}

export function signed(body: string, signing: Signing = {}): Record<string, string> {
  const now = new Date(Date.parse(NOW) + (signing.offsetSeconds ?? 0) * 1000);
  return signCallback(body, { secrets: signing.secrets ?? [SECRET], now });
}

export function payload(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ conversationId: FOLLOW_UP, status: 'completed', content: CONTENT, ...overrides });
}

/** Sends `body`, signed as `signing` says. */
export function sendSigned(body: string, signing: Signing = {}): Promise<Answer> {
  return send(body, signed(body, signing));
}

export async function entriesOf(id: string): Promise<ConversationEntry[]> {
  return (await fixture.conversations.get(id))?.entries ?? [];
}

/** The audit records, oldest first, once every write (background ones too) has finished. */
export async function auditRecords(): Promise<AuditRecord[]> {
  await Promise.all(fixture.auditWrites);
  return (await fixture.auditStore.audit.list(10_000)).reverse();
}

export function logLines(): LogLine[] {
  return fixture.lines.map((line) => JSON.parse(line) as LogLine);
}

export function callbackLogs(): LogLine[] {
  return logLines().filter((line) => line.msg === 'callback stored' || line.msg === 'callback refused');
}

export function assertSuccess(answer: Answer): void {
  assert.equal(answer.status, 200, answer.text);
  assert.match(answer.contentType ?? '', /^application\/json/);
  assert.deepEqual(answer.json, { success: true });
}

export function assertError(answer: Answer, status: number, code: string): string {
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
export async function assertNothingStored(): Promise<void> {
  assert.deepEqual(await entriesOf(FOLLOW_UP), []);
  assert.deepEqual(await entriesOf(EXPERT), []);
  assert.deepEqual(fixture.conversationsDb.prepare('SELECT count(*) AS n FROM conversations').get(), { n: 2 }, 'no conversation was created');
}

/** The one refusal logged so far and its audit record, checked against what they must say. */
export async function assertRefusalRecorded(expected: { reason: string; level?: LogLevel; signed: boolean; requestId: string; argumentIds?: Record<string, string>; tenantId?: string }): Promise<void> {
  const [line, ...others] = callbackLogs();
  assert.deepEqual(others, []);
  assert.ok(line);
  assert.equal(line.msg, 'callback refused');
  if (expected.level !== undefined) assert.equal(line.level, expected.level);
  assert.equal(line.reason, expected.reason);
  assert.equal(line.signed, expected.signed);
  assert.equal(line.requestId, expected.requestId);
  await assertOnlyAuditRecord({
    at: NOW,
    requestId: expected.requestId,
    callerId: expected.signed ? 'scheduler' : 'unverified',
    tenantId: expected.tenantId ?? '-',
    tool: CALLBACK_OPERATION,
    argumentIds: expected.argumentIds ?? {},
    outcome: 'refused',
    result: null,
    reason: expected.reason,
  });
}

/** The one audit record written so far: a callback audit id, and every other field as `expected`. */
export async function assertOnlyAuditRecord(expected: Omit<AuditRecord, 'auditId'>): Promise<void> {
  const [record, ...more] = await auditRecords();
  assert.deepEqual(more, []);
  assert.ok(record);
  const { auditId, ...rest } = record;
  assert.match(auditId, /^audit-cb-\d+$/);
  assert.deepEqual(rest, expected);
}

/** No answer, log line or audit record holds a secret, a signature or a callback's content. */
export async function assertNothingLeaked(signatures: readonly string[] = []): Promise<void> {
  const records = JSON.stringify(await auditRecords());
  for (const text of [...fixture.answers, ...fixture.lines, records]) {
    for (const secret of [SECRET, PREVIOUS, OTHER, ...signatures]) assert.ok(!text.includes(secret), `a secret or signature leaked into: ${text.slice(0, 200)}`);
    assert.ok(!text.includes(CONTENT), `the content leaked into: ${text.slice(0, 200)}`);
  }
}

export function signatureValues(headers: Record<string, string>): string[] {
  const header = headers[CALLBACK_SIGNATURE_HEADER] ?? '';
  return header
    .split(',')
    .map((entry) => entry.trim())
    .map((entry) => entry.slice(entry.indexOf('=') + 1))
    .filter((value) => value !== '');
}

/** Installs the per-test fixture (a fresh store, audit trail and handler) and the leak check after each test. */
export function useCallbackFixture(): void {
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

}
