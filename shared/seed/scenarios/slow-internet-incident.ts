// Scenario 2 (customer 252), slow internet during an incident: a Fibre 500 customer in the city
// of the open fibre incident sees a fraction of the subscribed speed. The subscription is
// degraded and the customer has an open ticket about it; the incident explains it and has an
// ETA.
import { daysAgoAt } from '../../time/calendar.js';
import { ticketIdFor } from '../seed-ids.js';
import { SLOW_INTERNET_AREA } from '../service-incidents.js';
import type { Scenario } from './scenario.js';
import { scenarioActivity, scenarioCustomer, scenarioSubscription } from './scenario-kit.js';

const CUSTOMER_ID = 252;

export const SLOW_INTERNET_INCIDENT: Scenario = {
  customerId: CUSTOMER_ID,
  slug: 'slow-internet-incident',
  title: 'Internet much slower than the subscribed tier during an open incident',
  situation: 'Sam Slowinski (customer 252) pays for Fibre 500 but gets 40 to 60 Mbit/s since yesterday and has already restarted the router.',
  tools: ['get_customer_detail', 'get_subscription_detail', 'get_support_tickets', 'search_knowledge_base'],
  goodAnswer:
    'There is an open incident in Tacoma (a fibre backbone fault) that get_subscription_detail shows under open_incidents, and the Fibre 500 subscription\'s service status is degraded; it explains the 40 to 60 Mbit/s. Engineers expect it fixed tomorrow (expected resolution 18:00 UTC), so no technician visit or further troubleshooting is needed. Because it will have lasted more than 24 hours, an incident credit of one thirtieth of the EUR 45.00 monthly fee per affected day is added automatically to the next invoice after it is resolved. The open ticket stays open until the speed is back to normal.',
  question: 'Fibre broadband much slower than the subscribed speed during an outage: troubleshooting and incident credit',
  policySlug: 'slow-internet-troubleshooting',
  build(anchorDate) {
    const customer = scenarioCustomer(anchorDate, {
      customerId: CUSTOMER_ID,
      firstName: 'Sam',
      lastName: 'Slowinski',
      address: '715 Cedar Lane',
      city: SLOW_INTERNET_AREA,
      loyaltyLevel: 'Bronze',
      joinedDaysAgo: 640,
    });
    const subscription = scenarioSubscription(anchorDate, customer, {
      ordinal: 1,
      productId: 6,
      startDaysAgo: 640,
      overrides: { serviceStatus: 'degraded' },
    });
    const activity = scenarioActivity({ anchorDate, subscription, cycleOffsetDays: 8, monthlyDataGb: () => 420, method: 'credit_card' });
    return {
      customers: [customer],
      subscriptions: [subscription],
      ...activity,
      tickets: [
        {
          ticketId: ticketIdFor(CUSTOMER_ID, 1),
          customerId: CUSTOMER_ID,
          subscriptionId: subscription.subscriptionId,
          category: 'technical',
          priority: 'high',
          status: 'open',
          subject: 'Internet far slower than Fibre 500',
          description: 'Customer reports speed tests of 40 to 60 Mbit/s on a wired connection since yesterday morning instead of the 500 Mbit/s of Fibre 500. Router restarted twice with no change. Works from home and needs video calls.',
          openedAt: daysAgoAt(anchorDate, 1, 19, 12),
          closedAt: null,
          idempotencyKey: null,
        },
      ],
    };
  },
};
