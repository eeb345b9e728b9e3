// update_subscription: changes apply atomically and report what changed; business rules refuse
// cancelled subscriptions, roaming where the plan has none, category switches and reactivation
// while money is overdue; unknown fields and empty updates are named.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invoiceStatus } from '../../../../shared/domain/billing/billing-rules.js';
import { detachedScope, withCaller } from '../../../../shared/request/request-scope.js';
import { developmentPrincipal } from '../../../../shared/identity/principal.js';
import { ConflictError } from '../../../../shared/errors/domain-error.js';
import { silentLogger } from '../../../../shared/telemetry/logger.js';
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
    assert.match(unknown.text, /colour/);
    const empty = await suite.mcp.call('update_subscription', { subscription_id: sub.subscriptionId, update: {} });
    assert.match(empty.text, /^INVALID_ARGUMENT: update must name at least one field/);
    const tier = await suite.mcp.call('update_subscription', { subscription_id: sub.subscriptionId, update: { speed_tier: 333 } });
    assert.match(tier.text, /speed_tier/);
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

  it('refuses with CONFLICT when the plan changed between its read and the atomic update', async () => {
    const sub = suite.data.subscriptions.find((s) => s.status === 'active' && productOf(s.productId).roamingAvailable)!;
    const other = suite.data.products.find((p) => p.category === productOf(sub.productId).category && p.productId !== sub.productId)!;
    // A store whose read returns the plan as it was before a concurrent change.
    const store = suite.mcp.ctx.store;
    const stale = { ...store, subscriptions: { ...store.subscriptions, get: async () => ({ ...sub, productId: other.productId }) } };
    const ctx = {
      scope: withCaller(detachedScope('race'), developmentPrincipal()),
      caller: developmentPrincipal(),
      requestId: 'race',
      logger: silentLogger,
      store: stale,
      clock: suite.mcp.ctx.clock,
      newId: () => 'x',
      signal: new AbortController().signal,
      progress: async () => {},
    };
    await assert.rejects(
      updateSubscription.handler({ subscription_id: sub.subscriptionId, update: { autopay_enabled: !sub.autopayEnabled } }, ctx),
      (error: Error) => error instanceof ConflictError && /changed plan while this update ran/.test(error.message),
    );
    assert.equal((await store.subscriptions.get(sub.subscriptionId))?.autopayEnabled, sub.autopayEnabled, 'nothing written');
  });
});
