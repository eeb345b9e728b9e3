// Knowledge-base documents (policies and how-tos) and ranked search hits over them.

export interface KnowledgeDocument {
  documentId: number;
  /** Stable readable id, e.g. "data-overage-policy". */
  slug: string;
  title: string;
  category: string;
  content: string;
  tags: string[];
}

/** A document's embedding under one embedding model (vectors of different models are not comparable). */
export interface DocumentVector {
  documentId: number;
  vector: number[];
}

export interface KnowledgeHit {
  document: KnowledgeDocument;
  /** Relevance, higher is better (BM25 in the embedded store; a rank fusion when blended with embeddings). */
  score: number;
}
