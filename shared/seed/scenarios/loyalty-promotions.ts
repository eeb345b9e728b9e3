// Scenario 5 (customer 255), loyalty promotions: a Gold customer with fibre and mobile asks
// what offers they can have. Of the promotions running now, three are open to Gold (two for
// Gold and Platinum, one for everyone), one is Platinum-only, and a Gold offer is announced for
// two weeks' time.
import type { Scenario } from './scenario.js';
import { scenarioActivity, scenarioCustomer, scenarioSubscription } from './scenario-kit.js';

const CUSTOMER_ID = 255;

export const LOYALTY_PROMOTIONS: Scenario = {
  customerId: CUSTOMER_ID,
  slug: 'loyalty-promotions',
  title: 'Which promotions a Gold customer qualifies for now',
  situation: 'Goldie Sterling (customer 255), a Gold member with Fibre 500 and Mobile Plus, asks which offers she can get today.',
  tools: ['get_customer_detail', 'get_eligible_promotions', 'get_promotions', 'get_products', 'search_knowledge_base'],
  goodAnswer:
    'As a Gold member she qualifies today for three promotions: Gigabit Loyalty Upgrade (20% off Fibre 1000), Loyalty Unlimited Mobile (15% off Mobile Plus 20 GB or Mobile Unlimited, which fits her current mobile line) and Family Bundle Saver (10%, open to every level). Platinum TV Premium is for Platinum only and Step Up to Mobile Plus for Bronze and Silver; the Summer Streaming Sale has ended. Gold Early Access: Home Bundle (25%) is announced and starts in 14 days; it cannot be applied before then. Only one promotion applies per subscription.',
  question: 'Which promotions does a Gold loyalty level qualify for today?',
  policySlug: 'promotion-eligibility',
  build(anchorDate) {
    const customer = scenarioCustomer(anchorDate, {
      customerId: CUSTOMER_ID,
      firstName: 'Goldie',
      lastName: 'Sterling',
      address: '9 Lakeview Drive',
      city: 'Kirkland',
      loyaltyLevel: 'Gold',
      joinedDaysAgo: 2100,
    });
    const fibre = scenarioSubscription(anchorDate, customer, { ordinal: 1, productId: 6, startDaysAgo: 2100, overrides: { autopayEnabled: true } });
    const mobile = scenarioSubscription(anchorDate, customer, { ordinal: 2, productId: 2, startDaysAgo: 1500, overrides: { autopayEnabled: true, roamingEnabled: true } });
    const fibreActivity = scenarioActivity({ anchorDate, subscription: fibre, cycleOffsetDays: 9, monthlyDataGb: () => 380 });
    const mobileActivity = scenarioActivity({ anchorDate, subscription: mobile, cycleOffsetDays: 9, monthlyDataGb: () => 14 });
    return {
      customers: [customer],
      subscriptions: [fibre, mobile],
      invoices: [...fibreActivity.invoices, ...mobileActivity.invoices],
      payments: [...fibreActivity.payments, ...mobileActivity.payments],
      usage: [...fibreActivity.usage, ...mobileActivity.usage],
    };
  },
};
