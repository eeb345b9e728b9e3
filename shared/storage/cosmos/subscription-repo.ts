// Subscriptions in the Cosmos DB store, in their customer's partition: by id through the lookup
// document, a customer's in one single-partition query, and update() as one conditional replace
// decided against the stored subscription (conditional-update.ts).
import type { Container } from '@azure/cosmos';
import type { Subscription } from '../../domain/subscriptions/subscription.js';
import { NotFoundError } from '../../errors/domain-error.js';
import type { SubscriptionChange, SubscriptionRepo } from '../contoso-store.js';
import type { KeyedQueue } from '../keyed-queue.js';
import { updateConditionally } from './conditional-update.js';
import type { CosmosOps } from './cosmos-ops.js';
import { docIds, type SubscriptionDoc } from './documents.js';
import type { Lookups } from './lookups.js';

export function createCosmosSubscriptionRepo(ops: CosmosOps, customers: Container, lookups: Lookups, queue: KeyedQueue): SubscriptionRepo {
  return {
    async get(subscriptionId) {
      return (await lookups.readDoc<SubscriptionDoc>(customers, 'subscription', subscriptionId, docIds.subscription(subscriptionId)))?.doc.data ?? null;
    },
    async listByCustomer(customerId) {
      const docs = await ops.query<SubscriptionDoc>(
        customers,
        { query: "SELECT * FROM c WHERE c.customerId = @customerId AND c.kind = 'subscription'", parameters: [{ name: '@customerId', value: customerId }] },
        customerId,
      );
      return docs.map((doc) => doc.data).sort((a, b) => a.subscriptionId - b.subscriptionId);
    },
    async update<R extends SubscriptionChange>(subscriptionId: number, decide: (current: Subscription) => R): Promise<R> {
      const missing = (): never => {
        throw new NotFoundError('Subscription', subscriptionId);
      };
      const customerId = await lookups.customerOf('subscription', subscriptionId);
      if (customerId === null) return missing();
      return updateConditionally<SubscriptionDoc, R>(ops, queue, {
        container: customers,
        id: docIds.subscription(subscriptionId),
        partitionKey: customerId,
        missing,
        decide(stored) {
          const result = decide(stored.data);
          const next = result.subscription;
          if (next.subscriptionId !== subscriptionId || next.customerId !== customerId) {
            throw new TypeError('A subscription change must keep the subscription and customer ids');
          }
          return { result, next: { ...stored, data: next } };
        },
      });
    },
  };
}
