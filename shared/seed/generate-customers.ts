// Generates one random customer and their subscriptions. Each customer draws from a PRNG
// seeded by its own id, so customer 150 is the same whether 200 or 2000 are seeded.
import type { Customer, LoyaltyLevel } from '../domain/customers/customer.js';
import type { Product } from '../domain/products/product.js';
import type { Subscription, SubscriptionStatus } from '../domain/subscriptions/subscription.js';
import { customerRandom } from './customer-random.js';
import { addDays } from '../time/calendar.js';
import { CITIES, FIRST_NAMES, LAST_NAMES, STREETS } from './names.js';
import type { Random } from './prng.js';
import { customerPhoneFor, mobileNumberFor, subscriptionIdFor } from './seed-ids.js';

export interface GeneratedCustomer {
  customer: Customer;
  subscriptions: Subscription[];
}

export function generateCustomer(customerId: number, anchorDate: string, catalogue: readonly Product[]): GeneratedCustomer {
  const random = customerRandom(customerId, 'profile');
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const city = random.pick(CITIES);
  const joinedDaysAgo = random.int(60, 3650);
  const joinedOn = addDays(anchorDate, -joinedDaysAgo);
  const customer: Customer = {
    customerId,
    firstName,
    lastName,
    email: `${firstName}.${lastName}.${customerId}@example.com`.toLowerCase(),
    phone: customerPhoneFor(customerId),
    address: `${random.int(1, 9999)} ${random.pick(STREETS)}`,
    city,
    loyaltyLevel: pickLoyalty(random),
    accountStatus: 'active',
    joinedOn,
  };
  const count = random.int(1, 3);
  const subscriptions: Subscription[] = [];
  for (let ordinal = 1; ordinal <= count; ordinal += 1) {
    subscriptions.push(generateSubscription(random, customer, ordinal, joinedDaysAgo, anchorDate, catalogue));
  }
  return { customer, subscriptions };
}

function pickLoyalty(random: Random): LoyaltyLevel {
  const roll = random.next();
  if (roll < 0.4) return 'Bronze';
  if (roll < 0.7) return 'Silver';
  if (roll < 0.9) return 'Gold';
  return 'Platinum';
}

function generateSubscription(
  random: Random,
  customer: Customer,
  ordinal: number,
  joinedDaysAgo: number,
  anchorDate: string,
  catalogue: readonly Product[],
): Subscription {
  const product = random.pick(catalogue);
  const startDaysAgo = random.int(30, joinedDaysAgo);
  const roll = random.next();
  const status: SubscriptionStatus = roll < 0.85 ? 'active' : roll < 0.9 ? 'suspended' : 'cancelled';
  const endDate = status === 'cancelled' ? addDays(anchorDate, -random.int(1, Math.max(1, startDaysAgo - 1))) : null;
  const subscriptionId = subscriptionIdFor(customer.customerId, ordinal);
  const isMobile = product.category === 'mobile';
  return {
    subscriptionId,
    customerId: customer.customerId,
    productId: product.productId,
    status,
    serviceStatus: status === 'active' ? (random.chance(0.05) ? 'degraded' : 'normal') : 'suspended',
    startDate: addDays(anchorDate, -startDaysAgo),
    endDate,
    roamingEnabled: product.roamingAvailable && random.chance(0.3),
    autopayEnabled: random.chance(0.6),
    dataCapGb: product.dataCapGb,
    speedTierMbps: product.speedTierMbps,
    serviceIdentifier: isMobile
      ? mobileNumberFor(subscriptionId)
      : `${customer.address}, ${customer.city}`,
  };
}
