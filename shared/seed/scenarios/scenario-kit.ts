// Building blocks for scenario customers: a customer and subscription with sensible defaults,
// and a subscription's usage, invoices and payments over six billing periods from fixed
// choices. Uses the same builders as generated customers, so the same rules hold.
import type { Invoice } from '../../domain/billing/invoice.js';
import type { Customer } from '../../domain/customers/customer.js';
import type { Product } from '../../domain/products/product.js';
import type { Subscription } from '../../domain/subscriptions/subscription.js';
import { billingHistory, type BillingHistoryOptions } from '../billing-history.js';
import { billingPeriods, periodIndexOf } from '../billing-periods.js';
import { PRODUCT_CATALOGUE } from '../catalogue.js';
import type { CustomerRecords } from '../customer-records.js';
import { customerRandom } from '../customer-random.js';
import { addDays, atTime } from '../../time/calendar.js';
import type { PaymentAttempt } from '../payment-builder.js';
import type { Random } from '../prng.js';
import { customerPhoneFor, mobileNumberFor, SCENARIO_CUSTOMER_IDS, subscriptionIdFor } from '../seed-ids.js';
import { hasUsage, USAGE_HISTORY_DAYS, usageSeries } from '../usage-series.js';

export function catalogueProduct(productId: number): Product {
  const product = PRODUCT_CATALOGUE.find((p) => p.productId === productId);
  if (!product) throw new Error(`seed bug: no product ${productId}`);
  return product;
}

export interface ScenarioCustomerOptions extends Pick<Customer, 'customerId' | 'firstName' | 'lastName' | 'address' | 'city' | 'loyaltyLevel'> {
  joinedDaysAgo: number;
  accountStatus?: Customer['accountStatus'];
}

export function scenarioCustomer(anchorDate: string, options: ScenarioCustomerOptions): Customer {
  const { joinedDaysAgo, accountStatus, ...fields } = options;
  return {
    ...fields,
    email: `${fields.firstName}.${fields.lastName}@example.com`.toLowerCase(),
    phone: customerPhoneFor(fields.customerId),
    accountStatus: accountStatus ?? 'active',
    joinedOn: addDays(anchorDate, -joinedDaysAgo),
  };
}

export interface ScenarioSubscriptionOptions {
  ordinal: number;
  productId: number;
  startDaysAgo: number;
  overrides?: Partial<Pick<Subscription, 'status' | 'serviceStatus' | 'roamingEnabled' | 'autopayEnabled'>>;
}

export function scenarioSubscription(anchorDate: string, customer: Customer, options: ScenarioSubscriptionOptions): Subscription {
  const product = catalogueProduct(options.productId);
  const subscriptionId = subscriptionIdFor(customer.customerId, options.ordinal);
  return {
    subscriptionId,
    customerId: customer.customerId,
    productId: product.productId,
    status: 'active',
    serviceStatus: 'normal',
    startDate: addDays(anchorDate, -options.startDaysAgo),
    endDate: null,
    roamingEnabled: false,
    autopayEnabled: false,
    dataCapGb: product.dataCapGb,
    speedTierMbps: product.speedTierMbps,
    serviceIdentifier: product.category === 'mobile' ? mobileNumberFor(subscriptionId) : `${customer.address}, ${customer.city}`,
    ...options.overrides,
  };
}

/**
 * The daily-usage noise of a scenario customer, drawn from the stream of its scenario number
 * (1–9) rather than its customer id, so the figures a story quotes (GB used, overage billed)
 * stay put if the scenario ids move. Generated customer n draws the same noise for its own,
 * unrelated lines, which is harmless.
 */
function scenarioUsageRandom(customerId: number): Random {
  return customerRandom(customerId - SCENARIO_CUSTOMER_IDS.first + 1, 'usage');
}

export interface ScenarioActivityOptions {
  anchorDate: string;
  subscription: Subscription;
  /** Days before the anchor the newest invoice was issued. */
  cycleOffsetDays: number;
  /** GB used over the period with this index (periods.length = the current, unbilled one). */
  monthlyDataGb: (periodIndex: number) => number;
  /** Last day with usage; defaults to the day before the anchor. */
  lastUsageDay?: string;
  extraLines?: BillingHistoryOptions['extraLines'];
  /** Defaults to paying on time: by direct debit on the due date with autopay, else by `method` 5 days after issue. */
  settle?: (invoice: Invoice, index: number) => PaymentAttempt[];
  method?: PaymentAttempt['method'];
}

/** Six periods of usage, invoices and payments; usage is kept for the last 90 days only. */
export function scenarioActivity(options: ScenarioActivityOptions): Pick<CustomerRecords, 'invoices' | 'payments' | 'usage'> {
  const { anchorDate, subscription } = options;
  const product = catalogueProduct(subscription.productId);
  const periods = billingPeriods(anchorDate, options.cycleOffsetDays, 6);
  const usage = hasUsage(product)
    ? usageSeries(scenarioUsageRandom(subscription.customerId), {
        subscription,
        product,
        from: periods[0]?.periodStart ?? anchorDate,
        to: options.lastUsageDay ?? addDays(anchorDate, -1),
        monthlyDataGb: (date) => options.monthlyDataGb(periodIndexOf(periods, date)),
      })
    : [];
  const settle = options.settle ?? ((invoice: Invoice) => paidOnTime(invoice, subscription, anchorDate, options.method ?? 'credit_card'));
  const history = billingHistory({
    subscription,
    product,
    periods,
    usage,
    ...(options.extraLines ? { extraLines: options.extraLines } : {}),
    settle,
  });
  const firstShown = addDays(anchorDate, -USAGE_HISTORY_DAYS);
  return { ...history, usage: usage.filter((day) => day.date >= firstShown) };
}

/** Paid in full on time, unless that day has not come yet. */
export function paidOnTime(invoice: Invoice, subscription: Subscription, anchorDate: string, method: PaymentAttempt['method']): PaymentAttempt[] {
  const day = subscription.autopayEnabled ? invoice.dueDate : addDays(invoice.issuedOn, 5);
  if (day >= anchorDate) return [];
  return [subscription.autopayEnabled ? { paidAt: atTime(day, 6, 12), method: 'direct_debit' } : { paidAt: atTime(day, 18, 30), method }];
}
