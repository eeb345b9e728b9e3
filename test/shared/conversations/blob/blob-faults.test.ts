// The Blob conversation store when Blob Storage fails, through its resilience policy: Azurite
// stopped under a running store; a fault server in front of Azurite that answers 503 (bounded
// attempts, then UNAVAILABLE), 429 with Retry-After (retried, then served), hangs (each attempt
// cut at its timeout, not a hang) or keeps failing until the breaker opens (then calls fail at
// once, without a request, readiness shows the breaker, and recovery closes it). No append is
// half-applied: after every failure the conversation is exactly what it was.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { BlobConversationsConfig } from '../../../../shared/config/config.js';
import { openBlobConversationStore } from '../../../../shared/conversations/blob/blob-conversation-store.js';
import { UnavailableError } from '../../../../shared/errors/domain-error.js';
import type { BreakerState, DependencyPolicySettings } from '../../../../shared/resilience/dependency-policy.js';
import { silentLogger } from '../../../../shared/telemetry/logger.js';
import { AZURITE_ACCOUNT, AZURITE_KEY, startAzuriteBlob, type AzuriteBlob } from '../../../support/azurite.js';
import { startFaultServer, type FaultServer } from '../../../support/fault-server.js';
import { manualClock } from '../../../support/manual-clock.js';
import { followUpEntry, newFollowUp } from '../conversation-store-contract.js';

const clock = manualClock('2026-06-01T09:00:00.000Z');
const BUSY = { kind: 'status' as const, status: 503, headers: { 'content-type': 'application/xml', 'x-ms-error-code': 'ServerBusy' }, body: '<?xml version="1.0" encoding="utf-8"?><Error><Code>ServerBusy</Code><Message>busy</Message></Error>' };
const UNAVAILABLE_MESSAGE = /^The conversation store \(Azure Blob Storage\) is unavailable or did not answer in time( \(its circuit breaker is open after repeated failures\))?; retry in \d+ s$/;

/** Asserts `work` fails with UNAVAILABLE naming the conversation store, within `withinMs`. */
async function assertUnavailableWithin(work: () => Promise<unknown>, withinMs: number): Promise<UnavailableError> {
  const started = performance.now();
  let seen: UnavailableError | undefined;
  await assert.rejects(work(), (error: Error) => {
    assert.ok(error instanceof UnavailableError, `${error.name}: ${error.message}`);
    assert.match(error.message, UNAVAILABLE_MESSAGE);
    assert.equal(error.details.dependency, 'conversations');
    assert.ok(Number(error.details.retry_after_seconds) >= 1);
    seen = error;
    return true;
  });
  const elapsed = performance.now() - started;
  assert.ok(elapsed < withinMs, `took ${Math.round(elapsed)} ms`);
  return seen!;
}

/** A connection string for the development account behind `port`. */
const connectionStringFor = (port: number) =>
  `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:${port}/${AZURITE_ACCOUNT};`;

