// Everything seeded for one generated customer: profile and subscriptions, then usage,
// invoices, payments, tickets, orders and sign-ins, each from the customer's own random
// stream. Active lines caught in an open incident in the customer's city show as degraded.
import type { Product } from '../domain/products/product.js';
import type { ServiceIncident } from '../domain/incidents/service-incident.js';
import type { Subscription } from '../domain/subscriptions/subscription.js';
import type { CustomerRecords } from './customer-records.js';
import { customerRandom } from './customer-random.js';
import { generateActivity } from './generate-activity.js';
import { generateCustomer } from './generate-customers.js';
import { generateOrders } from './generate-orders.js';
import { generateSecurityEvents } from './generate-security-events.js';
import { generateTickets } from './generate-tickets.js';

export function generateCustomerRecords(
  customerId: number,
  anchorDate: string,
  products: ReadonlyMap<number, Product>,
  incidents: readonly ServiceIncident[],
): CustomerRecords {
  const { customer, subscriptions: drafted } = generateCustomer(customerId, anchorDate, [...products.values()]);
  const subscriptions = drafted.map((subscription) => withIncidents(subscription, customer.city, products, incidents));
  const records: CustomerRecords = {
    customers: [customer],
    subscriptions,
    invoices: [],
    payments: [],
    usage: [],
    tickets: generateTickets(customerRandom(customerId, 'tickets'), customerId, subscriptions, products, anchorDate),
    orders: generateOrders(customerRandom(customerId, 'orders'), customerId, anchorDate),
    securityEvents: generateSecurityEvents(customerRandom(customerId, 'security'), customerId, anchorDate),
  };
  const billingRandom = customerRandom(customerId, 'billing');
  const usageRandom = customerRandom(customerId, 'usage');
  for (const subscription of subscriptions) {
    const product = products.get(subscription.productId);
    if (!product) throw new Error(`seed bug: unknown product ${subscription.productId}`);
    const activity = generateActivity(billingRandom, usageRandom, subscription, product, anchorDate);
    records.invoices.push(...activity.invoices);
    records.payments.push(...activity.payments);
    records.usage.push(...activity.usage);
  }
  return records;
}

function withIncidents(
  subscription: Subscription,
  city: string,
  products: ReadonlyMap<number, Product>,
  incidents: readonly ServiceIncident[],
): Subscription {
  const category = products.get(subscription.productId)?.category;
  // A bundle has mobile, internet and TV parts, so any incident in its area affects it.
  const affected = incidents.some((i) => i.status === 'open' && i.area === city && (category === 'bundle' || i.category === category));
  return affected && subscription.status === 'active' ? { ...subscription, serviceStatus: 'degraded' } : subscription;
}
