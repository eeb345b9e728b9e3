// Maps domain records (camelCase) to the snake_case shapes of the public tool contract.
import type * as z from 'zod';
import type { Customer } from '../../domain/customers/customer.js';
import type { Product } from '../../domain/products/product.js';
import type { Subscription } from '../../domain/subscriptions/subscription.js';
import type { customerProfileSchema, customerSummarySchema, productSchema, subscriptionSchema } from './schemas.js';

export function customerSummaryView(c: Customer): z.input<typeof customerSummarySchema> {
  return { customer_id: c.customerId, first_name: c.firstName, last_name: c.lastName, email: c.email, loyalty_level: c.loyaltyLevel };
}

export function customerProfileView(c: Customer): z.input<typeof customerProfileSchema> {
  return {
    ...customerSummaryView(c),
    phone: c.phone,
    address: c.address,
    city: c.city,
    account_status: c.accountStatus,
    joined_on: c.joinedOn,
  };
}

export function productView(p: Product): z.input<typeof productSchema> {
  return {
    product_id: p.productId,
    name: p.name,
    category: p.category,
    description: p.description,
    monthly_fee: p.monthlyFee,
    data_cap_gb: p.dataCapGb,
    speed_tier_mbps: p.speedTierMbps,
    roaming_available: p.roamingAvailable,
  };
}

export function subscriptionView(s: Subscription, product: Product): z.input<typeof subscriptionSchema> {
  return {
    subscription_id: s.subscriptionId,
    customer_id: s.customerId,
    product_id: s.productId,
    product_name: product.name,
    category: product.category,
    status: s.status,
    service_status: s.serviceStatus,
    start_date: s.startDate,
    end_date: s.endDate,
    roaming_enabled: s.roamingEnabled,
    autopay_enabled: s.autopayEnabled,
    data_cap_gb: s.dataCapGb,
    speed_tier_mbps: s.speedTierMbps,
    service_identifier: s.serviceIdentifier,
  };
}
