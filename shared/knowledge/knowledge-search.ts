// Knowledge-base search as search_knowledge_base runs it. Without an embedding deployment: the
// store's lexical ranking alone. With one: the store's lexical candidates and the documents
// nearest the query's embedding (cosine, in process: the knowledge base is a few dozen policies),
// fused by reciprocal rank. Document vectors are stored with the documents; any that are missing
// (a fresh seed, another model) are embedded once and saved. When the embedding model is
// unavailable the search falls back to lexical ranking and says so in the log.
import type { DocumentVector, KnowledgeDocument, KnowledgeHit } from '../domain/knowledge/knowledge-document.js';
import type { EmbeddingModel } from '../azure-openai/embedding-model.js';
import { UnavailableError } from '../errors/domain-error.js';
import type { KnowledgeRepo } from '../storage/contoso-store.js';
import type { Logger } from '../telemetry/logger.js';
import type { Clock } from '../time/clock.js';
import { cosine, fuseRankings } from './rank-fusion.js';

/** Candidates each ranking contributes before fusion. */
export const CANDIDATES = 20;
/** How long the documents and their vectors are reused before they are read again (a reseed changes them). */
export const VECTOR_INDEX_TTL_MS = 60_000;
/** Texts per embeddings request. */
const EMBED_BATCH = 16;
/** Characters of a document that are embedded (well within the models' input limits). */
const EMBED_CHARS = 8_000;

export interface KnowledgeSearch {
  /** `blended` with an embedding deployment, `lexical` without. */
  readonly ranking: 'lexical' | 'blended';
  /** Documents best first, at most `topK`; [] for a query without letters or digits. */
  search(query: string, topK: number, signal: AbortSignal): Promise<KnowledgeHit[]>;
  /** Embeds and stores the vectors documents lack (after seeding); how many it embedded. */
  prepare(signal: AbortSignal): Promise<number>;
}

export interface KnowledgeSearchOptions {
  knowledge: KnowledgeRepo;
  embeddings: EmbeddingModel | undefined;
  logger: Logger;
  clock: Clock;
}

interface VectorIndex {
  entries: Array<{ document: KnowledgeDocument; vector: number[] }>;
}

export function createKnowledgeSearch(options: KnowledgeSearchOptions): KnowledgeSearch {
  const { knowledge, embeddings, logger, clock } = options;
  if (embeddings === undefined) {
    return { ranking: 'lexical', search: (query, topK) => knowledge.search(query, topK), prepare: () => Promise.resolve(0) };
  }
  const model = embeddings.name;
  let cached: { at: number; index: Promise<{ index: VectorIndex; embedded: number }> } | undefined;

  async function buildIndex(signal: AbortSignal): Promise<{ index: VectorIndex; embedded: number }> {
    const documents = await knowledge.list();
    const stored = new Map((await knowledge.listVectors(model)).filter(usable).map((item) => [item.documentId, item.vector]));
    const missing = documents.filter((document) => !stored.has(document.documentId));
    for (let i = 0; i < missing.length; i += EMBED_BATCH) {
      const batch = missing.slice(i, i + EMBED_BATCH);
      const vectors = await embeddings!.embed(batch.map(embeddingText), signal);
      const fresh = batch.map((document, j): DocumentVector => ({ documentId: document.documentId, vector: vectors[j] ?? [] }));
      await knowledge.saveVectors(model, fresh);
      for (const item of fresh) stored.set(item.documentId, item.vector);
    }
    if (missing.length > 0) logger.info('knowledge documents embedded', { model, documents: missing.length });
    return { index: { entries: documents.map((document) => ({ document, vector: stored.get(document.documentId) ?? [] })) }, embedded: missing.length };
  }

  function indexFor(signal: AbortSignal): Promise<{ index: VectorIndex; embedded: number }> {
    const now = clock.now().getTime();
    if (cached === undefined || now - cached.at > VECTOR_INDEX_TTL_MS) {
      const index = buildIndex(signal);
      const entry = { at: now, index };
      cached = entry;
      index.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.index;
  }

  return {
    ranking: 'blended',
    async search(query, topK, signal) {
      if (!/[\p{L}\p{N}]/u.test(query) || topK < 1) return [];
      const lexical = await knowledge.search(query, CANDIDATES);
      let semantic: KnowledgeDocument[];
      try {
        const [{ index }, [queryVector]] = await Promise.all([indexFor(signal), embeddings.embed([query], signal)]);
        semantic = index.entries
          .map((entry) => ({ document: entry.document, similarity: cosine(entry.vector, queryVector ?? []) }))
          .filter((entry) => entry.similarity > 0)
          .sort((a, b) => b.similarity - a.similarity || a.document.documentId - b.document.documentId)
          .slice(0, CANDIDATES)
          .map((entry) => entry.document);
      } catch (error) {
        if (!(error instanceof UnavailableError)) throw error;
        logger.warn('knowledge search ranks lexically: the embedding model is unavailable', { model, reason: error.message });
        return lexical.slice(0, topK);
      }
      return fuseRankings([lexical.map((hit) => hit.document), semantic]).slice(0, topK);
    },
    async prepare(signal) {
      cached = undefined;
      return (await indexFor(signal)).embedded;
    },
  };
}

/** A stored vector worth using: numbers, finite, not all zero (anything else is embedded again). */
function usable(item: DocumentVector): boolean {
  return item.vector.length > 0 && item.vector.every(Number.isFinite) && item.vector.some((value) => value !== 0);
}

function embeddingText(document: KnowledgeDocument): string {
  return `${document.title}\n${document.tags.join(', ')}\n${document.content}`.slice(0, EMBED_CHARS);
}
