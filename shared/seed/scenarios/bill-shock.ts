// Scenario 1 (customer 251), bill shock: a small-allowance mobile customer streamed far past
// the 5 GB cap in the last billing period, so the newest invoice is many times the usual amount
// because of data overage. Five ordinary invoices before it show what "usual" is.
import { daysAgoAt } from '../../time/calendar.js';
import { ticketIdFor } from '../seed-ids.js';
import type { Scenario } from './scenario.js';
import { scenarioActivity, scenarioCustomer, scenarioSubscription } from './scenario-kit.js';

const CUSTOMER_ID = 251;

export const BILL_SHOCK: Scenario = {
  customerId: CUSTOMER_ID,
  slug: 'bill-shock',
  title: 'Bill far above the usual amount after blowing past the data cap',
  situation: 'Nora Billings (customer 251) says her latest bill is more than ten times what she normally pays and wants to know why.',
  tools: ['get_customer_detail', 'get_billing_summary', 'get_data_usage', 'get_subscription_detail', 'search_knowledge_base', 'get_products', 'update_subscription'],
  goodAnswer:
    'The newest invoice (251106, EUR 235.00) is the usual EUR 15.00 Mobile Essentials 5 GB fee plus a data-overage line of EUR 220.00: get_data_usage shows about 26.9 GB used in that period against a 5 GB cap, and 22 started GB over the cap are billed at EUR 10 per GB. The five earlier invoices were EUR 15.00 each. The invoice is 3 days old, so she can still upgrade retroactively (within 30 days of the invoice date): moving to Mobile Unlimited re-rates the period, crediting the EUR 220.00 overage and charging the EUR 30.00 fee difference instead. Mention the usage alerts at 80% and 100% of the allowance.',
  question: 'Bill jumped after going over the data cap: can a retroactive upgrade remove the overage charges?',
  policySlug: 'data-overage-charges',
  build(anchorDate) {
    const customer = scenarioCustomer(anchorDate, {
      customerId: CUSTOMER_ID,
      firstName: 'Nora',
      lastName: 'Billings',
      address: '48 Harbor Way',
      city: 'Seattle',
      loyaltyLevel: 'Silver',
      joinedDaysAgo: 1100,
    });
    const subscription = scenarioSubscription(anchorDate, customer, {
      ordinal: 1,
      productId: 1,
      startDaysAgo: 1100,
      overrides: { autopayEnabled: true },
    });
    // Five periods at 3.5 GB of the 5 GB cap, then one at 28 GB; the current period is back to normal.
    const activity = scenarioActivity({
      anchorDate,
      subscription,
      cycleOffsetDays: 3,
      monthlyDataGb: (period) => (period === 5 ? 28 : 3.5),
    });
    return {
      customers: [customer],
      subscriptions: [subscription],
      ...activity,
      tickets: [
        {
          ticketId: ticketIdFor(CUSTOMER_ID, 1),
          customerId: CUSTOMER_ID,
          subscriptionId: subscription.subscriptionId,
          category: 'billing',
          priority: 'normal',
          status: 'open',
          subject: 'Latest bill far higher than usual',
          description: 'Customer says the new invoice is many times her usual EUR 15 and she does not understand why. She mentions watching a lot of video on her phone on the train last month.',
          openedAt: daysAgoAt(anchorDate, 1, 10, 5),
          closedAt: null,
          idempotencyKey: null,
        },
      ],
    };
  },
};
