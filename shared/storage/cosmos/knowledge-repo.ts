// Knowledge-base documents in the Cosmos DB store (the `knowledge` partition of the catalogue
// container) and their ranked search: Cosmos full-text search where the account supports it,
// the in-process index (knowledge-index.ts) where it does not. `auto` tries full-text search on
// the first query and keeps to the in-process index for the process's life if the account
// refuses it; the local test server always refuses it. The in-process index is rebuilt when the
// seed marker changes (one point read per search tells). Embeddings are documents of their own
// (`knowledge-vector` partition, per model), deleted by replaceAll like anything not in the dataset.
import type { Container } from '@azure/cosmos';
import type { CosmosConfig } from '../../config/config.js';
import type { KnowledgeDocument, KnowledgeHit } from '../../domain/knowledge/knowledge-document.js';
import { UnavailableError } from '../../errors/domain-error.js';
import type { Logger } from '../../telemetry/logger.js';
import type { KnowledgeRepo } from '../contoso-store.js';
import type { CosmosOps } from './cosmos-ops.js';
import { type CatalogueDoc, docIds, SCHEMA_VERSION, SEED_STATE_ID } from './documents.js';
import { fullTextQuery, rankScore } from './full-text-query.js';
import { buildKnowledgeIndex, type KnowledgeIndex } from './knowledge-index.js';

export interface CosmosKnowledgeRepo extends KnowledgeRepo {
  /** Which ranking served the last search: `full-text`, `in-process`, or null before the first. */
  readonly ranking: 'full-text' | 'in-process' | null;
  /** Drops the in-process index (after this process reseeded). */
  invalidate(): void;
}

export interface KnowledgeContainers {
  catalogue: Container;
  meta: Container;
}

export function createCosmosKnowledgeRepo(
  ops: CosmosOps,
  containers: KnowledgeContainers,
  mode: CosmosConfig['knowledgeSearch'],
  logger: Logger,
): CosmosKnowledgeRepo {
  let useFullText: boolean | undefined = mode === 'in-process' ? false : mode === 'full-text' ? true : undefined;
  let ranking: CosmosKnowledgeRepo['ranking'] = null;
  let cached: { marker: string; index: KnowledgeIndex } | undefined;

  const list = async (): Promise<KnowledgeDocument[]> => {
    const docs = await ops.query<CatalogueDoc>(containers.catalogue, { query: "SELECT * FROM c WHERE c.kind = 'knowledge'" }, 'knowledge');
    return docs.flatMap((doc) => (doc.kind === 'knowledge' ? [doc.data] : [])).sort((a, b) => a.documentId - b.documentId);
  };

  const inProcess = async (query: string, topK: number): Promise<KnowledgeHit[]> => {
    const marker = (await ops.read(containers.meta, SEED_STATE_ID, SEED_STATE_ID))?.etag ?? 'unseeded';
    if (cached?.marker !== marker) cached = { marker, index: buildKnowledgeIndex(await list()) };
    ranking = 'in-process';
    return cached.index.search(query, topK);
  };

  const fullText = async (query: string, topK: number): Promise<KnowledgeHit[]> => {
    const spec = fullTextQuery(query, topK);
    if (spec === null) return [];
    const rows = await ops.query<{ data: KnowledgeDocument }>(containers.catalogue, spec, 'knowledge');
    ranking = 'full-text';
    return rows.map((row, rank) => ({ document: row.data, score: rankScore(rank) }));
  };

  return {
    get ranking() {
      return ranking;
    },
    async search(query, topK) {
      if (useFullText === false) return inProcess(query, topK);
      try {
        const hits = await fullText(query, topK);
        useFullText = true;
        return hits;
      } catch (error) {
        // An outage is an outage; anything else means this account cannot run the query.
        if (useFullText === true || error instanceof UnavailableError) throw error;
        useFullText = false;
        logger.info('Cosmos DB full-text search is not available on this account; ranking knowledge searches in process', {
          reason: error instanceof Error ? error.message : String(error),
        });
        return inProcess(query, topK);
      }
    },
    list,
    async saveVectors(model, vectors) {
      for (const data of vectors) {
        const doc: CatalogueDoc = { id: docIds.knowledgeVector(model, data.documentId), kind: 'knowledge-vector', schemaVersion: SCHEMA_VERSION, model, data };
        await ops.upsert(containers.catalogue, doc);
      }
    },
    async listVectors(model) {
      const docs = await ops.query<CatalogueDoc>(
        containers.catalogue,
        { query: "SELECT * FROM c WHERE c.kind = 'knowledge-vector' AND c.model = @model", parameters: [{ name: '@model', value: model }] },
        'knowledge-vector',
      );
      return docs.flatMap((doc) => (doc.kind === 'knowledge-vector' ? [doc.data] : [])).sort((a, b) => a.documentId - b.documentId);
    },
    invalidate() {
      cached = undefined;
    },
  };
}
