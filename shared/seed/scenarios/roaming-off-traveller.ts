// Scenario 3 (customer 253), a traveller with roaming off: a Mobile Plus customer (roaming
// available on the plan) flies abroad in a few days but roaming has never been switched on, and
// activation can take up to a day. An open ticket records the trip.
import { daysAgoAt } from '../../time/calendar.js';
import { ticketIdFor } from '../seed-ids.js';
import type { Scenario } from './scenario.js';
import { scenarioActivity, scenarioCustomer, scenarioSubscription } from './scenario-kit.js';

const CUSTOMER_ID = 253;

export const ROAMING_OFF_TRAVELLER: Scenario = {
  customerId: CUSTOMER_ID,
  slug: 'roaming-off-traveller',
  title: 'Traveller whose roaming is switched off',
  situation: 'Marco Polo (customer 253) flies to Lisbon in five days and wants his phone, including mobile data, to work there.',
  tools: ['get_customer_detail', 'get_subscription_detail', 'get_product_detail', 'get_support_tickets', 'search_knowledge_base', 'update_subscription'],
  goodAnswer:
    'Roaming is off on his Mobile Plus 20 GB line although the plan supports it (roaming available on the product). Switch it on now with update_subscription (roaming_enabled true): activation can take up to 24 hours, so it must be done at least a day before the flight. Lisbon is in the EU, so roaming is included: calls, texts and data there count against his 20 GB allowance, and data above it is charged as overage at EUR 10 per GB.',
  question: 'Customer travelling abroad next week: how long does roaming activation take before the trip?',
  policySlug: 'roaming-activation',
  build(anchorDate) {
    const customer = scenarioCustomer(anchorDate, {
      customerId: CUSTOMER_ID,
      firstName: 'Marco',
      lastName: 'Polo',
      address: '1254 River Road',
      city: 'Portland',
      loyaltyLevel: 'Silver',
      joinedDaysAgo: 900,
    });
    const subscription = scenarioSubscription(anchorDate, customer, {
      ordinal: 1,
      productId: 2,
      startDaysAgo: 900,
      overrides: { roamingEnabled: false, autopayEnabled: true },
    });
    const activity = scenarioActivity({ anchorDate, subscription, cycleOffsetDays: 11, monthlyDataGb: () => 12 });
    return {
      customers: [customer],
      subscriptions: [subscription],
      ...activity,
      tickets: [
        {
          ticketId: ticketIdFor(CUSTOMER_ID, 1),
          customerId: CUSTOMER_ID,
          subscriptionId: subscription.subscriptionId,
          category: 'other',
          priority: 'normal',
          status: 'open',
          subject: 'Will my phone work in Lisbon?',
          description: 'Customer flies to Lisbon in five days for two weeks and wants to use his phone there, including mobile data for maps. He has never used his phone abroad before.',
          openedAt: daysAgoAt(anchorDate, 1, 16, 48),
          closedAt: null,
          idempotencyKey: null,
        },
      ],
    };
  },
};
