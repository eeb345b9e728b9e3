// Tests of scheduling and reading follow-up conversations on a seeded embedded store and a real
// embedded conversation store, with a scheduler stand-in that is idempotent per key like the real
// one: the conversation created (or continued) for its owner, the scoped key and callback URL the
// scheduler receives, retries that land once, the time window, and who may read a conversation.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { openConversationDatabase, type ConversationDatabase } from '../../../shared/conversations/embedded/conversation-database.js';
import { EmbeddedConversationStore } from '../../../shared/conversations/embedded/embedded-conversation-store.js';
import { createFollowUps, MAX_FOLLOW_UP_DAYS, MIN_FOLLOW_UP_LEAD_SECONDS, type FollowUpRequest, type FollowUps } from '../../../shared/conversations/follow-ups.js';
import { ConflictError, InvalidArgumentError, NotFoundError, UnavailableError } from '../../../shared/errors/domain-error.js';
import { ROLES, type Principal } from '../../../shared/identity/principal.js';
import { detachedScope, withCaller, type CallerScope } from '../../../shared/request/request-scope.js';
import type { ScheduleRequest, SchedulerClient } from '../../../shared/scheduler/scheduler-client.js';
import { seedStore } from '../../../shared/seed/ensure-seeded.js';
import type { ContosoStore } from '../../../shared/storage/contoso-store.js';
import { createSqliteStore } from '../../../shared/storage/sqlite/sqlite-store.js';
import { silentLogger } from '../../../shared/telemetry/logger.js';
import { fixedClock } from '../../../shared/time/clock.js';
import { scopedIdempotencyKey } from '../../../shared/tools/common/mutations.js';
import { createInMemoryScheduler, type InMemoryScheduler } from '../../support/in-memory-scheduler.js';

const NOW = '2026-06-15T12:00:00.000Z';
const clock = fixedClock(NOW);
const CALLBACK_URL = 'https://contoso-mcp.example.net/api/callback';
const SECONDS = 1000;
const DAYS = 86_400 * SECONDS;
const UNKNOWN_CUSTOMER = 987_654;

const agent: Principal = { callerId: 'agent-ada', tenantId: 'tenant-contoso', roles: [ROLES.write], source: 'token' };
const colleague: Principal = { callerId: 'agent-bob', tenantId: 'tenant-contoso', roles: [ROLES.write], source: 'token' };
/** The same caller id in another tenant: another owner. */
const namesake: Principal = { ...agent, tenantId: 'tenant-fabrikam' };
const securityOfficer: Principal = { callerId: 'officer-eve', tenantId: 'tenant-contoso', roles: [ROLES.security], source: 'token' };
const administrator: Principal = { callerId: 'admin-ian', tenantId: 'tenant-contoso', roles: [ROLES.admin, ROLES.write], source: 'token' };

let requests = 0;
function scopeOf(principal: Principal): CallerScope {
  return withCaller(detachedScope(`req-follow-up-${(requests += 1)}`), principal);
}

const fromNow = (ms: number) => new Date(Date.parse(NOW) + ms);

/**
 * The in-memory scheduler (idempotent per key, refusing a key reused for another request), with
 * every call recorded (replays too) and the error of the next calls settable.
 */
interface RecordingScheduler extends SchedulerClient {
  readonly inner: InMemoryScheduler;
  readonly calls: Array<{ request: ScheduleRequest; signal: AbortSignal | undefined }>;
  /** Thrown by the next calls while set. */
  failure: Error | undefined;
}

function recordingScheduler(): RecordingScheduler {
  const inner = createInMemoryScheduler();
  const scheduler: RecordingScheduler = {
    inner,
    calls: [],
    failure: undefined,
    async schedule(request, options) {
      scheduler.calls.push({ request, signal: options?.signal });
      if (scheduler.failure) throw scheduler.failure;
      return inner.schedule(request, options);
    },
    check: () => inner.check(),
  };
  return scheduler;
}

