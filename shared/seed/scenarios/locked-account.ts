// Scenario 4 (customer 254), a locked account: five failed sign-ins in a few minutes from an
// address the customer never used locked the account overnight. Earlier sign-ins came from
// home, which points to an account-takeover attempt rather than a forgotten password.
import type { SecurityEvent } from '../../domain/security/security-event.js';
import { daysAgoAt } from '../../time/calendar.js';
import { homeIpFor } from '../generate-security-events.js';
import { securityEventIdFor } from '../seed-ids.js';
import type { Scenario } from './scenario.js';
import { scenarioActivity, scenarioCustomer, scenarioSubscription } from './scenario-kit.js';

/** Where the failed sign-ins came from (a documentation address, RFC 5737). */
export const UNFAMILIAR_IP = '198.51.100.77';

const CUSTOMER_ID = 254;

export const LOCKED_ACCOUNT: Scenario = {
  customerId: CUSTOMER_ID,
  slug: 'locked-account',
  title: 'Account locked after failed sign-ins',
  situation: 'Lucy Lockwood (customer 254) cannot sign in to My Contoso this morning and asks to be let back in.',
  tools: ['get_customer_detail', 'get_security_logs', 'search_knowledge_base', 'unlock_account', 'create_support_ticket'],
  goodAnswer:
    'The account was locked overnight after 5 failed sign-ins within five minutes from 198.51.100.77, an address she has never used (earlier successful sign-ins came from 203.0.113.5). Verify her identity with two of: the email on file, the mobile number of her line, the amount of her latest invoice, without reading them out. Then unlock with unlock_account and, because the attempts came from an unfamiliar address, advise an immediate password reset and an authenticator app for two-step verification, and open an account ticket about a possible takeover attempt.',
  question: 'Account locked after failed sign-in attempts: how to verify identity before unlocking',
  policySlug: 'account-unlock-identity-verification',
  build(anchorDate) {
    const customer = scenarioCustomer(anchorDate, {
      customerId: CUSTOMER_ID,
      firstName: 'Lucy',
      lastName: 'Lockwood',
      address: '302 Summit Boulevard',
      city: 'Bellevue',
      loyaltyLevel: 'Silver',
      joinedDaysAgo: 1300,
      accountStatus: 'locked',
    });
    const subscription = scenarioSubscription(anchorDate, customer, {
      ordinal: 1,
      productId: 3,
      startDaysAgo: 1300,
      overrides: { autopayEnabled: true },
    });
    const activity = scenarioActivity({ anchorDate, subscription, cycleOffsetDays: 5, monthlyDataGb: () => 35 });
    const home = homeIpFor(CUSTOMER_ID);
    const events: Array<Omit<SecurityEvent, 'eventId' | 'customerId'>> = [
      { eventType: 'login_success', occurredAt: daysAgoAt(anchorDate, 20, 8, 14), ipAddress: home, detail: 'Signed in to My Contoso' },
      { eventType: 'login_success', occurredAt: daysAgoAt(anchorDate, 6, 19, 40), ipAddress: home, detail: 'Signed in to My Contoso' },
      ...[11, 12, 13, 14, 15].map((minute) => ({
        eventType: 'login_failed' as const,
        occurredAt: daysAgoAt(anchorDate, 1, 2, minute),
        ipAddress: UNFAMILIAR_IP,
        detail: 'Sign-in failed: wrong password',
      })),
      {
        eventType: 'account_locked',
        occurredAt: daysAgoAt(anchorDate, 1, 2, 16),
        ipAddress: UNFAMILIAR_IP,
        detail: 'Account locked after 5 failed sign-ins within 15 minutes',
      },
    ];
    return {
      customers: [customer],
      subscriptions: [subscription],
      ...activity,
      securityEvents: events.map((event, index) => ({ eventId: securityEventIdFor(CUSTOMER_ID, index + 1), customerId: CUSTOMER_ID, ...event })),
    };
  },
};
