// Daily usage of subscriptions in the embedded store, keyed by (subscription, day), so a
// date-range read is one primary-key range scan.
import type { DailyUsage } from '../../domain/usage/data-usage.js';
import type { UsageRepo } from '../contoso-store.js';
import type { SqliteDatabase } from './open-database.js';
import { prepareRows } from './row-statement.js';

export interface DailyUsageRow {
  subscription_id: number;
  date: string;
  data_gb: number;
  roaming_data_gb: number;
  voice_minutes: number;
  sms_count: number;
}

export function toDailyUsage(row: DailyUsageRow): DailyUsage {
  return {
    subscriptionId: row.subscription_id,
    date: row.date,
    dataGb: row.data_gb,
    roamingDataGb: row.roaming_data_gb,
    voiceMinutes: row.voice_minutes,
    smsCount: row.sms_count,
  };
}

export function toDailyUsageRow(usage: DailyUsage): DailyUsageRow {
  return {
    subscription_id: usage.subscriptionId,
    date: usage.date,
    data_gb: usage.dataGb,
    roaming_data_gb: usage.roamingDataGb,
    voice_minutes: usage.voiceMinutes,
    sms_count: usage.smsCount,
  };
}

export const INSERT_DAILY_USAGE = `INSERT INTO daily_usage (subscription_id, date, data_gb, roaming_data_gb, voice_minutes,
  sms_count) VALUES (@subscription_id, @date, @data_gb, @roaming_data_gb, @voice_minutes, @sms_count)`;

export function createSqliteUsageRepo(db: SqliteDatabase): UsageRepo {
  const inRange = prepareRows<[number, string, string], DailyUsageRow>(db, 'SELECT * FROM daily_usage WHERE subscription_id = +? AND date >= +? AND date <= +? ORDER BY date',
  );
  return {
    async list(subscriptionId, from, to) {
      return inRange.all(subscriptionId, from, to).map(toDailyUsage);
    },
  };
}
