// Generated orders: none for most customers, one or two for some. Recent orders are still
// processing or shipped; older ones were delivered, a few returned and refunded in full
// within the returns policy, and a few cancelled before shipping.
import type { Order } from '../domain/orders/order.js';
import { addDays } from '../time/calendar.js';
import { ORDER_ITEMS } from './order-items.js';
import { REFUND_DAYS, RETURN_WINDOW_DAYS } from './policy-terms.js';
import type { Random } from './prng.js';
import { orderIdFor } from './seed-ids.js';

const DELIVERY_DAYS = 3;

export function generateOrders(random: Random, customerId: number, anchorDate: string): Order[] {
  const roll = random.next();
  const count = roll < 0.65 ? 0 : roll < 0.9 ? 1 : 2;
  const ages = Array.from({ length: count }, () => random.int(1, 300)).sort((a, b) => b - a);
  return ages.map((daysAgo, index) => {
    const item = random.pick(ORDER_ITEMS);
    const orderedOn = addDays(anchorDate, -daysAgo);
    const order: Order = {
      orderId: orderIdFor(customerId, index + 1),
      customerId,
      itemName: item.itemName,
      itemType: item.itemType,
      amount: item.amount,
      orderedOn,
      status: daysAgo <= 1 ? 'processing' : 'shipped',
      deliveredOn: null,
      returnReceivedOn: null,
      refundStatus: 'none',
      refundDueBy: null,
    };
    if (daysAgo <= DELIVERY_DAYS) return order;
    if (random.chance(0.04)) return { ...order, status: 'cancelled' };
    const deliveredOn = addDays(orderedOn, DELIVERY_DAYS);
    // A return needs time: received within the window, refunded within the refund term, all before the anchor.
    if (item.itemType !== 'sim' && daysAgo > DELIVERY_DAYS + RETURN_WINDOW_DAYS + REFUND_DAYS && random.chance(0.08)) {
      const returnReceivedOn = addDays(deliveredOn, random.int(3, RETURN_WINDOW_DAYS));
      return { ...order, status: 'refunded', deliveredOn, returnReceivedOn, refundStatus: 'issued', refundDueBy: addDays(returnReceivedOn, REFUND_DAYS) };
    }
    return { ...order, status: 'delivered', deliveredOn };
  });
}
