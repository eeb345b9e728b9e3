// The arithmetic of blended knowledge search: cosine similarity between embeddings, and
// reciprocal rank fusion (RRF), which merges a lexical and a semantic ranking by rank alone, so
// BM25 scores and cosine similarities need no common scale.
import type { KnowledgeDocument, KnowledgeHit } from '../domain/knowledge/knowledge-document.js';

/** RRF's constant: dampens the weight of the very first ranks (60, as in the original paper and Azure AI Search). */
export const RRF_K = 60;

/** Cosine similarity of two vectors of one length; 0 when either has no length or norm. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/**
 * Merges rankings (each best first) into one: a document scores the sum of 1 / (RRF_K + rank)
 * over the rankings that hold it (rank from 1), rounded to four significant digits. Ties keep
 * the document id order.
 */
export function fuseRankings(rankings: ReadonlyArray<readonly KnowledgeDocument[]>): KnowledgeHit[] {
  const fused = new Map<number, { document: KnowledgeDocument; score: number }>();
  for (const ranking of rankings) {
    ranking.forEach((document, index) => {
      const entry = fused.get(document.documentId) ?? { document, score: 0 };
      entry.score += 1 / (RRF_K + index + 1);
      fused.set(document.documentId, entry);
    });
  }
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.document.documentId - b.document.documentId)
    .map(({ document, score }) => ({ document, score: Number(score.toPrecision(4)) }));
}
