// Seeded billing periods: 30-day periods counted back from the anchor date (not calendar
// months), so moving the anchor shifts every period by the same number of days.
import { addDays } from '../time/calendar.js';
import { PAYMENT_TERM_DAYS } from './policy-terms.js';

export const BILLING_PERIOD_DAYS = 30;

export interface BillingPeriod {
  /** YYYY-MM-DD, inclusive */
  periodStart: string;
  periodEnd: string;
  /** The day after the period ends. */
  issuedOn: string;
  dueDate: string;
}

/**
 * `count` consecutive periods, oldest first; the newest is issued `cycleOffsetDays` days
 * before the anchor (0 = issued on the anchor day).
 */
export function billingPeriods(anchorDate: string, cycleOffsetDays: number, count: number): BillingPeriod[] {
  const periods: BillingPeriod[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const issuedOn = addDays(anchorDate, -(cycleOffsetDays + back * BILLING_PERIOD_DAYS));
    periods.push({
      periodStart: addDays(issuedOn, -BILLING_PERIOD_DAYS),
      periodEnd: addDays(issuedOn, -1),
      issuedOn,
      dueDate: addDays(issuedOn, PAYMENT_TERM_DAYS),
    });
  }
  return periods;
}

/** Index of the period holding `date` (days before the first count as the first), or periods.length after the last. */
export function periodIndexOf(periods: readonly BillingPeriod[], date: string): number {
  const index = periods.findIndex((period) => date <= period.periodEnd);
  return index === -1 ? periods.length : index;
}
