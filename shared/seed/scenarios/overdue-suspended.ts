// Scenario 8 (customer 258), overdue and suspended: the newest invoice fell due over a month
// ago, the direct debit failed and so did its retry, nothing has been paid, and the line was
// suspended under the late-payment policy. No invoice has been issued since the suspension.
import { addDays, atTime } from '../../time/calendar.js';
import { DIRECT_DEBIT_RETRY_DAYS, SUSPEND_AFTER_OVERDUE_DAYS } from '../policy-terms.js';
import type { Scenario } from './scenario.js';
import { paidOnTime, scenarioActivity, scenarioCustomer, scenarioSubscription } from './scenario-kit.js';

/** Days before the anchor the unpaid invoice was issued (its due date is 14 days later). */
const UNPAID_ISSUED_DAYS_AGO = 48;

const CUSTOMER_ID = 258;

export const OVERDUE_SUSPENDED: Scenario = {
  customerId: CUSTOMER_ID,
  slug: 'overdue-suspended',
  title: 'Overdue invoice with failed payments and a suspended service',
  situation: 'Owen Latimer (customer 258) says his phone stopped working: no calls and no data.',
  tools: ['get_customer_detail', 'get_subscription_detail', 'get_billing_summary', 'get_invoice_payments', 'search_knowledge_base', 'pay_invoice'],
  goodAnswer:
    'His Mobile Plus 20 GB line is suspended (status and service status suspended) because invoice 258106 of EUR 25.00, due 34 days ago, is unpaid: the direct debit failed on the due date (insufficient funds) and so did the retry 7 days later, and nothing has been paid. The line was suspended 14 days after the due date and no invoice has been issued since. Paying the EUR 25.00 (pay_invoice, by card) restores service within 4 hours; a EUR 7.50 late-payment fee will be on the next invoice. If he cannot pay it all, offer a hardship payment plan (up to 3 instalments, reinstated after the first).',
  question: 'Service suspended for an overdue invoice after failed payments: how is it reinstated?',
  policySlug: 'late-payment-and-suspension',
  build(anchorDate) {
    const customer = scenarioCustomer(anchorDate, {
      customerId: CUSTOMER_ID,
      firstName: 'Owen',
      lastName: 'Latimer',
      address: '66 Elm Court',
      city: 'Spokane',
      loyaltyLevel: 'Bronze',
      joinedDaysAgo: 700,
    });
    const subscription = scenarioSubscription(anchorDate, customer, {
      ordinal: 1,
      productId: 2,
      startDaysAgo: 700,
      overrides: { status: 'suspended', serviceStatus: 'suspended', autopayEnabled: true },
    });
    const newest = 5;
    const activity = scenarioActivity({
      anchorDate,
      subscription,
      cycleOffsetDays: UNPAID_ISSUED_DAYS_AGO,
      monthlyDataGb: () => 11,
      // The line went dead the day after the grace period ended.
      lastUsageDay: addDays(anchorDate, -(UNPAID_ISSUED_DAYS_AGO - 14 - SUSPEND_AFTER_OVERDUE_DAYS)),
      settle: (invoice, index) =>
        index === newest
          ? [
              { paidAt: atTime(invoice.dueDate, 6, 12), method: 'direct_debit', failureReason: 'insufficient funds' },
              { paidAt: atTime(addDays(invoice.dueDate, DIRECT_DEBIT_RETRY_DAYS), 6, 12), method: 'direct_debit', failureReason: 'insufficient funds' },
            ]
          : paidOnTime(invoice, subscription, anchorDate, 'direct_debit'),
    });
    return { customers: [customer], subscriptions: [subscription], ...activity };
  },
};
