// The Cosmos DB full-text query behind knowledge search on accounts that support it: documents
// containing any query word, ranked by FullTextScore (BM25 in Cosmos DB) over `searchText`
// (title and tags repeated to weigh them, see documents.ts). Words hold only letters and digits
// (search-terms.ts), so writing them as string literals needs no escaping.
import type { SqlQuerySpec } from '@azure/cosmos';
import { queryTerms } from '../search-terms.js';

/** The query for `text`, or null when it has no searchable word. */
export function fullTextQuery(text: string, topK: number): SqlQuerySpec | null {
  const terms = queryTerms(text);
  if (terms.length === 0 || !(topK >= 1)) return null;
  const literals = terms.map((term) => `"${term}"`).join(', ');
  return {
    query: `SELECT TOP @top c.data FROM c WHERE c.kind = 'knowledge' AND FullTextContainsAny(c.searchText, ${literals}) ORDER BY RANK FullTextScore(c.searchText, ${literals})`,
    parameters: [{ name: '@top', value: Math.floor(topK) }],
  };
}

/**
 * The score reported for the hit at `rank` (0 = best): Cosmos DB ranks by FullTextScore but does
 * not return its value, so the score only restates the order (1, 0.5, 0.3333 …).
 */
export function rankScore(rank: number): number {
  return Number((1 / (rank + 1)).toPrecision(4));
}
