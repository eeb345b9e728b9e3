// The catalogue in the Cosmos DB store: products and promotions (partitions of the small
// catalogue container, read by id or whole) and network incidents (partitioned by area, so a
// subscription's open incidents are one single-partition query).
import type { Container } from '@azure/cosmos';
import type { ServiceIncident } from '../../domain/incidents/service-incident.js';
import type { Product } from '../../domain/products/product.js';
import type { Promotion } from '../../domain/promotions/promotion.js';
import type { IncidentRepo, ProductRepo, PromotionRepo } from '../contoso-store.js';
import type { CosmosOps } from './cosmos-ops.js';
import { type CatalogueDoc, docIds, type IncidentDoc } from './documents.js';

async function catalogueOf<T>(ops: CosmosOps, catalogue: Container, kind: CatalogueDoc['kind']): Promise<T[]> {
  const docs = await ops.query<{ data: T }>(
    catalogue,
    { query: 'SELECT * FROM c WHERE c.kind = @kind', parameters: [{ name: '@kind', value: kind }] },
    kind,
  );
  return docs.map((doc) => doc.data);
}

export function createCosmosProductRepo(ops: CosmosOps, catalogue: Container): ProductRepo {
  return {
    async get(productId) {
      return (await ops.read<Extract<CatalogueDoc, { kind: 'product' }>>(catalogue, docIds.product(productId), 'product'))?.doc.data ?? null;
    },
    async list(filter) {
      const products: Product[] = (await catalogueOf<Product>(ops, catalogue, 'product')).sort((a, b) => a.productId - b.productId);
      return filter?.category ? products.filter((product) => product.category === filter.category) : products;
    },
  };
}

export function createCosmosPromotionRepo(ops: CosmosOps, catalogue: Container): PromotionRepo {
  return {
    async list() {
      const promotions: Promotion[] = await catalogueOf<Promotion>(ops, catalogue, 'promotion');
      return promotions.sort((a, b) => a.promotionId - b.promotionId);
    },
  };
}

export function createCosmosIncidentRepo(ops: CosmosOps, incidents: Container): IncidentRepo {
  return {
    /** An absent `statuses` filters nothing out; an empty list matches no incident. */
    async list(filter = {}) {
      const docs =
        filter.area === undefined
          ? await ops.query<IncidentDoc>(incidents, { query: "SELECT * FROM c WHERE c.kind = 'incident'" })
          : await ops.query<IncidentDoc>(
              incidents,
              { query: "SELECT * FROM c WHERE c.area = @area AND c.kind = 'incident'", parameters: [{ name: '@area', value: filter.area }] },
              filter.area,
            );
      return docs
        .map((doc): ServiceIncident => doc.data)
        .filter((incident) => (filter.category === undefined || incident.category === filter.category) && (filter.statuses === undefined || filter.statuses.includes(incident.status)))
        .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : b.incidentId - a.incidentId));
    },
  };
}
