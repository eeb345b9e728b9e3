// Subscriptions in the embedded store. update() reads, asks the caller's decide function and
// writes in one immediate transaction, so the change is decided against the row it overwrites.
import type { ServiceStatus, Subscription, SubscriptionStatus } from '../../domain/subscriptions/subscription.js';
import { NotFoundError } from '../../errors/domain-error.js';
import type { SubscriptionChange, SubscriptionRepo } from '../contoso-store.js';
import type { SqliteDatabase } from './open-database.js';
import { prepareRows } from './row-statement.js';
import { fromFlag, toFlag } from './sql-values.js';

export interface SubscriptionRow {
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

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    subscriptionId: row.subscription_id,
    customerId: row.customer_id,
    productId: row.product_id,
    status: row.status as SubscriptionStatus,
    serviceStatus: row.service_status as ServiceStatus,
    startDate: row.start_date,
    endDate: row.end_date,
    roamingEnabled: fromFlag(row.roaming_enabled),
    autopayEnabled: fromFlag(row.autopay_enabled),
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
    roaming_enabled: toFlag(subscription.roamingEnabled),
    autopay_enabled: toFlag(subscription.autopayEnabled),
    data_cap_gb: subscription.dataCapGb,
    speed_tier_mbps: subscription.speedTierMbps,
    service_identifier: subscription.serviceIdentifier,
  };
}

export const INSERT_SUBSCRIPTION = `INSERT INTO subscriptions VALUES (@subscription_id, @customer_id, @product_id, @status,
  @service_status, @start_date, @end_date, @roaming_enabled, @autopay_enabled, @data_cap_gb, @speed_tier_mbps,
  @service_identifier)`;

export function createSqliteSubscriptionRepo(db: SqliteDatabase): SubscriptionRepo {
  const byId = prepareRows<[number], SubscriptionRow>(db, 'SELECT * FROM subscriptions WHERE subscription_id = ?');
  const byCustomer = prepareRows<[number], SubscriptionRow>(db, 'SELECT * FROM subscriptions WHERE customer_id = +? ORDER BY subscription_id',
  );
  const updateRow = db.prepare<[SubscriptionRow]>(`UPDATE subscriptions SET customer_id = @customer_id,
    product_id = @product_id, status = @status, service_status = @service_status, start_date = @start_date,
    end_date = @end_date, roaming_enabled = @roaming_enabled, autopay_enabled = @autopay_enabled,
    data_cap_gb = @data_cap_gb, speed_tier_mbps = @speed_tier_mbps, service_identifier = @service_identifier
    WHERE subscription_id = @subscription_id`);

  const applyChange = db.transaction(
    (subscriptionId: number, decide: (current: Subscription) => SubscriptionChange): SubscriptionChange => {
      const row = byId.get(subscriptionId);
      if (!row) throw new NotFoundError('Subscription', subscriptionId);
      const change = decide(toSubscription(row));
      const next = change.subscription;
      if (next.subscriptionId !== subscriptionId || next.customerId !== row.customer_id) {
        throw new TypeError('A subscription change must keep the subscription and customer ids');
      }
      updateRow.run(toSubscriptionRow(next));
      return change;
    },
  );

  return {
    async get(subscriptionId) {
      const row = byId.get(subscriptionId);
      return row ? toSubscription(row) : null;
    },
    async listByCustomer(customerId) {
      return byCustomer.all(customerId).map(toSubscription);
    },
    async update<R extends SubscriptionChange>(subscriptionId: number, decide: (current: Subscription) => R): Promise<R> {
      // The transaction returns what decide returned, so the narrowing back to R holds.
      return applyChange.immediate(subscriptionId, decide) as R;
    },
  };
}
