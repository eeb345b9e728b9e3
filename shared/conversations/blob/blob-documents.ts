// The Blob operations the conversation store is made of, one blob `<id>.json` per conversation:
// read with its ETag, conditional writes (create only if absent, replace only if unchanged),
// listing for prune and conditional deletes. Names are built only from ids that passed
// conversationIdSchema. Every SDK failure leaves through toConversationStoreError.
//
// Every request runs under Blob Storage's resilience policy (CONVERSATIONS_* settings): each
// attempt has a client-side timeout whose signal aborts the request (the SDK's tryTimeoutInMs only
// sets the service's server-side `timeout` parameter, so without it a connection that is accepted
// and never answered would hang the call forever, as measured against a silent socket); transient
// failures are retried with backoff and jitter; a breaker fails calls fast while the account is
// down. Retrying a conditional write is safe: if a first attempt was applied unseen, the retry
// meets 412/409 and the store re-reads and merges (entries are keyed by event id).
import type { ContainerClient, ListBlobsFlatSegmentResponse } from '@azure/storage-blob';
import type { DependencyPolicy } from '../../resilience/dependency-policy.js';
import { blobStatus, toConversationStoreError } from './blob-errors.js';

/** Larger stored blobs are refused as corrupt instead of read into memory (500 entries fit easily). */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

/** Blob metadata key holding the document's `updated_at` (what prune compares). */
const UPDATED_AT = 'updated_at';

export interface StoredText {
  text: string;
  etag: string;
}

export type WriteCondition = { ifNoneMatch: '*' } | { ifMatch: string };

/** Outcome of a conditional write: applied, or refused because the blob exists / changed / is gone. */
export type WriteOutcome = 'written' | 'conflict';

export interface ListedDocument {
  id: string;
  etag: string;
  /** The document's updated_at from the blob metadata, else the blob's last-modified time. */
  updatedAt: Date;
}

export function blobNameOf(id: string): string {
  return `${id}.json`;
}

/** Blobs listed per request when pruning (each page is one attempt of the policy). */
const LISTING_PAGE_SIZE = 500;

/** The conversation blobs of one container, every request under the dependency's policy. */
export class ConversationBlobs {
  constructor(
    readonly container: ContainerClient,
    readonly policy: DependencyPolicy,
  ) {}

  /** The blob's text and ETag, undefined when it does not exist, or 'too_large'. */
  async read(id: string): Promise<StoredText | undefined | 'too_large'> {
    try {
      // The body is read inside the attempt, so a stalled download is cut by the same timeout.
      return await this.policy.execute(async (abortSignal) => {
        const response = await this.container.getBlobClient(blobNameOf(id)).download(0, undefined, { abortSignal });
        if ((response.contentLength ?? 0) > MAX_DOCUMENT_BYTES) {
          response.readableStreamBody?.resume();
          return 'too_large' as const;
        }
        const chunks: Buffer[] = [];
        let bytes = 0;
        for await (const chunk of response.readableStreamBody ?? []) {
          const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
          bytes += buffer.length;
          if (bytes > MAX_DOCUMENT_BYTES) return 'too_large' as const;
          chunks.push(buffer);
        }
        if (response.etag === undefined) throw new Error('Blob Storage returned no ETag');
        return { text: Buffer.concat(chunks).toString('utf8'), etag: response.etag };
      });
    } catch (error) {
      if (blobStatus(error) === 404 && (error as { code?: unknown }).code !== 'ContainerNotFound') return undefined;
      throw toConversationStoreError(error, 'read');
    }
  }

  /** Uploads `text` as the conversation's blob if `condition` holds. */
  async write(id: string, text: string, updatedAt: string, condition: WriteCondition): Promise<WriteOutcome> {
    const body = Buffer.from(text, 'utf8');
    try {
      await this.policy.execute((abortSignal) =>
        this.container.getBlockBlobClient(blobNameOf(id)).upload(body, body.length, {
          abortSignal,
          conditions: condition,
          blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
          metadata: { [UPDATED_AT]: updatedAt },
        }),
      );
      return 'written';
    } catch (error) {
      const status = blobStatus(error);
      // 409: created meanwhile (ifNoneMatch); 412: changed meanwhile (ifMatch) or exists (Azurite's ifNoneMatch).
      if (status === 409 || status === 412) return 'conflict';
      if (status === 404 && 'ifMatch' in condition) return 'conflict';
      throw toConversationStoreError(error, 'write');
    }
  }

  /** Every conversation blob with its ETag and update time, a page (one request) at a time. */
  async *list(): AsyncGenerator<ListedDocument> {
    let continuationToken: string | undefined;
    do {
      let page: ListBlobsFlatSegmentResponse | undefined;
      try {
        page = await this.policy.execute(async (abortSignal): Promise<ListBlobsFlatSegmentResponse | undefined> => {
          const pages = this.container.listBlobsFlat({ includeMetadata: true, abortSignal }).byPage({ maxPageSize: LISTING_PAGE_SIZE, ...(continuationToken ? { continuationToken } : {}) });
          const next = await pages.next();
          return next.done === true ? undefined : next.value;
        });
      } catch (error) {
        throw toConversationStoreError(error, 'list');
      }
      for (const item of page?.segment.blobItems ?? []) {
        if (!item.name.endsWith('.json')) continue;
        const stamped = item.metadata?.[UPDATED_AT];
        const updatedAt = stamped !== undefined && !Number.isNaN(Date.parse(stamped)) ? new Date(stamped) : item.properties.lastModified;
        const etag = item.properties.etag ?? '';
        yield { id: item.name.slice(0, -'.json'.length), etag: etag.startsWith('"') ? etag : `"${etag}"`, updatedAt };
      }
      continuationToken = page?.continuationToken || undefined;
    } while (continuationToken !== undefined);
  }

  /** Deletes the blob if it still has `etag`; false when it changed or is gone. */
  async deleteIfUnchanged(id: string, etag: string): Promise<boolean> {
    try {
      await this.policy.execute((abortSignal) => this.container.getBlobClient(blobNameOf(id)).delete({ conditions: { ifMatch: etag }, abortSignal }));
      return true;
    } catch (error) {
      const status = blobStatus(error);
      if (status === 404 || status === 412) return false;
      throw toConversationStoreError(error, 'delete');
    }
  }

  /** Whether the container exists: one attempt through the breaker, no retry (readiness probes). */
  async containerExists(): Promise<boolean> {
    try {
      return await this.policy.probe((abortSignal) => this.container.exists({ abortSignal }));
    } catch (error) {
      throw toConversationStoreError(error, 'check container');
    }
  }

  /** Creates the container unless it exists. */
  async createContainerIfMissing(): Promise<void> {
    try {
      await this.policy.execute((abortSignal) => this.container.createIfNotExists({ abortSignal }));
    } catch (error) {
      throw toConversationStoreError(error, 'create container');
    }
  }
}
