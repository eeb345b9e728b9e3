// Cursor paging shared by every store: no offsets, because Cosmos DB pages by continuation
// token. A cursor is opaque to callers and adapter-specific inside.

export interface PageRequest {
  /** Items wanted, 1–100. */
  limit: number;
  /** The `nextCursor` of the previous page; absent for the first page. */
  cursor?: string | undefined;
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; null when this is the last page. */
  nextCursor: string | null;
}
