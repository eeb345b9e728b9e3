// Scenario 9 (customer 259), a data-overage charge: a Mobile Plus customer went a little over
// the 20 GB allowance last period, so the newest invoice has one data-overage line on an
// otherwise normal bill. Earlier periods stayed well within the cap.
import type { Scenario } from './scenario.js';
import { scenarioActivity, scenarioCustomer, scenarioSubscription } from './scenario-kit.js';

const CUSTOMER_ID = 259;

export const DATA_OVERAGE_CHARGE: Scenario = {
  customerId: CUSTOMER_ID,
  slug: 'data-overage-charge',
  title: 'A data-overage line on an otherwise normal bill',
  situation: 'Gigi Overby (customer 259) asks what the "Data overage" charge on her newest invoice is.',
  tools: ['get_customer_detail', 'get_billing_summary', 'get_data_usage', 'search_knowledge_base', 'get_products'],
  goodAnswer:
    'The newest invoice (259106, EUR 45.00) is the usual EUR 25.00 Mobile Plus 20 GB fee plus one data-overage line of EUR 20.00: get_data_usage shows 21.33 GB used in that period against the 20 GB allowance, and overage is billed per started GB at EUR 10 per GB (1.33 GB over is billed as 2 GB). The five earlier invoices were EUR 25.00 with no overage. A retroactive upgrade within 30 days of the invoice date would re-rate the period, but Mobile Unlimited costs EUR 20.00 more a month, so it only pays off if she expects to keep going over the cap.',
  question: 'What is the per GB charge for data overage above the allowance on an invoice?',
  policySlug: 'data-overage-charges',
  build(anchorDate) {
    const customer = scenarioCustomer(anchorDate, {
      customerId: CUSTOMER_ID,
      firstName: 'Gigi',
      lastName: 'Overby',
      address: '512 Oak Avenue',
      city: 'Everett',
      loyaltyLevel: 'Silver',
      joinedDaysAgo: 1250,
    });
    const subscription = scenarioSubscription(anchorDate, customer, { ordinal: 1, productId: 2, startDaysAgo: 1250 });
    const activity = scenarioActivity({
      anchorDate,
      subscription,
      cycleOffsetDays: 6,
      monthlyDataGb: (period) => (period === 5 ? 21.4 : 14),
      method: 'paypal',
    });
    return { customers: [customer], subscriptions: [subscription], ...activity };
  },
};
