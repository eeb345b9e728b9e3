// Fetch-or-throw helpers: a missing entity becomes NotFoundError, which the MCP edge turns
// into a clear "not found" tool error.
import { NotFoundError } from '../../errors/domain-error.js';
import type { Customer } from '../../domain/customers/customer.js';
import type { Product } from '../../domain/products/product.js';
import type { Subscription } from '../../domain/subscriptions/subscription.js';
import type { ContosoStore } from '../../storage/contoso-store.js';

export async function requireCustomer(store: ContosoStore, customerId: number): Promise<Customer> {
  const customer = await store.customers.get(customerId);
  if (!customer) throw new NotFoundError('Customer', customerId);
  return customer;
}

export async function requireSubscription(store: ContosoStore, subscriptionId: number): Promise<Subscription> {
  const subscription = await store.subscriptions.get(subscriptionId);
  if (!subscription) throw new NotFoundError('Subscription', subscriptionId);
  return subscription;
}

export async function requireProduct(store: ContosoStore, productId: number): Promise<Product> {
  const product = await store.products.get(productId);
  if (!product) throw new NotFoundError('Product', productId);
  return product;
}

/** Catalogues by product id, per list a store handed out (the embedded store hands out the same one). */
const cataloguesById = new WeakMap<readonly Product[], ReadonlyMap<number, Product>>();

/** The whole catalogue by product id (one read; the catalogue is small). Read-only: it may be shared. */
export async function productsById(store: ContosoStore): Promise<ReadonlyMap<number, Product>> {
  const products = await store.products.list();
  let byId = cataloguesById.get(products);
  if (byId === undefined) cataloguesById.set(products, (byId = new Map(products.map((product) => [product.productId, product]))));
  return byId;
}
