// get_customer_detail: a customer's profile with all their subscriptions.
import * as z from 'zod';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { productsById, requireCustomer } from '../common/lookups.js';
import { customerProfileSchema, idSchema, READ_ONLY, subscriptionSchema } from '../common/schemas.js';
import { customerProfileView, subscriptionView } from '../common/views.js';

export const getCustomerDetail = defineTool({
  name: 'get_customer_detail',
  title: 'Customer detail',
  description: "Returns a customer's profile (contact details, loyalty level, account status) with all their subscriptions.",
  input: z.object({ customer_id: idSchema('customer') }),
  output: customerProfileSchema.extend({ subscriptions: z.array(subscriptionSchema) }),
  roles: [ROLES.read],
  annotations: READ_ONLY,
  async handler(input, ctx) {
    const [customer, subscriptions, products] = await Promise.all([
      requireCustomer(ctx.store, input.customer_id),
      ctx.store.subscriptions.listByCustomer(input.customer_id),
      productsById(ctx.store),
    ]);
    return {
      ...customerProfileView(customer),
      subscriptions: subscriptions.map((subscription) => {
        const product = products.get(subscription.productId);
        if (!product) throw new Error(`Subscription ${subscription.subscriptionId} names unknown product ${subscription.productId}`);
        return subscriptionView(subscription, product);
      }),
    };
  },
  summarize: (c) =>
    `Customer #${c.customer_id} ${c.first_name} ${c.last_name} (${c.loyalty_level}, account ${c.account_status}), ` +
    `${c.email}, ${c.phone}, ${c.address}, ${c.city}; ${c.subscriptions.length} subscription(s): ` +
    c.subscriptions.map((s) => `#${s.subscription_id} ${s.product_name} [${s.status}/${s.service_status}]`).join('; '),
});
