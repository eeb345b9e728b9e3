// The in-process ranked index over the knowledge base, for Cosmos DB accounts (and the local test
// server) without full-text search. It ranks exactly as the embedded store's FTS5 index does:
// unicode61-style tokens, the Porter stemmer (porter-stemmer.ts), every query word an OR-ed
// phrase, BM25 (k1 = 1.2, b = 0.75) with title, content and tags weighted 3, 1 and 2, ties by
// document id, scores to four significant digits. The knowledge base is small (tens of
// documents), so the whole index lives in memory and is rebuilt when the seed changes.
import type { KnowledgeDocument, KnowledgeHit } from '../../domain/knowledge/knowledge-document.js';
import { queryTerms } from '../search-terms.js';
import { porterStem } from './porter-stemmer.js';

const K1 = 1.2;
const B = 0.75;
/** Column weights in column order: title, content, tags. */
const WEIGHTS = [3, 1, 2] as const;

const SEPARATORS = /[^\p{L}\p{N}\p{Co}]+/u;

/** Folds a token as unicode61 does: lower case, Latin diacritics removed. */
function fold(token: string): string {
  return token.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
}

/** The stemmed tokens of `text`, in order. */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFC')
    .split(SEPARATORS)
    .filter((part) => part.length > 0)
    .map((part) => porterStem(fold(part)))
    .filter((token) => token.length > 0);
}

interface IndexedDocument {
  document: KnowledgeDocument;
  /** Tokens per column (title, content, tags as the embedded store holds them: JSON text). */
  columns: string[][];
  length: number;
}

/** Occurrences of `phrase` (consecutive tokens) in `tokens`. */
function occurrences(tokens: readonly string[], phrase: readonly string[]): number {
  let count = 0;
  for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
    if (phrase.every((token, offset) => tokens[start + offset] === token)) count += 1;
  }
  return count;
}

export interface KnowledgeIndex {
  search(query: string, topK: number): KnowledgeHit[];
}

export function buildKnowledgeIndex(documents: readonly KnowledgeDocument[]): KnowledgeIndex {
  const indexed: IndexedDocument[] = documents.map((document) => {
    const columns = [tokenize(document.title), tokenize(document.content), tokenize(JSON.stringify(document.tags))];
    return { document, columns, length: columns.reduce((sum, column) => sum + column.length, 0) };
  });
  const rows = indexed.length;
  const avgdl = rows === 0 ? 0 : indexed.reduce((sum, doc) => sum + doc.length, 0) / rows;

  return {
    search(query, topK) {
      const limit = topK >= 1 ? Math.floor(topK) : 0;
      const phrases = queryTerms(query)
        .map(tokenize)
        .filter((phrase) => phrase.length > 0);
      if (limit === 0 || phrases.length === 0 || rows === 0) return [];
      // Weighted frequency of each phrase in each document.
      const frequencies = indexed.map((doc) =>
        phrases.map((phrase) => doc.columns.reduce((sum, tokens, column) => sum + (WEIGHTS[column] ?? 1) * occurrences(tokens, phrase), 0)),
      );
      const idf = phrases.map((_, i) => {
        const hits = frequencies.filter((row) => (row[i] ?? 0) > 0).length;
        const value = Math.log((rows - hits + 0.5) / (hits + 0.5));
        return value <= 0 ? 1e-6 : value;
      });
      const scored: Array<{ document: KnowledgeDocument; score: number }> = [];
      indexed.forEach((doc, d) => {
        const row = frequencies[d] ?? [];
        if (!row.some((f) => f > 0)) return;
        let score = 0;
        for (let i = 0; i < phrases.length; i += 1) {
          const f = row[i] ?? 0;
          score += (idf[i] ?? 0) * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + (B * doc.length) / avgdl)));
        }
        scored.push({ document: doc.document, score });
      });
      return scored
        .sort((a, b) => b.score - a.score || a.document.documentId - b.document.documentId)
        .slice(0, limit)
        .map(({ document, score }) => ({ document, score: Number(score.toPrecision(4)) + 0 }));
    },
  };
}
