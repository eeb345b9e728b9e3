// Daily usage in the Cosmos DB store: one document per subscription and month in the customer's
// partition, so a date range of up to 366 days is at most 13 point reads (no query), run at once.
import type { Container } from '@azure/cosmos';
import type { DailyUsage } from '../../domain/usage/data-usage.js';
import type { UsageRepo } from '../contoso-store.js';
import type { CosmosOps } from './cosmos-ops.js';
import { docIds, type UsageMonthDoc } from './documents.js';
import type { Lookups } from './lookups.js';

/** Months a range touches, YYYY-MM, at most `max` (a longer range is the caller's mistake). */
export function monthsBetween(from: string, to: string, max = 240): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  while (months.length < max) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

export function createCosmosUsageRepo(ops: CosmosOps, customers: Container, lookups: Lookups): UsageRepo {
  return {
    async list(subscriptionId, from, to) {
      if (from > to) return [];
      const customerId = await lookups.customerOf('subscription', subscriptionId);
      if (customerId === null) return [];
      const docs = await Promise.all(
        monthsBetween(from, to).map((month) => ops.read<UsageMonthDoc>(customers, docIds.usageMonth(subscriptionId, month), customerId)),
      );
      const days: DailyUsage[] = [];
      for (const stored of docs) {
        for (const day of stored?.doc.days ?? []) if (day.date >= from && day.date <= to) days.push({ subscriptionId, ...day });
      }
      return days;
    },
  };
}