describe('Blob conversation store faults', () => {
  describe('Azurite stopped under a running store', () => {
    let azurite: AzuriteBlob;
    before(async () => {
      azurite = await startAzuriteBlob();
    });
    after(async () => azurite?.stop());

    it('answers UNAVAILABLE quickly for every operation, and readiness says down without secrets', async () => {
      const store = await openBlobConversationStore(azurite.config(), { clock, logger: silentLogger });
      await store.create(newFollowUp('conv-before'));
      await azurite.stop();
      await assertUnavailableWithin(() => store.get('conv-before'), 5_000);
      await assertUnavailableWithin(() => store.append('conv-before', [followUpEntry('e1')]), 5_000);
      await assertUnavailableWithin(() => store.create(newFollowUp('conv-after')), 5_000);
      await assertUnavailableWithin(() => store.prune(new Date()), 5_000);
      const check = await store.check();
      assert.equal(check.status, 'down');
      assert.match(check.detail ?? '', /unavailable or did not answer in time/);
      assert.doesNotMatch(JSON.stringify(check), /AccountKey|Eby8vd|127\.0\.0\.1|devstoreaccount1/);
    });
  });

  describe('a fault server in front of Azurite', () => {
    let azurite: AzuriteBlob;
    let faults: FaultServer;
    let containers = 0;
    before(async () => {
      azurite = await startAzuriteBlob();
      faults = await startFaultServer({ upstream: new URL(azurite.blobEndpoint).origin });
    });
    after(async () => {
      await faults?.stop();
      await azurite?.stop();
    });
    beforeEach(() => {
      faults.setMode({ kind: 'forward' });
      faults.resetCount();
    });

    async function storeWith(policy: Partial<DependencyPolicySettings>, states: BreakerState[] = []) {
      const config: BlobConversationsConfig = {
        ...azurite.config(),
        containerName: `faults-${(containers += 1)}`,
        account: { auth: 'connection-string', connectionString: connectionStringFor(faults.port), setting: 'CONVERSATIONS_CONNECTION_STRING' },
        policy: { timeoutMs: 2_000, retry: { maxAttempts: 3, initialDelayMs: 2, maxDelayMs: 10 }, breaker: { failureThreshold: 100, halfOpenAfterMs: 40 }, ...policy },
      };
      const store = await openBlobConversationStore(config, { clock, logger: silentLogger, observePolicy: (p) => p.onStateChange((state) => states.push(state)) });
      await store.create(newFollowUp('conv-1'));
      await store.append('conv-1', [followUpEntry('e0')]);
      faults.resetCount();
      return store;
    }

    it('tries a 503 three times in all, then answers UNAVAILABLE, the conversation unchanged', async () => {
      const store = await storeWith({});
      const before = await store.get('conv-1');
      faults.resetCount();
      faults.setMode(BUSY);
      await assertUnavailableWithin(() => store.append('conv-1', [followUpEntry('e1')]), 2_000);
      assert.equal(faults.requests, 3, 'the read, three times; nothing written');
      faults.setMode({ kind: 'forward' });
      assert.deepEqual(await store.get('conv-1'), before);
    });

    it('waits out a 429 with Retry-After and then serves the call', async () => {
      const store = await storeWith({ retry: { maxAttempts: 3, initialDelayMs: 2, maxDelayMs: 1_500 } });
      faults.plan({ kind: 'status', status: 429, headers: { 'retry-after': '1', 'x-ms-error-code': 'ServerBusy' } });
      const started = performance.now();
      const outcome = await store.append('conv-1', [followUpEntry('e1')]);
      assert.deepEqual(outcome.appended, ['e1']);
      assert.ok(performance.now() - started >= 900, 'Retry-After was honoured');
    });

    it('cuts each attempt of a hanging request at its timeout: UNAVAILABLE, not a hang', async () => {
      const store = await storeWith({ timeoutMs: 150, retry: { maxAttempts: 2, initialDelayMs: 2, maxDelayMs: 5 } });
      faults.setMode({ kind: 'hang' });
      const started = performance.now();
      await assertUnavailableWithin(() => store.get('conv-1'), 2 * 150 + 1_500);
      assert.ok(performance.now() - started >= 2 * 150 - 50, 'both attempts ran to their timeout');
      assert.equal(faults.requests, 2);
    });

    it('opens its breaker after repeated failures: calls then fail at once without a request, readiness shows it, and recovery closes it', async () => {
      const states: BreakerState[] = [];
      const store = await storeWith({ breaker: { failureThreshold: 3, halfOpenAfterMs: 40 } }, states);
      faults.setMode(BUSY);
      await assertUnavailableWithin(() => store.get('conv-1'), 2_000);
      assert.deepEqual(states, ['open']);
      faults.resetCount();
      const fast = await assertUnavailableWithin(() => store.append('conv-1', [followUpEntry('e1')]), 200);
      assert.match(fast.message, /circuit breaker is open/);
      assert.equal(faults.requests, 0, 'no request while the breaker is open');
      const check = await store.check();
      assert.deepEqual([check.status, check.breaker], ['down', 'open']);

      faults.setMode({ kind: 'forward' });
      await sleep(60);
      const outcome = await store.append('conv-1', [followUpEntry('e1')]);
      assert.equal(outcome.appended.length, 1);
      assert.deepEqual(states, ['open', 'half_open', 'closed']);
      assert.deepEqual((await store.check()).breaker, 'closed');
      assert.deepEqual((await store.get('conv-1'))?.entries.map((e) => ('event_id' in e ? e.event_id : '')), ['e0', 'e1']);
    });

    it('applies an append once when its write was applied but the answer lost: the retry meets the new ETag, re-reads, finds the event', async () => {
      const store = await storeWith({});
      faults.plan({ kind: 'forward' }, { kind: 'forward-then-reset' });
      const outcome = await store.append('conv-1', [followUpEntry('e1')]);
      assert.deepEqual(outcome.duplicates, ['e1'], 'the retry found its own write');
      assert.deepEqual((await store.get('conv-1'))?.entries.map((e) => ('event_id' in e ? e.event_id : '')), ['e0', 'e1']);
    });
  });
});
