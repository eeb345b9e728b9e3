// The Cosmos DB store under faults: a fault-injecting proxy in front of the Cosmos test server
// answers 503, 429 with a retry hint, hangs, drops answers or refuses connections, and the store's
// `cosmos` policy retries a bounded number of times (the SDK itself not at all), opens its breaker
// (calls then fail at once, without a request, and readiness says so), and closes it again once
// the server answers. Durations are a few milliseconds; the only wait is the breaker's pause.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { AuditRecord } from '../../../../shared/domain/audit/audit-record.js';
import type { Payment } from '../../../../shared/domain/billing/invoice.js';
import { UnavailableError } from '../../../../shared/errors/domain-error.js';
import { fullReadiness, readiness } from '../../../../shared/health/health-checks.js';
import type { DependencyPolicy, DependencyPolicySettings, RetryEvent } from '../../../../shared/resilience/dependency-policy.js';
import type { PaymentDecision } from '../../../../shared/storage/contoso-store.js';
import { createCosmosStore, type CosmosStore } from '../../../../shared/storage/cosmos/cosmos-store.js';
import { createLogger } from '../../../../shared/telemetry/logger.js';
import { cosmosFault, startCosmosTestServer, type CosmosTestServer } from '../../../support/cosmos-test-server.js';
import { startFaultServer, type FaultServer } from '../../../support/fault-server.js';
import { SMALL_SEED_STATE, smallDataset } from '../fixtures/small-dataset.js';

/** Three attempts a few ms apart; a breaker that stays closed unless a test lowers its threshold. */
const POLICY: DependencyPolicySettings = { timeoutMs: 2_000, retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 20 }, breaker: { failureThreshold: 100, halfOpenAfterMs: 40 } };

