// Knowledge-base documents in the embedded store, searched with FTS5 and ranked by BM25 with
// titles weighted above tags above body text. The index is external-content over `knowledge`
// and is rebuilt by the bulk load (REBUILD_KNOWLEDGE_INDEX), the only writer of documents. Their
// embeddings (per embedding model) sit in knowledge_vectors, which the bulk load empties.
import type { DocumentVector, KnowledgeDocument, KnowledgeHit } from '../../domain/knowledge/knowledge-document.js';
import type { KnowledgeRepo } from '../contoso-store.js';
import { toFtsMatchExpression } from './fts-query.js';
import type { SqliteDatabase } from './open-database.js';
import { prepareRows } from './row-statement.js';
import { fromJsonArray, toRowLimit } from './sql-values.js';

export interface KnowledgeRow {
  document_id: number;
  slug: string;
  title: string;
  category: string;
  content: string;
  tags: string;
}

export function toKnowledgeDocument(row: KnowledgeRow): KnowledgeDocument {
  return {
    documentId: row.document_id,
    slug: row.slug,
    title: row.title,
    category: row.category,
    content: row.content,
    tags: fromJsonArray<string>(row.tags, 'knowledge.tags'),
  };
}

export function toKnowledgeRow(document: KnowledgeDocument): KnowledgeRow {
  return {
    document_id: document.documentId,
    slug: document.slug,
    title: document.title,
    category: document.category,
    content: document.content,
    tags: JSON.stringify(document.tags),
  };
}

export const INSERT_KNOWLEDGE = `INSERT INTO knowledge (document_id, slug, title, category, content, tags)
  VALUES (@document_id, @slug, @title, @category, @content, @tags)`;

/** Re-reads every document into the full-text index; run after the knowledge table changes. */
export const REBUILD_KNOWLEDGE_INDEX = `INSERT INTO knowledge_fts (knowledge_fts) VALUES ('rebuild')`;

/** BM25 column weights in the index's column order: title, content, tags. */
const BM25_WEIGHTS = '3.0, 1.0, 2.0';

export function createSqliteKnowledgeRepo(db: SqliteDatabase): KnowledgeRepo {
  const all = prepareRows<[], KnowledgeRow>(db, 'SELECT * FROM knowledge ORDER BY document_id');
  const ranked = prepareRows<[string, number], KnowledgeRow & { rank: number }>(db, `SELECT k.*, bm25(knowledge_fts, ${BM25_WEIGHTS}) AS rank
       FROM knowledge_fts JOIN knowledge AS k ON k.document_id = knowledge_fts.rowid
      WHERE knowledge_fts MATCH ?
      ORDER BY rank, k.document_id
      LIMIT ?`,
  );
  const upsertVector = db.prepare<[string, number, string]>(
    'INSERT INTO knowledge_vectors (model, document_id, vector) VALUES (?, ?, ?) ON CONFLICT (model, document_id) DO UPDATE SET vector = excluded.vector',
  );
  const saveVectors = db.transaction((model: string, vectors: readonly DocumentVector[]) => {
    for (const { documentId, vector } of vectors) upsertVector.run(model, documentId, JSON.stringify(vector));
  });
  const vectorsOf = prepareRows<[string], { document_id: number; vector: string }>(db, 'SELECT document_id, vector FROM knowledge_vectors WHERE model = +? ORDER BY document_id');
  return {
    async search(query, topK): Promise<KnowledgeHit[]> {
      const match = toFtsMatchExpression(query);
      const limit = toRowLimit(topK);
      if (match === null || limit === 0) return [];
      return ranked.all(match, limit).map(({ rank, ...row }) => ({
        document: toKnowledgeDocument(row),
        // bm25() is lower-is-better and negative for a match; flip it so higher is better.
        // Four significant digits: terms common to most documents score tiny but never 0.
        score: Number((-rank).toPrecision(4)) + 0,
      }));
    },
    async list() {
      return all.all().map(toKnowledgeDocument);
    },
    async saveVectors(model, vectors) {
      saveVectors(model, vectors);
    },
    async listVectors(model) {
      return vectorsOf.all(model).map((row) => ({ documentId: row.document_id, vector: fromJsonArray<number>(row.vector, 'knowledge_vectors.vector') }));
    },
  };
}
