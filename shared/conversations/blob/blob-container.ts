// The Blob container of the conversation store, reached once per process: Entra ID through
// DefaultAzureCredential (the managed identity in Azure, AZURE_CLIENT_ID or
// AzureWebJobsStorage__clientId for a user-assigned one, the developer's sign-in locally), or a
// connection string outside Azure (Azurite). The SDK's own retries are explicit and few, and every
// operation has a deadline, so an unreachable account fails in seconds rather than minutes.
import { BlobServiceClient, type ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import type { BlobConversationsConfig } from '../../config/config.js';

/** Tries of one request (the SDK retries transport failures, 408, 5xx; not 409/412). */
export const BLOB_MAX_TRIES = 3;
const RETRY_DELAY_MS = 200;
/** The SDK's exponential pauses after failed try n: (2^(n-1) - 1) × 200 ms, i.e. 0 ms, then 200 ms. */
export const BLOB_TOTAL_RETRY_DELAY_MS = Array.from({ length: BLOB_MAX_TRIES - 1 }, (_, i) => (2 ** i - 1) * RETRY_DELAY_MS).reduce((a, b) => a + b, 0);

/**
 * The SDK's retry options. `tryTimeoutInMs` becomes the service's server-side `timeout` (whole
 * seconds, so at least 1 s); the client-side bound is each operation's deadline (blob-documents.ts).
 */
export function blobRetryOptions(requestTimeoutMs: number): NonNullable<StoragePipelineOptions['retryOptions']> {
  return { maxTries: BLOB_MAX_TRIES, tryTimeoutInMs: Math.max(1_000, requestTimeoutMs), retryDelayInMs: RETRY_DELAY_MS, maxRetryDelayInMs: 2_000 };
}

export async function openConversationContainer(config: BlobConversationsConfig): Promise<ContainerClient> {
  const options: StoragePipelineOptions = {
    retryOptions: blobRetryOptions(config.requestTimeoutMs),
    userAgentOptions: { userAgentPrefix: 'contoso-mcp' },
  };
  const { account } = config;
  if (account.auth === 'connection-string') {
    return BlobServiceClient.fromConnectionString(account.connectionString, options).getContainerClient(config.containerName);
  }
  // Loaded only when used: an Azurite run needs no identity library.
  const { DefaultAzureCredential } = await import('@azure/identity');
  const credential = new DefaultAzureCredential(account.managedIdentityClientId ? { managedIdentityClientId: account.managedIdentityClientId } : {});
  return new BlobServiceClient(account.url, credential, options).getContainerClient(config.containerName);
}
