// A customer's orders in the Cosmos DB store: one single-partition query, newest first.
import type { Container } from '@azure/cosmos';
import type { OrderRepo } from '../contoso-store.js';
import type { CosmosOps } from './cosmos-ops.js';
import type { OrderDoc } from './documents.js';

export function createCosmosOrderRepo(ops: CosmosOps, customers: Container): OrderRepo {
  return {
    async listByCustomer(customerId) {
      const docs = await ops.query<OrderDoc>(
        customers,
        { query: "SELECT * FROM c WHERE c.customerId = @customerId AND c.kind = 'order'", parameters: [{ name: '@customerId', value: customerId }] },
        customerId,
      );
      return docs
        .map((doc) => doc.data)
        .sort((a, b) => (a.orderedOn < b.orderedOn ? 1 : a.orderedOn > b.orderedOn ? -1 : b.orderId - a.orderId));
    },
  };
}
