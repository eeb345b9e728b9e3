// get_subscription_detail: one subscription with the fields of its product.
import * as z from 'zod';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { requireCustomer, requireProduct, requireSubscription } from '../common/lookups.js';
import { idSchema, READ_ONLY, subscriptionSchema } from '../common/schemas.js';
import { subscriptionView } from '../common/views.js';
import { incidentSchema, incidentView } from './incident-views.js';

export const getSubscriptionDetail = defineTool({
  name: 'get_subscription_detail',
  title: 'Subscription detail',
  description:
    "Returns one subscription: status, service status, roaming, autopay, data cap and speed tier, with its product name, category, fee and description, and any open service incidents in the customer's area that affect it.",
  input: z.object({ subscription_id: idSchema('subscription') }),
  output: subscriptionSchema.extend({
    monthly_fee: z.number().describe('Monthly fee of the product in EUR'),
    product_description: z.string(),
    roaming_available: z.boolean(),
    open_incidents: z.array(incidentSchema).describe("Open or monitored network incidents in the customer's area affecting this service"),
  }),
  roles: [ROLES.read],
  annotations: READ_ONLY,
  async handler(input, ctx) {
    const subscription = await requireSubscription(ctx.store, input.subscription_id);
    const [product, customer] = await Promise.all([
      requireProduct(ctx.store, subscription.productId),
      requireCustomer(ctx.store, subscription.customerId),
    ]);
    const incidents = await ctx.store.incidents.list({ area: customer.city, statuses: ['open', 'monitoring'] });
    const affecting = incidents.filter((i) => product.category === 'bundle' || i.category === product.category);
    return {
      ...subscriptionView(subscription, product),
      monthly_fee: product.monthlyFee,
      product_description: product.description,
      roaming_available: product.roamingAvailable,
      open_incidents: affecting.map(incidentView),
    };
  },
  summarize: (s) =>
    `Subscription #${s.subscription_id} of customer #${s.customer_id}: ${s.product_name} (${s.category}, EUR ${s.monthly_fee}/month), ` +
    `status ${s.status}, service ${s.service_status}, roaming ${s.roaming_enabled ? 'on' : 'off'}, autopay ${s.autopay_enabled ? 'on' : 'off'}` +
    `${s.data_cap_gb === null ? '' : `, ${s.data_cap_gb} GB cap`}${s.speed_tier_mbps === null ? '' : `, ${s.speed_tier_mbps} Mbit/s`}.` +
    s.open_incidents.map((i) => ` Open incident #${i.incident_id} in ${i.area} (${i.status}): ${i.title}${i.expected_resolution_at ? `, expected fixed by ${i.expected_resolution_at}` : ''}.`).join(''),
});
