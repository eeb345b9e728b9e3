// update_subscription: changes a subscription's settings (roaming, status, product, autopay,
// speed tier, data cap). The rules run inside the atomic write against the stored subscription
// and its plan, looked up in the catalogue read beforehand; a cancelled subscription cannot
// change, and a suspended one is not reactivated while money is overdue.
import * as z from 'zod';
import { ROLES } from '../../identity/principal.js';
import { todayOf } from '../../time/clock.js';
import { overdueAmount } from '../../domain/billing/billing-rules.js';
import type { Product } from '../../domain/products/product.js';
import { SERVICE_STATUSES, SUBSCRIPTION_STATUSES, type Subscription } from '../../domain/subscriptions/subscription.js';
import {
  applySubscriptionUpdate,
  changedFields,
  SPEED_TIERS_MBPS,
  type SubscriptionUpdate,
} from '../../domain/subscriptions/subscription-update.js';
import { InvalidArgumentError, NotFoundError } from '../../errors/domain-error.js';
import { defineTool, type ToolContext } from '../../mcp/define-tool.js';
import type { SubscriptionChange } from '../../storage/contoso-store.js';
import { productsById, requireSubscription } from '../common/lookups.js';
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

/** Overdue amount on the subscription's invoices: one read of its customer's invoices. */
async function overdueOn(ctx: ToolContext, subscriptionId: number): Promise<number> {
  const subscription = await requireSubscription(ctx.store, subscriptionId);
  const invoices = await ctx.store.billing.listInvoicesWithPayments(subscription.customerId);
  return overdueAmount(
    invoices.filter(({ invoice }) => invoice.subscriptionId === subscriptionId),
    todayOf(ctx.clock),
  );
}

/** What the update is decided with, all read before the atomic step. */
interface UpdateFacts {
  /** The catalogue (small, and changed only by a reseed). */
  products: ReadonlyMap<number, Product>;
  today: string;
  overdueAmount: number;
}

type UpdateOutcome = SubscriptionChange & { changed: Array<keyof Subscription>; product: Product };

/**
 * The stored subscription after `update`, the fields that changed and its product, with the
 * rules checked against the stored plan. Pure, so the store may run it again after a conflict.
 */
function decideUpdate(stored: Subscription, update: SubscriptionUpdate, facts: UpdateFacts): UpdateOutcome {
  const currentProduct = facts.products.get(stored.productId);
  if (!currentProduct) throw new NotFoundError('Product', stored.productId);
  const newProduct = update.productId === undefined ? undefined : facts.products.get(update.productId);
  const next = applySubscriptionUpdate(stored, update, { currentProduct, newProduct, today: facts.today, overdueAmount: facts.overdueAmount });
  return { subscription: next, changed: changedFields(stored, next), product: newProduct ?? currentProduct };
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
    const update: SubscriptionUpdate = {
      roamingEnabled: u.roaming_enabled,
      status: u.status,
      serviceStatus: u.service_status,
      productId: u.product_id,
      autopayEnabled: u.autopay_enabled,
      speedTierMbps: u.speed_tier,
      dataCapGb: u.data_cap_gb,
    };
    const [products, overdue] = await Promise.all([
      productsById(ctx.store),
      u.status === 'active' ? overdueOn(ctx, input.subscription_id) : Promise.resolve(0),
    ]);
    const facts: UpdateFacts = { products, today: todayOf(ctx.clock), overdueAmount: overdue };
    const { subscription, changed, product } = await ctx.store.subscriptions.update(input.subscription_id, (stored) =>
      decideUpdate(stored, update, facts),
    );
    return {
      subscription_id: subscription.subscriptionId,
      updated_fields: changed.map((field) => FIELD_NAMES[field] ?? field),
      subscription: subscriptionView(subscription, product),
    };
  },
  summarize: (r) =>
    `Subscription #${r.subscription_id} ${r.updated_fields.length ? `updated: ${r.updated_fields.join(', ')}` : 'already had these settings (nothing changed)'}. ` +
    `Now ${r.subscription.product_name}, status ${r.subscription.status}/${r.subscription.service_status}, roaming ${r.subscription.roaming_enabled ? 'on' : 'off'}, autopay ${r.subscription.autopay_enabled ? 'on' : 'off'}.`,
});
