// Daily usage of one subscription over a date range, drawn around a monthly data target:
// each day uses target/30 GB give or take 45%. Data abroad counts in dataGb (it uses the
// allowance) and is also shown as roamingDataGb; calls and texts exist on mobile lines only.
import type { Product } from '../domain/products/product.js';
import type { Subscription } from '../domain/subscriptions/subscription.js';
import type { DailyUsage } from '../domain/usage/data-usage.js';
import { BILLING_PERIOD_DAYS } from './billing-periods.js';
import { addDays } from '../time/calendar.js';
import type { Random } from './prng.js';

export const USAGE_HISTORY_DAYS = 90;

export interface UsageSeriesOptions {
  subscription: Subscription;
  product: Product;
  /** First and last day, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  /** Data the line uses over a 30-day period around `date`, in GB. */
  monthlyDataGb: (date: string) => number;
  /** Whether the line is abroad on `date`; only counts when roaming is enabled. */
  abroad?: (date: string) => boolean;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Whether a product's subscriptions record daily usage. */
export function hasUsage(product: Product): boolean {
  return product.category !== 'tv';
}

export function usageSeries(random: Random, options: UsageSeriesOptions): DailyUsage[] {
  const { subscription, product } = options;
  const phoneLine = product.category === 'mobile' || product.category === 'bundle';
  const days: DailyUsage[] = [];
  for (let date = options.from; date <= options.to; date = addDays(date, 1)) {
    const dataGb = round2((options.monthlyDataGb(date) / BILLING_PERIOD_DAYS) * (0.55 + random.next() * 0.9));
    const abroad = subscription.roamingEnabled && (options.abroad?.(date) ?? false);
    days.push({
      subscriptionId: subscription.subscriptionId,
      date,
      dataGb,
      roamingDataGb: abroad ? round2(dataGb * (0.7 + random.next() * 0.3)) : 0,
      voiceMinutes: phoneLine ? random.int(0, 45) : 0,
      smsCount: phoneLine ? random.int(0, 12) : 0,
    });
  }
  return days;
}

/** GB used from `from` to `to` inclusive. */
export function dataUsedGb(usage: readonly DailyUsage[], from: string, to: string): number {
  const cents = usage.filter((day) => day.date >= from && day.date <= to).reduce((sum, day) => sum + Math.round(day.dataGb * 100), 0);
  return cents / 100;
}
