// Scenario 7 (customer 257), repeated dropped calls in one area: three open network tickets in
// under two weeks about calls dropping in Overlake (Redmond), and no mobile incident open
// there, so the case qualifies for a network investigation rather than another duplicate
// ticket.
import type { SupportTicket } from '../../domain/support/support-ticket.js';
import { daysAgoAt } from '../../time/calendar.js';
import { ticketIdFor } from '../seed-ids.js';
import type { Scenario } from './scenario.js';
import { scenarioActivity, scenarioCustomer, scenarioSubscription } from './scenario-kit.js';

/** The neighbourhood every dropped-call ticket names. */
export const DROPPED_CALLS_AREA = 'Overlake, Redmond';

const CUSTOMER_ID = 257;

export const DROPPED_CALLS: Scenario = {
  customerId: CUSTOMER_ID,
  slug: 'dropped-calls',
  title: 'Repeated dropped calls in one area with open tickets',
  situation: `Callum Dropwell (customer 257) calls for the third time in two weeks: his mobile calls keep dropping around ${DROPPED_CALLS_AREA}.`,
  tools: ['get_customer_detail', 'get_support_tickets', 'get_subscription_detail', 'search_knowledge_base', 'create_support_ticket'],
  goodAnswer:
    'Three open network tickets in 12 days (25701, 25702, 25703) report dropped calls in Overlake, Redmond, and there is no open mobile incident in Redmond (open_incidents is empty). With 3 or more reports from one area within 30 days the case qualifies for a network investigation: instead of another duplicate, open one high-priority network escalation ticket listing the earlier tickets; the radio engineering team reports within 5 business days. If a coverage fault is confirmed he receives a credit of 10% of the EUR 45.00 monthly fee for each full week it stays unfixed (up to 50% a month). Meanwhile suggest Wi-Fi calling.',
  question: 'Repeated dropped calls in the same area with several open tickets: network investigation SLA and credit',
  policySlug: 'dropped-calls-investigation',
  build(anchorDate) {
    const customer = scenarioCustomer(anchorDate, {
      customerId: CUSTOMER_ID,
      firstName: 'Callum',
      lastName: 'Dropwell',
      address: '1880 Pine Road',
      city: 'Redmond',
      loyaltyLevel: 'Silver',
      joinedDaysAgo: 1000,
    });
    const subscription = scenarioSubscription(anchorDate, customer, { ordinal: 1, productId: 3, startDaysAgo: 1000, overrides: { autopayEnabled: true } });
    const activity = scenarioActivity({ anchorDate, subscription, cycleOffsetDays: 7, monthlyDataGb: () => 25 });
    const reports: Array<Pick<SupportTicket, 'status' | 'priority' | 'subject' | 'description' | 'openedAt'>> = [
      {
        status: 'in_progress',
        priority: 'normal',
        subject: `Calls dropping in ${DROPPED_CALLS_AREA}`,
        description: `Customer reports that calls drop after one or two minutes around ${DROPPED_CALLS_AREA}, near his office, several times a day. Phone restarted and software is up to date. Calls elsewhere are fine.`,
        openedAt: daysAgoAt(anchorDate, 12, 9, 20),
      },
      {
        status: 'open',
        priority: 'normal',
        subject: `Calls still dropping in ${DROPPED_CALLS_AREA}`,
        description: `Second report: four calls dropped yesterday between 10:00 and 15:00 in ${DROPPED_CALLS_AREA}. His colleague on another network has no problem.`,
        openedAt: daysAgoAt(anchorDate, 6, 15, 5),
      },
      {
        status: 'open',
        priority: 'normal',
        subject: `Dropped calls again in ${DROPPED_CALLS_AREA}`,
        description: `Third report in two weeks: calls keep dropping in ${DROPPED_CALLS_AREA}, including a call with a client this morning. Customer asks what Contoso is doing about it.`,
        openedAt: daysAgoAt(anchorDate, 2, 11, 45),
      },
    ];
    return {
      customers: [customer],
      subscriptions: [subscription],
      ...activity,
      tickets: reports.map((report, index) => ({
        ticketId: ticketIdFor(CUSTOMER_ID, index + 1),
        customerId: CUSTOMER_ID,
        subscriptionId: subscription.subscriptionId,
        category: 'network',
        closedAt: null,
        idempotencyKey: null,
        ...report,
      })),
    };
  },
};
