// update_subscription: changes a subscription's settings (roaming, status, product, autopay,
// speed tier, data cap). Applied atomically against the stored subscription; a cancelled
// subscription cannot change, and a suspended one is not reactivated while money is overdue.
import * as z from 'zod';
import { ROLES } from '../../identity/principal.js';
import { todayOf } from '../../time/clock.js';
import { overdueAmount } from '../../domain/billing/billing-rules.js';
import { SERVICE_STATUSES, SUBSCRIPTION_STATUSES, type Subscription } from '../../domain/subscriptions/subscription.js';
import { applySubscriptionUpdate, changedFields, SPEED_TIERS_MBPS } from '../../domain/subscriptions/subscription-update.js';
import { ConflictError, InvalidArgumentError } from '../../errors/domain-error.js';
import { defineTool, type ToolContext } from '../../mcp/define-tool.js';
import { requireProduct, requireSubscription } from '../common/lookups.js';
import { MUTATING_IDEMPOTENT } from '../common/mutations.js';
import { idSchema, subscriptionSchema } from '../common/schemas.js';
import { subscriptionView } from '../common/views.js';

const FIELD_NAMES: Partial<Record<keyof Subscription, string>> = {
  roamingEnabled: 'roaming_enabled',
  status: 'status',
  serviceStatus: 'service_status',
  productId: 'product_id',
  autopayEnabled: 'autopay_enabled',
  speedTierMbps: 'speed_tier',
  dataCapGb: 'data_cap_gb',
  endDate: 'end_date',
};

async function overdueOn(ctx: ToolContext, subscription: Subscription): Promise<number> {
  const invoices = await ctx.store.billing.listInvoicesWithPayments(subscription.customerId);
  return overdueAmount(
    invoices.filter(({ invoice }) => invoice.subscriptionId === subscription.subscriptionId),
    todayOf(ctx.clock),
  );
}

export const updateSubscription = defineTool({
  name: 'update_subscription',
  title: 'Update a subscription',
  description:
    'Changes settings of a subscription: roaming_enabled, status (active, suspended, cancelled), service_status, product_id (same category), autopay_enabled, speed_tier (Mbit/s), data_cap_gb. Returns which fields changed and the subscription after the change.',
  input: z.object({
    subscription_id: idSchema('subscription'),
    update: z
      .object({
        roaming_enabled: z.boolean().optional(),
        status: z.enum(SUBSCRIPTION_STATUSES).optional(),
        service_status: z.enum(SERVICE_STATUSES).optional(),
        product_id: idSchema('product').optional(),
        autopay_enabled: z.boolean().optional(),
        speed_tier: z.union(SPEED_TIERS_MBPS.map((tier) => z.literal(tier))).optional().describe('Mbit/s: 50, 100, 200, 500 or 1000'),
        data_cap_gb: z.number().positive().max(1000).optional(),
      })
      .strict()
      .describe('Only the fields to change'),
  }),
  output: z.object({
    subscription_id: z.number().int(),
    updated_fields: z.array(z.string()),
    subscription: subscriptionSchema,
  }),
  roles: [ROLES.write],
  annotations: MUTATING_IDEMPOTENT,
  async handler(input, ctx) {
    const u = input.update;
    if (Object.values(u).every((value) => value === undefined)) {
      throw new InvalidArgumentError('update must name at least one field to change', { field: 'update' });
    }
    const current = await requireSubscription(ctx.store, input.subscription_id);
    const [currentProduct, newProduct, overdueAmount] = await Promise.all([
      requireProduct(ctx.store, current.productId),
      u.product_id === undefined ? Promise.resolve(undefined) : ctx.store.products.get(u.product_id).then((p) => p ?? undefined),
      u.status === 'active' ? overdueOn(ctx, current) : Promise.resolve(0),
    ]);
    const update = {
      roamingEnabled: u.roaming_enabled,
      status: u.status,
      serviceStatus: u.service_status,
      productId: u.product_id,
      autopayEnabled: u.autopay_enabled,
      speedTierMbps: u.speed_tier,
      dataCapGb: u.data_cap_gb,
    };
    const today = todayOf(ctx.clock);
    const { subscription: updated, changed } = await ctx.store.subscriptions.update(input.subscription_id, (stored) => {
      // The products were read before this atomic step; if another call changed the product in
      // between, these rules would be checked against the wrong plan.
      if (stored.productId !== current.productId) {
        throw new ConflictError(`Subscription ${stored.subscriptionId} changed plan while this update ran; read it again and retry`);
      }
      const next = applySubscriptionUpdate(stored, update, { currentProduct, newProduct, today, overdueAmount });
      return { subscription: next, changed: changedFields(stored, next) };
    });
    const product = newProduct ?? currentProduct;
    return {
      subscription_id: updated.subscriptionId,
      updated_fields: changed.map((field) => FIELD_NAMES[field] ?? field),
      subscription: subscriptionView(updated, product),
    };
  },
  summarize: (r) =>
    `Subscription #${r.subscription_id} ${r.updated_fields.length ? `updated: ${r.updated_fields.join(', ')}` : 'already had these settings (nothing changed)'}. ` +
    `Now ${r.subscription.product_name}, status ${r.subscription.status}/${r.subscription.service_status}, roaming ${r.subscription.roaming_enabled ? 'on' : 'off'}, autopay ${r.subscription.autopay_enabled ? 'on' : 'off'}.`,
});
