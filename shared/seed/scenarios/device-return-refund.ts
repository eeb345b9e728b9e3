// Scenario 6 (customer 256), a returned device awaiting its refund: a phone was returned well
// inside the return window and received a few days ago; the refund is pending and not yet due,
// so the right answer is the refund-due-by date, not an escalation.
import type { Order } from '../../domain/orders/order.js';
import { addDays, daysAgoAt } from '../../time/calendar.js';
import { REFUND_DAYS } from '../policy-terms.js';
import { orderIdFor, ticketIdFor } from '../seed-ids.js';
import type { Scenario } from './scenario.js';
import { scenarioActivity, scenarioCustomer, scenarioSubscription } from './scenario-kit.js';

const CUSTOMER_ID = 256;

export const DEVICE_RETURN_REFUND: Scenario = {
  customerId: CUSTOMER_ID,
  slug: 'device-return-refund',
  title: 'Returned device awaiting its refund inside the refund period',
  situation: 'Reggie Parcel (customer 256) sent back a new phone and asks when he gets his EUR 649 back.',
  tools: ['get_customer_detail', 'get_customer_orders', 'get_support_tickets', 'search_knowledge_base'],
  goodAnswer:
    'The Contoso Nova 5G (order 25602, EUR 649.00) was delivered 21 days ago and returned inside the 30-day return window; the returns centre received it 4 days ago, so the order shows status returned with refund pending, and the refund is due within 14 days of receipt, by the refund-due-by date 10 days from now. It goes back to the original card, where it can take a further 3 to 5 business days to appear. No action is needed yet; escalate only if it is still pending after the refund-due-by date.',
  question: 'Returned phone: when will the refund be issued after the return is received?',
  policySlug: 'returns-and-refunds',
  build(anchorDate) {
    const customer = scenarioCustomer(anchorDate, {
      customerId: CUSTOMER_ID,
      firstName: 'Reggie',
      lastName: 'Parcel',
      address: '27 Birch Place',
      city: 'Olympia',
      loyaltyLevel: 'Silver',
      joinedDaysAgo: 800,
    });
    const subscription = scenarioSubscription(anchorDate, customer, { ordinal: 1, productId: 2, startDaysAgo: 800 });
    const activity = scenarioActivity({ anchorDate, subscription, cycleOffsetDays: 2, monthlyDataGb: () => 9, method: 'debit_card' });
    const returnReceivedOn = addDays(anchorDate, -4);
    const orders: Order[] = [
      {
        orderId: orderIdFor(CUSTOMER_ID, 1),
        customerId: CUSTOMER_ID,
        itemName: 'Fast charger 30 W',
        itemType: 'accessory',
        amount: 24.99,
        orderedOn: addDays(anchorDate, -200),
        status: 'delivered',
        deliveredOn: addDays(anchorDate, -197),
        returnReceivedOn: null,
        refundStatus: 'none',
        refundDueBy: null,
      },
      {
        orderId: orderIdFor(CUSTOMER_ID, 2),
        customerId: CUSTOMER_ID,
        itemName: 'Contoso Nova 5G smartphone',
        itemType: 'device',
        amount: 649,
        orderedOn: addDays(anchorDate, -24),
        status: 'returned',
        deliveredOn: addDays(anchorDate, -21),
        returnReceivedOn,
        refundStatus: 'pending',
        refundDueBy: addDays(returnReceivedOn, REFUND_DAYS),
      },
    ];
    return {
      customers: [customer],
      subscriptions: [subscription],
      ...activity,
      orders,
      tickets: [
        {
          ticketId: ticketIdFor(CUSTOMER_ID, 1),
          customerId: CUSTOMER_ID,
          subscriptionId: subscription.subscriptionId,
          category: 'device',
          priority: 'normal',
          status: 'open',
          subject: 'Refund for returned Contoso Nova 5G',
          description: 'Customer returned the Contoso Nova 5G smartphone because the screen was too large for him. The courier confirmed delivery to the returns centre. He asks when the EUR 649 will be refunded to his card.',
          openedAt: daysAgoAt(anchorDate, 1, 11, 30),
          closedAt: null,
          idempotencyKey: null,
        },
      ],
    };
  },
};