describe('Cosmos DB store under faults (a fault-injecting proxy before the test server)', () => {
  let server: CosmosTestServer;
  let proxy: FaultServer;
  let databaseName: string;
  const stores: CosmosStore[] = [];
  const silent = createLogger({ level: 'error', sink: () => {} });

  /** A store through the proxy on the seeded database, with `policy`; its policy events are recorded. */
  async function openStore(policy: DependencyPolicySettings = POLICY) {
    const retries: RetryEvent[] = [];
    const states: string[] = [];
    let seen: DependencyPolicy | undefined;
    const store = await createCosmosStore(
      { ...server.config({ policy, databaseName, createContainers: false }), endpoint: proxy.url('') },
      {
        logger: silent,
        observePolicy: (observed) => {
          seen = observed;
          observed.onRetry((event) => retries.push(event));
          observed.onStateChange((state) => states.push(state));
        },
      },
    );
    stores.push(store);
    assert.ok(seen, 'the store hands its policy to the observer');
    return { store, retries, states, policy: seen };
  }

  before(async () => {
    server = await startCosmosTestServer();
    proxy = await startFaultServer({ upstream: server.endpoint });
    const config = server.config();
    databaseName = config.databaseName;
    const seeded = await createCosmosStore(config, { logger: silent });
    await seeded.replaceAll(smallDataset(), SMALL_SEED_STATE);
    await seeded.close();
  });
  after(async () => {
    for (const store of stores) await store.close();
    await proxy?.stop();
    await server?.close();
  });

  /** Requests the proxy receives while `run` runs. */
  async function requestsDuring(run: () => Promise<unknown>): Promise<number> {
    const before = proxy.requests;
    await run().catch(() => {});
    return proxy.requests - before;
  }

  /** The UnavailableError `promise` rejects with. */
  async function unavailable(promise: Promise<unknown>): Promise<UnavailableError> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof UnavailableError, `expected UnavailableError, got ${String(error)}`);
      return error;
    }
    assert.fail('the call succeeded');
  }

  it('is reachable through the proxy', async () => {
    const { store } = await openStore();
    assert.equal((await store.customers.get(1))?.firstName, 'Ada');
  });

  it('retries a 503 and a 429 (waiting what x-ms-retry-after-ms asks), then answers; the SDK itself does not retry', async () => {
    const { store, retries } = await openStore();
    proxy.plan(cosmosFault(503), cosmosFault(429, { 'x-ms-retry-after-ms': '7' }));
    assert.equal(await requestsDuring(async () => assert.equal((await store.customers.get(1))?.firstName, 'Ada')), 3);
    assert.deepEqual(retries.map((event) => event.errorClass), ['http_503', 'http_429']);
    assert.equal(retries[1]?.delayMs, 7, 'the service asked for 7 ms');
  });

  it('gives up after the configured attempts of a persistent 429 (Retry-After capped by the longest pause) as UNAVAILABLE naming cosmos', async () => {
    const { store, retries } = await openStore();
    proxy.setMode(cosmosFault(429, { 'retry-after': '1' }));
    try {
      let error: UnavailableError | undefined;
      assert.equal(await requestsDuring(async () => (error = await unavailable(store.customers.get(1)))), 3, 'three attempts, no SDK retries');
      assert.deepEqual(error?.details, { dependency: 'cosmos', retry_after_seconds: 1, error_class: 'http_429' });
      assert.match(error?.message ?? '', /^The cosmos dependency failed \(http_429\) after 3 attempt\(s\)/);
      assert.deepEqual(retries.map((event) => event.delayMs), [20, 20]);
    } finally {
      proxy.setMode({ kind: 'forward' });
    }
  });

  it('cuts each attempt of a hanging request at the timeout', async () => {
    const { store } = await openStore({ ...POLICY, timeoutMs: 50 });
    proxy.setMode({ kind: 'hang' });
    try {
      const started = performance.now();
      const error = await unavailable(store.customers.get(1));
      const elapsed = performance.now() - started;
      assert.equal(error.details['error_class'], 'timeout');
      assert.ok(elapsed < 1_000, `bounded by 3 × 50 ms and two short pauses (took ${Math.round(elapsed)} ms)`);
    } finally {
      proxy.setMode({ kind: 'forward' });
    }
  });

  it('treats a refused connection as a network failure, and answers again once the server is back', async () => {
    const { store, retries } = await openStore();
    await proxy.stop();
    try {
      const error = await unavailable(store.customers.get(1));
      assert.equal(error.details['error_class'], 'network');
      assert.equal(retries.length, 2);
    } finally {
      await proxy.restart();
    }
    assert.equal((await store.customers.get(2))?.firstName, 'Brian');
  });

  it('opens its breaker after repeated failures: calls and readiness then fail at once without a request, and a call after the pause closes it', async () => {
    const { store, states, policy } = await openStore({ ...POLICY, breaker: { failureThreshold: 5, halfOpenAfterMs: 40 } });
    assert.deepEqual(await store.check?.(), { name: 'cosmos', breaker: 'closed', status: 'ok', detail: 'calls succeed' });
    proxy.setMode(cosmosFault(503));
    try {
      assert.equal(await requestsDuring(() => store.customers.get(1)), 3);
      assert.deepEqual(await store.check?.(), { name: 'cosmos', breaker: 'closed', status: 'degraded', detail: 'the last call failed (http_503)' });
      assert.equal(await requestsDuring(() => store.customers.get(1)), 2, 'the breaker opens at the fifth failed attempt and stops the retries');
      assert.deepEqual(states, ['open']);

      let fast: UnavailableError | undefined;
      assert.equal(await requestsDuring(async () => (fast = await unavailable(store.customers.get(1)))), 0, 'no request while the breaker is open');
      assert.match(fast?.message ?? '', /^The cosmos dependency is unavailable: its circuit breaker is open after repeated failures \(last: http_503\); retry in 1 s\.$/);
      assert.deepEqual(fast?.details, { dependency: 'cosmos', retry_after_seconds: 1, error_class: 'http_503' });

      assert.equal(await requestsDuring(() => readiness(store)), 0);
      assert.deepEqual(await readiness(store), { status: 'not_ready', store: 'cosmos', seeded: false, customers: null, reason: 'the store is not reachable' });
      const withChecks = await fullReadiness(store, [{ name: 'cosmos', check: () => store.check?.() ?? Promise.reject(new Error('no check')) }]);
      assert.deepEqual(withChecks.dependencies, [{ name: 'cosmos', breaker: 'open', status: 'down', detail: 'circuit breaker open after repeated failures (last: http_503); retry in 1 s' }]);
    } finally {
      proxy.setMode({ kind: 'forward' });
    }

    await sleep(50); // the breaker's pause
    assert.equal((await store.customers.get(3))?.firstName, 'Chen');
    assert.deepEqual(states, ['open', 'half_open', 'closed']);
    assert.equal(policy.state, 'closed');
    assert.deepEqual(await store.check?.(), { name: 'cosmos', breaker: 'closed', status: 'ok', detail: 'calls succeed' });
    assert.equal((await readiness(store)).status, 'ready');
  });

  it('applies a write whose answer was lost exactly once: the retry finds its own document (create) or its own change (replace)', async () => {
    const { store } = await openStore();
    const writes = (req: { method?: string | undefined; headers: Record<string, unknown> }) => req.method === 'PUT' || (req.method === 'POST' && req.headers['x-ms-documentdb-isquery'] === undefined);
    proxy.only(writes);
    try {
      const invoice = (await store.billing.listInvoicesWithPayments(1)).find((entry) => entry.invoice.amount > 5);
      assert.ok(invoice, 'the small dataset has an invoice of customer 1');
      const before = invoice.payments.length;
      proxy.plan({ kind: 'forward-then-reset' });
      let decisions = 0;
      const outcome = await store.billing.addPayment(invoice.invoice.invoiceId, (current): PaymentDecision => {
        decisions += 1;
        const payment: Payment = { paymentId: 'pay-lost-answer', invoiceId: current.invoiceId, customerId: current.customerId, amount: 1, method: 'paypal', status: 'succeeded', paidAt: '2026-03-15T10:00:00.000Z', failureReason: null, idempotencyKey: null, outstandingAfter: 0 };
        return { kind: 'new', payment };
      });
      assert.equal(outcome.kind, 'new');
      assert.equal(decisions, 1, 'not decided again: the retry met its own change');
      const after = await store.billing.getInvoiceWithPayments(invoice.invoice.invoiceId);
      assert.equal(after?.payments.length, before + 1);
      assert.equal(after?.invoice.version, invoice.invoice.version + 1);

      proxy.plan({ kind: 'forward-then-reset' });
      const record: AuditRecord = { auditId: 'audit-lost-answer', at: '2026-03-15T10:00:00.000Z', requestId: 'req-1', callerId: 'test', tenantId: 'tenant', tool: 'pay_invoice', argumentIds: {}, outcome: 'granted', result: 'ok', reason: null };
      await store.audit.append(record);
      assert.equal((await store.audit.list(10)).filter((entry) => entry.auditId === 'audit-lost-answer').length, 1);
    } finally {
      proxy.only(undefined);
    }
  });
});
