// The embedding model port: text in, one vector per text out. azure-openai-embeddings.ts
// implements it; the knowledge base uses it at seed time (documents) and per search (the query).

export interface EmbeddingModel {
  /** The deployment's name, recorded with stored vectors (vectors of another model are not comparable). */
  readonly name: string;
  /** One vector per input, in order. UnavailableError when the endpoint fails; never a zero vector. */
  embed(texts: readonly string[], signal: AbortSignal): Promise<number[][]>;
}
