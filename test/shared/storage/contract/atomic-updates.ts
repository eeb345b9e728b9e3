// Contract of the atomic read-decide-write of customers and subscriptions, a freshly seeded
// store per test: decide sees the stored record, what it returns is written and returned, a
// refusal writes nothing, and racing updates end as if they had run one after another.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Subscription } from '../../../../shared/domain/subscriptions/subscription.js';
import { BusinessRuleError } from '../../../../shared/errors/domain-error.js';
import type { SubscriptionChange } from '../../../../shared/storage/contoso-store.js';
import { notFound, securityEvent } from './contract-helpers.js';
import { type StoreFactory, useFreshStore } from './store-fixtures.js';

const mustNotRun = (): never => {
  throw new Error('decide must not run for a missing record');
};

export function registerAtomicUpdates(makeStore: StoreFactory): void {
  describe('customers.update (a fresh store per test)', () => {
    const fresh = useFreshStore(makeStore);

    it('writes the customer and security events decide returns, and returns them', async () => {
      const { store } = fresh;
      const change = await store.customers.update(3, (current) => ({
        customer: { ...current, accountStatus: 'active' },
        events: [securityEvent('sev-0100', 3, '2026-03-11T09:00:00.000Z')],
      }));
      assert.equal(change.customer.accountStatus, 'active');
      assert.deepEqual(change.events.map((e) => e.eventId), ['sev-0100']);
      assert.deepEqual(await store.customers.get(3), change.customer);
      const events = await store.securityLogs.listByCustomer(3, 10);
      assert.deepEqual(events.map((e) => e.eventId), ['sev-0100', 'sev-0006', 'sev-0005']);
    });

    it('passes the stored customer to decide and returns whatever else decide returns', async () => {
      const result = await fresh.store.customers.update(1, (current) => ({ customer: current, events: [], seen: current }));
      assert.deepEqual(result.seen, fresh.data.customers[0]);
    });

    it('propagates an error thrown by decide, unchanged, and writes nothing', async () => {
      const before = await fresh.store.exportAll();
      const refusal = new BusinessRuleError('Account 3 is closed');
      await assert.rejects(
        fresh.store.customers.update(3, () => {
          throw refusal;
        }),
        (error) => error === refusal,
      );
      assert.deepEqual(await fresh.store.exportAll(), before);
    });

    it('throws NotFoundError for a missing customer without running decide', async () => {
      await assert.rejects(fresh.store.customers.update(999, mustNotRun), notFound('Customer', 999));
    });

    it('runs concurrent updates one after another, each seeing the write before it', async () => {
      await Promise.all(
        Array.from({ length: 10 }, () =>
          fresh.store.customers.update(2, (current) => ({ customer: { ...current, address: `${current.address}+` }, events: [] })),
        ),
      );
      assert.equal((await fresh.store.customers.get(2))?.address, '1 Microsoft Way++++++++++');
    });
  });

  describe('subscriptions.update (a fresh store per test)', () => {
    const fresh = useFreshStore(makeStore);

    it('writes the subscription decide returns, and returns all decide returned', async () => {
      const result = await fresh.store.subscriptions.update(1, (current) => ({
        subscription: { ...current, roamingEnabled: false, endDate: '2026-12-31' },
        changed: ['roamingEnabled', 'endDate'],
      }));
      assert.equal(result.subscription.roamingEnabled, false);
      assert.equal(result.subscription.endDate, '2026-12-31');
      assert.deepEqual(result.changed, ['roamingEnabled', 'endDate']);
      assert.deepEqual(await fresh.store.subscriptions.get(1), result.subscription);
    });

    it('propagates an error thrown by decide and writes nothing', async () => {
      const before = await fresh.store.exportAll();
      const refusal = new BusinessRuleError('Roaming is not available on this product');
      await assert.rejects(
        fresh.store.subscriptions.update(2, () => {
          throw refusal;
        }),
        (error) => error === refusal,
      );
      assert.deepEqual(await fresh.store.exportAll(), before);
    });

    it('throws NotFoundError for a missing subscription without running decide', async () => {
      await assert.rejects(fresh.store.subscriptions.update(999, mustNotRun), notFound('Subscription', 999));
    });

    it('never loses one of many concurrent updates', async () => {
      await Promise.all(
        Array.from({ length: 10 }, () =>
          fresh.store.subscriptions.update(1, (current) => ({ subscription: { ...current, dataCapGb: (current.dataCapGb ?? 0) + 1 } })),
        ),
      );
      assert.equal((await fresh.store.subscriptions.get(1))?.dataCapGb, 30);
    });

    it('ends concurrent read-modify-write updates as some serial order, each returning what it wrote', async () => {
      const { store } = fresh;
      const initial = (await store.subscriptions.get(1))?.serviceIdentifier;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.subscriptions.update(1, (current) => ({
            subscription: { ...current, serviceIdentifier: `${current.serviceIdentifier}|${i}` },
            saw: current.serviceIdentifier,
          })),
        ),
      );
      // Serially, every update saw exactly what one other update (or the seed) left behind.
      const bySeen = new Map(results.map((result) => [result.saw, result]));
      assert.equal(bySeen.size, results.length, 'two updates saw the same state');
      let state = initial;
      for (const _ of results) {
        const next = state === undefined ? undefined : bySeen.get(state);
        assert.ok(next, `no update continued from "${state}"`);
        state = next.subscription.serviceIdentifier;
      }
      assert.equal((await store.subscriptions.get(1))?.serviceIdentifier, state);
      assert.deepEqual(state?.split('|').slice(1).sort(), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    });

    it('ends a cancel racing other changes as some serial order: nothing changes it once cancelled', async () => {
      const { store, data } = fresh;
      const unlessCancelled = (change: (s: Subscription) => Subscription) => (current: Subscription): SubscriptionChange => {
        if (current.status === 'cancelled') throw new BusinessRuleError('cancelled');
        return { subscription: change(current) };
      };
      const toggleAutopay = unlessCancelled((s) => ({ ...s, autopayEnabled: !s.autopayEnabled }));
      const cancel = unlessCancelled((s) => ({ ...s, status: 'cancelled', endDate: '2026-03-15' }));
      const decisions = [toggleAutopay, toggleAutopay, cancel, toggleAutopay, cancel, toggleAutopay];
      const outcomes = await Promise.allSettled(decisions.map((decide) => store.subscriptions.update(1, decide)));

      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') assert.ok(outcome.reason instanceof BusinessRuleError, String(outcome.reason));
      }
      const applied = (decide: (typeof decisions)[number]) =>
        outcomes.flatMap((outcome, i) => (decisions[i] === decide && outcome.status === 'fulfilled' ? [outcome.value] : []));
      const [cancelledBy, ...cancelledAgain] = applied(cancel);
      assert.ok(cancelledBy && cancelledAgain.length === 0, 'exactly one cancel applies');
      const toggles = applied(toggleAutopay);
      for (const toggle of toggles) assert.equal(toggle.subscription.status, 'active', 'a toggle applies only before the cancel');
      const stored = await store.subscriptions.get(1);
      assert.deepEqual(stored, cancelledBy.subscription, 'nothing changed it after the cancel');
      const initial = data.subscriptions[0]?.autopayEnabled;
      assert.equal(stored?.autopayEnabled, toggles.length % 2 === 0 ? initial : !initial, 'every toggle before the cancel applied');
    });
  });
}
