// get_customer_orders: a customer's device and accessory orders with returns and refunds.
import * as z from 'zod';
import { ORDER_STATUSES, REFUND_STATUSES } from '../../domain/orders/order.js';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { requireCustomer } from '../common/lookups.js';
import { idSchema, READ_ONLY } from '../common/schemas.js';

const orderSchema = z.object({
  order_id: z.number().int(),
  item_name: z.string(),
  item_type: z.enum(['device', 'accessory', 'sim']),
  amount: z.number(),
  ordered_on: z.string(),
  status: z.enum(ORDER_STATUSES),
  delivered_on: z.string().nullable(),
  return_received_on: z.string().nullable(),
  refund_status: z.enum(REFUND_STATUSES),
  refund_due_by: z.string().nullable(),
});

export const getCustomerOrders = defineTool({
  name: 'get_customer_orders',
  title: 'Customer orders',
  description: "Lists a customer's orders (devices, accessories, SIMs), newest first, with delivery, return and refund status.",
  input: z.object({ customer_id: idSchema('customer') }),
  output: z.object({ customer_id: z.number().int(), orders: z.array(orderSchema) }),
  roles: [ROLES.read],
  annotations: READ_ONLY,
  async handler(input, ctx) {
    await requireCustomer(ctx.store, input.customer_id);
    const orders = await ctx.store.orders.listByCustomer(input.customer_id);
    return {
      customer_id: input.customer_id,
      orders: orders.map((o) => ({
        order_id: o.orderId,
        item_name: o.itemName,
        item_type: o.itemType,
        amount: o.amount,
        ordered_on: o.orderedOn,
        status: o.status,
        delivered_on: o.deliveredOn,
        return_received_on: o.returnReceivedOn,
        refund_status: o.refundStatus,
        refund_due_by: o.refundDueBy,
      })),
    };
  },
  summarize: (r) =>
    r.orders
      .map((o) => `#${o.order_id} ${o.ordered_on} ${o.item_name} EUR ${o.amount.toFixed(2)} [${o.status}]${o.refund_status === 'none' ? '' : ` refund ${o.refund_status}${o.refund_due_by ? ` due by ${o.refund_due_by}` : ''}`}`)
      .join('\n') || `Customer #${r.customer_id} has no orders.`,
});
