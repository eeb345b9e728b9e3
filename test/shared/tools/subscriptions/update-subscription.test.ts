// update_subscription: changes apply atomically and report what changed; business rules refuse
// cancelled subscriptions, roaming where the plan has none, category switches and reactivation
// while money is overdue, checked against the stored plan; unknown fields and empty updates are named.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invoiceStatus } from '../../../../shared/domain/billing/billing-rules.js';
import { detachedScope, withCaller } from '../../../../shared/request/request-scope.js';
import { developmentPrincipal } from '../../../../shared/identity/principal.js';
import { BusinessRuleError } from '../../../../shared/errors/domain-error.js';
import { silentLogger } from '../../../../shared/telemetry/logger.js';
import type { Subscription } from '../../../../shared/domain/subscriptions/subscription.js';
import type { SubscriptionChange } from '../../../../shared/storage/contoso-store.js';
import { updateSubscription } from '../../../../shared/tools/subscriptions/update-subscription.js';
import { TOOL_TEST_ANCHOR, useSeededMcp } from '../../../support/in-process-mcp.js';

describe('update_subscription', () => {
  const suite = useSeededMcp();
  const productOf = (productId: number) => suite.data.products.find((p) => p.productId === productId)!;

  it('turns roaming on and reports the changed field; the same update again changes nothing', async () => {
    const sub = suite.data.subscriptions.find((s) => s.status === 'active' && !s.roamingEnabled && productOf(s.productId).roamingAvailable)!;
    const first = await suite.mcp.call('update_subscription', { subscription_id: sub.subscriptionId, update: { roaming_enabled: true } });
    assert.equal(first.isError, false, first.text);
    assert.deepEqual(first.structured.updated_fields, ['roaming_enabled']);
    assert.equal((first.structured.subscription as { roaming_enabled: boolean }).roaming_enabled, true);
    const stored = await suite.mcp.ctx.store.subscriptions.get(sub.subscriptionId);
    assert.equal(stored?.roamingEnabled, true);
    const again = await suite.mcp.call('update_subscription', { subscription_id: sub.subscriptionId, update: { roaming_enabled: true } });
    assert.deepEqual(again.structured.updated_fields, []);
  });

  it('moves to another product of the same category with its cap and speed', async () => {
    const sub = suite.data.subscriptions.find((s) => s.status === 'active' && productOf(s.productId).category === 'internet' && s.productId !== 7)!;
    const result = await suite.mcp.call('update_subscription', { subscription_id: sub.subscriptionId, update: { product_id: 7 } });
    assert.equal(result.isError, false, result.text);
    assert.ok((result.structured.updated_fields as string[]).includes('product_id'));
    assert.equal((result.structured.subscription as { speed_tier_mbps: number }).speed_tier_mbps, productOf(7).speedTierMbps);
    const mobile = await suite.mcp.call('update_subscription', { subscription_id: sub.subscriptionId, update: { product_id: 1 } });
    assert.match(mobile.text, /^BUSINESS_RULE: This internet subscription cannot move to the mobile product/);
    const unknown = await suite.mcp.call('update_subscription', { subscription_id: sub.subscriptionId, update: { product_id: 999 } });
    assert.match(unknown.text, /^INVALID_ARGUMENT: product 999 does not exist/);
  });

  it('refuses any change to a cancelled subscription', async () => {
    const sub = suite.data.subscriptions.find((s) => s.status === 'cancelled')!;
    const result = await suite.mcp.call('update_subscription', { subscription_id: sub.subscriptionId, update: { autopay_enabled: true } });
    assert.match(result.text, new RegExp(`^BUSINESS_RULE: Subscription ${sub.subscriptionId} is cancelled and cannot be changed`));
  });

  it('refuses roaming on a plan without roaming', async () => {
    const sub = suite.data.subscriptions.find((s) => s.status === 'active' && !productOf(s.productId).roamingAvailable)!;
    const result = await suite.mcp.call('update_subscription', { subscription_id: sub.subscriptionId, update: { roaming_enabled: true } });
    assert.match(result.text, /^BUSINESS_RULE: Roaming is not available/);
  });

  it('names unknown fields and refuses an empty update', async () => {
    const sub = suite.data.subscriptions.find((s) => s.status === 'active')!;
    const unknown = await suite.mcp.call('update_subscription', { subscription_id: sub.subscriptionId, update: { colour: 'blue' } });
    assert.equal(unknown.isError, true);
    assert.match(unknown.text, /^INVALID_ARGUMENT: Invalid arguments for update_subscription: update: unknown field "colour"/);
    const empty = await suite.mcp.call('update_subscription', { subscription_id: sub.subscriptionId, update: {} });
    assert.match(empty.text, /^INVALID_ARGUMENT: update must name at least one field/);
    const tier = await suite.mcp.call('update_subscription', { subscription_id: sub.subscriptionId, update: { speed_tier: 333 } });
    assert.match(tier.text, /update\.speed_tier: expected one of 50, 100, 200, 500, 1000/);
  });

  it('does not reactivate a suspended subscription while one of its invoices is overdue', async () => {
    const overdue = suite.data.invoices.find((invoice) => {
      const sub = suite.data.subscriptions.find((s) => s.subscriptionId === invoice.subscriptionId);
      return sub?.status === 'suspended' && invoiceStatus(invoice, suite.data.payments.filter((p) => p.invoiceId === invoice.invoiceId), TOOL_TEST_ANCHOR) === 'overdue';
    });
    assert.ok(overdue, 'the seed has a suspended subscription with an overdue invoice');
    const result = await suite.mcp.call('update_subscription', { subscription_id: overdue.subscriptionId, update: { status: 'active' } });
    assert.match(result.text, /^BUSINESS_RULE: Subscription \d+ cannot be reactivated while EUR [\d.]+ is overdue/);
  });

  it('checks the rules against the stored plan when another call changed it while this update ran', async () => {
    const store = suite.mcp.ctx.store;
    const roamingMobile = (s: (typeof suite.data.subscriptions)[number]) =>
      s.status === 'active' && !s.roamingEnabled && productOf(s.productId).category === 'mobile' && productOf(s.productId).roamingAvailable;
    const [sub, other] = (await store.exportAll()).subscriptions.filter(roamingMobile);
    assert.ok(sub && other, 'the seed has two active mobile subscriptions with roaming available but off');
    const noRoaming = suite.data.products.find((p) => p.category === 'mobile' && !p.roamingAvailable)!;
    const otherPlan = suite.data.products.find((p) => p.category === 'mobile' && p.roamingAvailable && p.productId !== other.productId)!;
    // A store in which another call moves the subscription to `productId` just before this
    // update's atomic step: whatever the handler read before, the stored plan is the new one.
    const racedTo = (productId: number) => ({
      ...store,
      subscriptions: {
        ...store.subscriptions,
        async update<R extends SubscriptionChange>(subscriptionId: number, decide: (current: Subscription) => R): Promise<R> {
          await store.subscriptions.update(subscriptionId, (s) => ({ subscription: { ...s, productId } }));
          return store.subscriptions.update(subscriptionId, decide);
        },
      },
    });
    const ctx = (raced: ReturnType<typeof racedTo>) => ({
      scope: withCaller(detachedScope('race'), developmentPrincipal()),
      auditId: 'audit-race',
      caller: developmentPrincipal(),
      requestId: 'race',
      logger: silentLogger,
      store: raced,
      clock: suite.mcp.ctx.clock,
      newId: () => 'x',
      signal: new AbortController().signal,
      progress: async () => {},
      progressRequested: false,
      troubleshoot: suite.mcp.ctx.toolServices.troubleshoot,
      conversations: suite.mcp.ctx.conversations,
      scheduler: undefined,
      followUps: suite.mcp.ctx.toolServices.followUps,
      knowledgeSearch: suite.mcp.ctx.toolServices.knowledgeSearch,
    });

    await assert.rejects(
      updateSubscription.handler({ subscription_id: sub.subscriptionId, update: { roaming_enabled: true } }, ctx(racedTo(noRoaming.productId))),
      (error: Error) => error instanceof BusinessRuleError && error.message.startsWith(`Roaming is not available on "${noRoaming.name}"`),
    );
    const refused = await store.subscriptions.get(sub.subscriptionId);
    assert.equal(refused?.productId, noRoaming.productId);
    assert.equal(refused?.roamingEnabled, false, 'nothing written by the refused update');

    const done = await updateSubscription.handler(
      { subscription_id: other.subscriptionId, update: { autopay_enabled: !other.autopayEnabled } },
      ctx(racedTo(otherPlan.productId)),
    );
    assert.deepEqual(done.updated_fields, ['autopay_enabled']);
    assert.equal(done.subscription.product_id, otherPlan.productId);
    assert.equal(done.subscription.product_name, otherPlan.name, 'the answer names the stored plan');
    assert.equal((await store.subscriptions.get(other.subscriptionId))?.autopayEnabled, !other.autopayEnabled);
  });
});
