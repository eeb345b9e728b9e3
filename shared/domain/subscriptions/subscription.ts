// A customer's subscription to a product, with the settings support agents change.

export const SUBSCRIPTION_STATUSES = ['active', 'suspended', 'cancelled'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const SERVICE_STATUSES = ['normal', 'degraded', 'outage', 'suspended'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export interface Subscription {
  subscriptionId: number;
  customerId: number;
  productId: number;
  status: SubscriptionStatus;
  serviceStatus: ServiceStatus;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD, null while open-ended. */
  endDate: string | null;
  roamingEnabled: boolean;
  autopayEnabled: boolean;
  /** Data included per month in GB (may differ from the product after an upgrade); null = unlimited/n.a. */
  dataCapGb: number | null;
  /** Speed tier in Mbit/s for internet subscriptions; null otherwise. */
  speedTierMbps: number | null;
  /** MSISDN for mobile lines or the service address for fixed lines. */
  serviceIdentifier: string;
}