describe('follow-ups', () => {
  let store: ContosoStore;
  let customerId: number;
  let otherCustomerId: number;
  let conversationsDb: ConversationDatabase;
  let conversations: EmbeddedConversationStore;
  let scheduler: RecordingScheduler;
  let followUps: FollowUps;

  before(async () => {
    store = createSqliteStore({ path: ':memory:' });
    await seedStore(store, { customerCount: 5, anchorDate: NOW.slice(0, 10) }, clock);
    const { items } = await store.customers.list({ limit: 2 });
    const [first, second] = items;
    assert.ok(first && second, 'the seed has customers');
    customerId = first.customerId;
    otherCustomerId = second.customerId;
    assert.equal(await store.customers.get(UNKNOWN_CUSTOMER), null, 'the unknown customer is not seeded');
  });
  after(async () => store.close());

  beforeEach(() => {
    conversationsDb = openConversationDatabase(':memory:');
    conversations = new EmbeddedConversationStore(conversationsDb, { retentionDays: 30, clock, logger: silentLogger });
    scheduler = recordingScheduler();
    followUps = createFollowUps({ conversations, scheduler, store, clock, callbackUrl: CALLBACK_URL });
  });
  afterEach(async () => conversations.close());

  const request = (overrides: Partial<FollowUpRequest> = {}): FollowUpRequest => ({
    customerId,
    when: fromNow(2 * DAYS),
    message: 'Check that the replacement router keeps the line stable',
    ...overrides,
  });

  const conversationCount = () => (conversationsDb.prepare('SELECT count(*) AS n FROM conversations').get() as { n: number }).n;

  describe('schedule', () => {
    it("creates a fu- conversation owned by the caller, with a scheduled entry, and asks the scheduler to call back", async () => {
      const scope = scopeOf(agent);
      const signal = new AbortController().signal;
      const scheduled = await followUps.schedule(scope, request({ idempotencyKey: 'key-0001' }), signal);

      assert.match(scheduled.conversationId, /^fu-[0-9a-f]{32}$/);
      assert.deepEqual(scheduled, { conversationId: scheduled.conversationId, scheduleId: 'sch-1', when: fromNow(2 * DAYS).toISOString(), replayed: false });
      const conversation = await followUps.read(scope, scheduled.conversationId);
      assert.deepEqual(conversation, {
        schema_version: 1,
        id: scheduled.conversationId,
        kind: 'follow_up',
        owner: { tenant_id: agent.tenantId, caller_id: agent.callerId },
        customer_id: customerId,
        topic: null,
        created_at: NOW,
        updated_at: NOW,
        entries: [{ type: 'follow_up', event_id: 'scheduled-sch-1', status: 'scheduled', content: 'Check that the replacement router keeps the line stable', received_at: NOW }],
      });
      assert.equal(scheduler.calls.length, 1);
      const [call] = scheduler.calls;
      assert.ok(call);
      assert.deepEqual(call.request, {
        conversation_id: scheduled.conversationId,
        customer_id: customerId,
        when: fromNow(2 * DAYS).toISOString(),
        message: 'Check that the replacement router keeps the line stable',
        callback_url: CALLBACK_URL,
        idempotency_key: scopedIdempotencyKey(agent, 'schedule_follow_up', scheduled.conversationId, 'key-0001'),
      });
      assert.match(call.request.idempotency_key, /^idem-[A-Za-z0-9_-]{43}$/);
      assert.ok(!call.request.idempotency_key.includes('key-0001'), 'the raw key is never sent');
      assert.equal(call.signal, signal, "the caller's budget reaches the scheduler");
    });

    it('without an idempotency key creates a new conversation each time, still sending a scoped key', async () => {
      const first = await followUps.schedule(scopeOf(agent), request());
      const second = await followUps.schedule(scopeOf(agent), request());

      assert.match(first.conversationId, /^fu-[0-9a-f]{8}-[0-9a-f]{4}-/);
      assert.notEqual(first.conversationId, second.conversationId);
      assert.deepEqual([first.replayed, second.replayed], [false, false]);
      assert.deepEqual(scheduler.calls.map(({ request: sent }) => sent.conversation_id), [first.conversationId, second.conversationId]);
      for (const { request: sent } of scheduler.calls) assert.match(sent.idempotency_key, /^idem-/);
      assert.notEqual(scheduler.calls[0]?.request.idempotency_key, scheduler.calls[1]?.request.idempotency_key);
      assert.equal(conversationCount(), 2);
    });

    it('with the same idempotency key twice lands in the same conversation once, sending the same key, replayed', async () => {
      const first = await followUps.schedule(scopeOf(agent), request({ idempotencyKey: 'retry-me' }));
      const second = await followUps.schedule(scopeOf(agent), request({ idempotencyKey: 'retry-me' }));

      assert.equal(second.conversationId, first.conversationId);
      assert.equal(second.scheduleId, first.scheduleId);
      assert.deepEqual([first.replayed, second.replayed], [false, true]);
      assert.equal(scheduler.calls.length, 2);
      assert.deepEqual(scheduler.calls[1]?.request, scheduler.calls[0]?.request, 'the retry asks for exactly the same schedule');
      assert.equal(scheduler.inner.requests.length, 1, 'the scheduler scheduled once');
      assert.equal((await followUps.read(scopeOf(agent), first.conversationId)).entries.length, 1);
      assert.equal(conversationCount(), 1);
    });

    it('with the same idempotency key from another caller or tenant schedules another conversation', async () => {
      const mine = await followUps.schedule(scopeOf(agent), request({ idempotencyKey: 'shared-key' }));
      const colleagues = await followUps.schedule(scopeOf(colleague), request({ idempotencyKey: 'shared-key' }));
      const namesakes = await followUps.schedule(scopeOf(namesake), request({ idempotencyKey: 'shared-key' }));

      assert.equal(new Set([mine.conversationId, colleagues.conversationId, namesakes.conversationId]).size, 3);
      assert.deepEqual([mine.replayed, colleagues.replayed, namesakes.replayed], [false, false, false]);
      assert.equal(new Set(scheduler.calls.map(({ request: sent }) => sent.idempotency_key)).size, 3);
      assert.deepEqual((await followUps.read(scopeOf(colleague), colleagues.conversationId)).owner, { tenant_id: colleague.tenantId, caller_id: colleague.callerId });
      assert.deepEqual((await followUps.read(scopeOf(namesake), namesakes.conversationId)).owner, { tenant_id: namesake.tenantId, caller_id: namesake.callerId });
    });

    it('with the same idempotency key for another customer schedules another conversation', async () => {
      const first = await followUps.schedule(scopeOf(agent), request({ idempotencyKey: 'per-customer' }));
      const second = await followUps.schedule(scopeOf(agent), request({ idempotencyKey: 'per-customer', customerId: otherCustomerId }));

      assert.notEqual(second.conversationId, first.conversationId);
      assert.equal((await followUps.read(scopeOf(agent), second.conversationId)).customer_id, otherCustomerId);
    });

    it(`accepts when from ${MIN_FOLLOW_UP_LEAD_SECONDS} s to ${MAX_FOLLOW_UP_DAYS} days ahead`, async () => {
      await followUps.schedule(scopeOf(agent), request({ when: fromNow(MIN_FOLLOW_UP_LEAD_SECONDS * SECONDS) }));
      await followUps.schedule(scopeOf(agent), request({ when: fromNow(MAX_FOLLOW_UP_DAYS * DAYS) }));

      assert.deepEqual(
        scheduler.calls.map(({ request: sent }) => sent.when),
        [fromNow(MIN_FOLLOW_UP_LEAD_SECONDS * SECONDS).toISOString(), fromNow(MAX_FOLLOW_UP_DAYS * DAYS).toISOString()],
      );
    });

    const outOfWindow: Array<[string, Date, RegExp]> = [
      ['in the past', fromNow(-60 * SECONDS), /at least 30 seconds in the future/],
      ['now', fromNow(0), /at least 30 seconds in the future/],
      [`${MIN_FOLLOW_UP_LEAD_SECONDS - 1} s ahead`, fromNow((MIN_FOLLOW_UP_LEAD_SECONDS - 1) * SECONDS), /at least 30 seconds in the future/],
      ['1 ms short of 30 s ahead', fromNow(MIN_FOLLOW_UP_LEAD_SECONDS * SECONDS - 1), /at least 30 seconds in the future/],
      [`${MAX_FOLLOW_UP_DAYS} days and 1 s ahead`, fromNow(MAX_FOLLOW_UP_DAYS * DAYS + SECONDS), /within 90 days/],
      ['a year ahead', fromNow(365 * DAYS), /within 90 days/],
    ];
    for (const [name, when, message] of outOfWindow) {
      it(`refuses when ${name} with InvalidArgumentError naming when, scheduling nothing`, async () => {
        const error = await rejection(followUps.schedule(scopeOf(agent), request({ when, idempotencyKey: 'window' })));

        assert.ok(error instanceof InvalidArgumentError, String(error));
        assert.match(error.message, /^when must be /);
        assert.match(error.message, message);
        assert.deepEqual(error.details, { field: 'when' });
        assert.deepEqual(scheduler.calls, []);
        assert.equal(conversationCount(), 0);
      });
    }

    it('refuses an unknown customer with NotFoundError, scheduling nothing', async () => {
      const error = await rejection(followUps.schedule(scopeOf(agent), request({ customerId: UNKNOWN_CUSTOMER, idempotencyKey: 'ghost' })));

      assert.ok(error instanceof NotFoundError, `expected NotFoundError, got ${String(error)}`);
      assert.deepEqual(error.details, { entity: 'Customer', id: UNKNOWN_CUSTOMER });
      assert.deepEqual(scheduler.calls, []);
      assert.equal(conversationCount(), 0);
    });

    it('refuses with UnavailableError when no scheduler is configured, creating no conversation', async () => {
      const unscheduled = createFollowUps({ conversations, scheduler: undefined, store, clock, callbackUrl: CALLBACK_URL });
      const error = await rejection(unscheduled.schedule(scopeOf(agent), request({ idempotencyKey: 'no-scheduler' })));

      assert.ok(error instanceof UnavailableError, String(error));
      assert.match(error.message, /SCHEDULER_URL/);
      assert.deepEqual(error.details, { dependency: 'scheduler' });
      assert.equal(conversationCount(), 0);
    });

    it('lets a scheduler failure propagate, and a retry with the same key lands in the same conversation once', async () => {
      scheduler.inner.failing = true;
      const error = await rejection(followUps.schedule(scopeOf(agent), request({ idempotencyKey: 'flaky' })));
      assert.ok(error instanceof UnavailableError, String(error));
      assert.deepEqual(error.details, { dependency: 'scheduler', retry_after_seconds: 1 });
      const [failed] = scheduler.calls;
      assert.ok(failed);
      assert.deepEqual((await followUps.read(scopeOf(agent), failed.request.conversation_id)).entries, [], 'nothing was recorded as scheduled');

      scheduler.inner.failing = false;
      const retried = await followUps.schedule(scopeOf(agent), request({ idempotencyKey: 'flaky' }));

      assert.equal(retried.conversationId, failed.request.conversation_id);
      assert.equal(scheduler.calls[1]?.request.idempotency_key, failed.request.idempotency_key);
      assert.equal(retried.replayed, false);
      assert.deepEqual((await followUps.read(scopeOf(agent), retried.conversationId)).entries, [
        { type: 'follow_up', event_id: `scheduled-${retried.scheduleId}`, status: 'scheduled', content: 'Check that the replacement router keeps the line stable', received_at: NOW },
      ]);
      assert.equal(conversationCount(), 1);
    });

    it('passes the errors the scheduler refuses with through unchanged', async () => {
      const refusal = new InvalidArgumentError('when is not a date the scheduler accepts', { field: 'when' });
      scheduler.failure = refusal;

      assert.equal(await rejection(followUps.schedule(scopeOf(agent), request())), refusal);
    });
  });

  describe('continuing a conversation', () => {
    it('appends a second scheduled entry to a conversation of its own', async () => {
      const first = await followUps.schedule(scopeOf(agent), request({ idempotencyKey: 'first' }));
      const second = await followUps.schedule(scopeOf(agent), request({ conversationId: first.conversationId, when: fromNow(5 * DAYS), message: 'Second check' }));

      assert.equal(second.conversationId, first.conversationId);
      assert.notEqual(second.scheduleId, first.scheduleId);
      assert.equal(second.replayed, false);
      assert.deepEqual(
        (await followUps.read(scopeOf(agent), first.conversationId)).entries,
        [
          { type: 'follow_up', event_id: `scheduled-${first.scheduleId}`, status: 'scheduled', content: 'Check that the replacement router keeps the line stable', received_at: NOW },
          { type: 'follow_up', event_id: `scheduled-${second.scheduleId}`, status: 'scheduled', content: 'Second check', received_at: NOW },
        ],
      );
      assert.equal(scheduler.calls[1]?.request.conversation_id, first.conversationId);
      assert.equal(conversationCount(), 1);
    });

    it("refuses someone else's conversation (another caller or tenant) with NotFoundError, scheduling nothing", async () => {
      const mine = await followUps.schedule(scopeOf(agent), request({ idempotencyKey: 'mine' }));
      scheduler.calls.length = 0;

      for (const other of [colleague, namesake, securityOfficer]) {
        const error = await rejection(followUps.schedule(scopeOf(other), request({ conversationId: mine.conversationId })));
        assert.ok(error instanceof NotFoundError, `${other.callerId}: ${String(error)}`);
        assert.deepEqual(error.details, { entity: 'Conversation', id: mine.conversationId });
      }
      assert.deepEqual(scheduler.calls, []);
      assert.equal((await followUps.read(scopeOf(agent), mine.conversationId)).entries.length, 1);
    });

    it('refuses a conversation that does not exist, or an expert conversation of its own, with NotFoundError', async () => {
      await conversations.create({ id: 'ex-own-expert', kind: 'expert', owner: { tenant_id: agent.tenantId, caller_id: agent.callerId }, customer_id: customerId, topic: 'billing' });

      for (const conversationId of ['fu-does-not-exist', 'ex-own-expert']) {
        const error = await rejection(followUps.schedule(scopeOf(agent), request({ conversationId })));
        assert.ok(error instanceof NotFoundError, `${conversationId}: ${String(error)}`);
      }
      assert.deepEqual(scheduler.calls, []);
      assert.deepEqual((await conversations.get('ex-own-expert'))?.entries, []);
    });

    it('refuses its own conversation about another customer with InvalidArgumentError naming customer_id', async () => {
      const mine = await followUps.schedule(scopeOf(agent), request({ idempotencyKey: 'about-one' }));
      scheduler.calls.length = 0;
      const error = await rejection(followUps.schedule(scopeOf(agent), request({ conversationId: mine.conversationId, customerId: otherCustomerId })));

      assert.ok(error instanceof InvalidArgumentError, String(error));
      assert.deepEqual(error.details, { field: 'customer_id' });
      assert.equal(error.message, `Conversation ${mine.conversationId} is about customer ${customerId}, not ${otherCustomerId}`);
      assert.deepEqual(scheduler.calls, []);
    });

    it('refuses an idempotency key whose conversation id is already taken by another owner with ConflictError', async () => {
      // Only a digest collision does this in practice; a row written by hand stands in for one.
      const probe = await followUps.schedule(scopeOf(agent), request({ idempotencyKey: 'collide' }));
      conversationsDb.prepare('UPDATE conversations SET document = json_set(document, ?, ?) WHERE id = ?').run('$.owner.caller_id', 'someone-else', probe.conversationId);
      scheduler.calls.length = 0;

      const error = await rejection(followUps.schedule(scopeOf(agent), request({ idempotencyKey: 'collide' })));

      assert.ok(error instanceof ConflictError, String(error));
      assert.deepEqual(scheduler.calls, []);
    });
  });

  describe('read', () => {
    it('gives the owner its conversation', async () => {
      const { conversationId } = await followUps.schedule(scopeOf(agent), request({ idempotencyKey: 'readable' }));
      const conversation = await followUps.read(scopeOf(agent), conversationId);

      assert.equal(conversation.id, conversationId);
      assert.equal(conversation.entries.length, 1);
    });

    it('tells another caller, tenant or a non-security role that the conversation does not exist', async () => {
      const { conversationId } = await followUps.schedule(scopeOf(agent), request({ idempotencyKey: 'private' }));

      for (const other of [colleague, namesake, administrator]) {
        const error = await rejection(followUps.read(scopeOf(other), conversationId));
        assert.ok(error instanceof NotFoundError, `${other.callerId}: ${String(error)}`);
        assert.equal(error.message, `Conversation ${conversationId} was not found`);
      }
    });

    it('gives a caller with the security role any conversation, in any tenant', async () => {
      const { conversationId } = await followUps.schedule(scopeOf(namesake), request({ idempotencyKey: 'audited' }));
      const conversation = await followUps.read(scopeOf(securityOfficer), conversationId);

      assert.deepEqual(conversation.owner, { tenant_id: namesake.tenantId, caller_id: namesake.callerId });
    });

    it('answers NotFoundError for an unknown id, and InvalidArgumentError for a path-like one, to everyone', async () => {
      for (const principal of [agent, securityOfficer]) {
        assert.ok((await rejection(followUps.read(scopeOf(principal), 'fu-unknown-0001'))) instanceof NotFoundError);
        assert.ok((await rejection(followUps.read(scopeOf(principal), '../x'))) instanceof InvalidArgumentError);
      }
    });
  });
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}
