// Generated sign-in history: two to six events per customer over the last four months, mostly
// successful sign-ins from the customer's usual address, with the odd mistyped password,
// password reset or MFA enrolment. Addresses come from the documentation ranges (RFC 5737).
import type { SecurityEvent, SecurityEventType } from '../domain/security/security-event.js';
import { daysAgoAt } from '../time/calendar.js';
import type { Random } from './prng.js';
import { securityEventIdFor } from './seed-ids.js';

const EVENT_DETAILS: Record<SecurityEventType, string> = {
  login_success: 'Signed in to My Contoso',
  login_failed: 'Sign-in failed: wrong password',
  account_locked: 'Account locked after repeated failed sign-ins',
  account_unlocked: 'Account unlocked by support after identity verification',
  password_reset: 'Password reset by the customer with an emailed link',
  mfa_enrolled: 'Authenticator app enrolled for two-step verification',
};

/** The customer's usual address, derived from the customer id. */
export function homeIpFor(customerId: number): string {
  return `203.0.113.${(customerId % 250) + 1}`;
}

export function generateSecurityEvents(random: Random, customerId: number, anchorDate: string): SecurityEvent[] {
  const home = homeIpFor(customerId);
  const drafts: Array<{ minutesAgo: number; eventType: SecurityEventType; ipAddress: string }> = [];
  const count = random.int(2, 6);
  while (drafts.length < count) {
    const minutesAgo = random.int(1, 120) * 1440 - random.int(420, 1320);
    const roll = random.next();
    const ipAddress = random.chance(0.85) ? home : `198.51.100.${random.int(1, 254)}`;
    if (roll < 0.12 && drafts.length + 2 <= count) {
      drafts.push({ minutesAgo: minutesAgo + random.int(1, 3), eventType: 'login_failed', ipAddress });
      drafts.push({ minutesAgo, eventType: 'login_success', ipAddress });
    } else if (roll < 0.17) {
      drafts.push({ minutesAgo, eventType: 'password_reset', ipAddress });
    } else if (roll < 0.22) {
      drafts.push({ minutesAgo, eventType: 'mfa_enrolled', ipAddress });
    } else {
      drafts.push({ minutesAgo, eventType: 'login_success', ipAddress });
    }
  }
  drafts.sort((a, b) => b.minutesAgo - a.minutesAgo);
  return drafts.map((draft, index) => ({
    eventId: securityEventIdFor(customerId, index + 1),
    customerId,
    eventType: draft.eventType,
    occurredAt: minutesBefore(anchorDate, draft.minutesAgo),
    ipAddress: draft.ipAddress,
    detail: EVENT_DETAILS[draft.eventType],
  }));
}

/** The date-time `minutes` before the anchor day's midnight (UTC). */
function minutesBefore(anchorDate: string, minutes: number): string {
  const days = Math.ceil(minutes / 1440);
  const minuteOfDay = days * 1440 - minutes;
  return daysAgoAt(anchorDate, days, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
}
