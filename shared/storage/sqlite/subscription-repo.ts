// Subscriptions in the embedded store.
import type { ServiceStatus, Subscription, SubscriptionStatus } from '../../domain/subscriptions/subscription.js';
import type { SubscriptionRepo } from '../contoso-store.js';
import type { SqliteDatabase } from './open-database.js';

interface SubscriptionRow {
  subscription_id: number;
  customer_id: number;
  product_id: number;
  status: string;
  service_status: string;
  start_date: string;
  end_date: string | null;
  roaming_enabled: number;
  autopay_enabled: number;
  data_cap_gb: number | null;
  speed_tier_mbps: number | null;
  service_identifier: string;
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    subscriptionId: row.subscription_id,
    customerId: row.customer_id,
    productId: row.product_id,
    status: row.status as SubscriptionStatus,
    serviceStatus: row.service_status as ServiceStatus,
    startDate: row.start_date,
    endDate: row.end_date,
    roamingEnabled: row.roaming_enabled === 1,
    autopayEnabled: row.autopay_enabled === 1,
    dataCapGb: row.data_cap_gb,
    speedTierMbps: row.speed_tier_mbps,
    serviceIdentifier: row.service_identifier,
  };
}

export function toSubscriptionRow(subscription: Subscription): SubscriptionRow {
  return {
    subscription_id: subscription.subscriptionId,
    customer_id: subscription.customerId,
    product_id: subscription.productId,
    status: subscription.status,
    service_status: subscription.serviceStatus,
    start_date: subscription.startDate,
    end_date: subscription.endDate,
    roaming_enabled: subscription.roamingEnabled ? 1 : 0,
    autopay_enabled: subscription.autopayEnabled ? 1 : 0,
    data_cap_gb: subscription.dataCapGb,
    speed_tier_mbps: subscription.speedTierMbps,
    service_identifier: subscription.serviceIdentifier,
  };
}

export const INSERT_SUBSCRIPTION = `INSERT INTO subscriptions VALUES (@subscription_id, @customer_id, @product_id, @status,
  @service_status, @start_date, @end_date, @roaming_enabled, @autopay_enabled, @data_cap_gb, @speed_tier_mbps,
  @service_identifier)`;

export function createSqliteSubscriptionRepo(db: SqliteDatabase): SubscriptionRepo {
  const byId = db.prepare<[number], SubscriptionRow>('SELECT * FROM subscriptions WHERE subscription_id = ?');
  const byCustomer = db.prepare<[number], SubscriptionRow>(
    'SELECT * FROM subscriptions WHERE customer_id = ? ORDER BY subscription_id',
  );
  return {
    async get(subscriptionId) {
      const row = byId.get(subscriptionId);
      return row ? toSubscription(row) : null;
    },
    async listByCustomer(customerId) {
      return byCustomer.all(customerId).map(toSubscription);
    },
  };
}
