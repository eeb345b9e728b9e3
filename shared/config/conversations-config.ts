// The `conversations` section of Config: which conversation store serves the app (an embedded
// SQLite file, or one blob per conversation in Azure Blob Storage) and how the Blob account is
// reached, with the start-up rules that keep a per-instance store and account keys out of Azure.
// The rule for the default kind is written out in docs/conversations.md#choosing-the-store.
import path from 'node:path';
import type { BlobAccount, ConversationsConfig } from './config.js';
import type { RawSettings } from './settings-schema.js';
import { policySettingsOf } from './resilience-settings.js';

export const DEFAULT_CONVERSATIONS_CONTAINER = 'conversations';

export interface ConversationsConfigInput {
  settings: RawSettings;
  inAzure: boolean;
  /** DATA_DIR, already resolved. */
  dataDir: string;
}

/**
 * The adapter when CONVERSATION_STORE_KIND is not set: `blob` when a Blob account is named for
 * conversations (CONVERSATIONS_ACCOUNT_URL or CONVERSATIONS_CONNECTION_STRING) or, in Azure, when
 * the app's own storage is reached by identity (AzureWebJobsStorage__blobServiceUri / __accountName);
 * otherwise `embedded`. AzureWebJobsStorage as a connection string alone does not switch to Blob
 * (locally it is the Functions host's Azurite, which may not be running).
 */
export function defaultConversationStoreKind(s: RawSettings, inAzure: boolean): 'embedded' | 'blob' {
  if (s.CONVERSATIONS_ACCOUNT_URL !== undefined || s.CONVERSATIONS_CONNECTION_STRING !== undefined) return 'blob';
  if (inAzure && (s.AzureWebJobsStorage__blobServiceUri !== undefined || s.AzureWebJobsStorage__accountName !== undefined)) return 'blob';
  return 'embedded';
}

/** Builds the conversations section, or returns one line per problem (ConfigError lines). */
export function buildConversationsConfig({ settings: s, inAzure, dataDir }: ConversationsConfigInput): { conversations: ConversationsConfig } | { problems: string[] } {
  const problems: string[] = [];
  const kind = s.CONVERSATION_STORE_KIND ?? defaultConversationStoreKind(s, inAzure);
  const retentionDays = s.CONVERSATION_RETENTION_DAYS;
  if (kind === 'embedded') {
    const named = s.CONVERSATIONS_ACCOUNT_URL !== undefined ? 'CONVERSATIONS_ACCOUNT_URL' : s.CONVERSATIONS_CONNECTION_STRING !== undefined ? 'CONVERSATIONS_CONNECTION_STRING' : undefined;
    if (named) problems.push(`CONVERSATION_STORE_KIND: "embedded" contradicts ${named}; set one of them`);
    if (inAzure && !s.ALLOW_INSTANCE_LOCAL_STORE) {
      problems.push(
        'CONVERSATION_STORE_KIND: the embedded conversation store lives on one instance\'s temp disk, so in Azure a callback stored by one instance would be missing on the others (and lost on restart); set CONVERSATIONS_ACCOUNT_URL (Blob Storage through the managed identity), or set ALLOW_INSTANCE_LOCAL_STORE=true for a single-instance demo',
      );
    }
    if (problems.length > 0) return { problems };
    const file = s.CONVERSATIONS_SQLITE_PATH ?? (s.SQLITE_PATH === ':memory:' ? ':memory:' : 'conversations.db');
    return { conversations: { kind: 'embedded', sqlitePath: file === ':memory:' ? ':memory:' : path.resolve(dataDir, file), retentionDays } };
  }

  const account = blobAccountOf(s, inAzure, problems);
  const policy = policySettingsOf(s, 'CONVERSATIONS');
  if ('problems' in policy) problems.push(...policy.problems);
  if (problems.length > 0 || account === undefined || 'problems' in policy) return { problems };
  return {
    conversations: {
      kind: 'blob',
      account,
      containerName: s.CONVERSATIONS_CONTAINER ?? DEFAULT_CONVERSATIONS_CONTAINER,
      // In Azure the identity holds data rights only (Storage Blob Data Contributor): the infra creates the container.
      createContainer: !inAzure,
      retentionDays,
      policy: policy.policy,
    },
  };
}

const CONNECTION_STRING_IN_AZURE =
  'connection strings carry an account key and are for Azurite and local runs; in Azure set CONVERSATIONS_ACCOUNT_URL (or AzureWebJobsStorage__blobServiceUri) and grant the app\'s managed identity Storage Blob Data Contributor on the account';

/** The Blob account, in order: CONVERSATIONS_ACCOUNT_URL, CONVERSATIONS_CONNECTION_STRING, the host's identity-based storage, its connection string. */
function blobAccountOf(s: RawSettings, inAzure: boolean, problems: string[]): BlobAccount | undefined {
  if (s.CONVERSATIONS_ACCOUNT_URL !== undefined && s.CONVERSATIONS_CONNECTION_STRING !== undefined) {
    problems.push('CONVERSATIONS_CONNECTION_STRING: set either CONVERSATIONS_ACCOUNT_URL (Entra ID) or CONVERSATIONS_CONNECTION_STRING (local runs), not both');
    return undefined;
  }
  if (s.CONVERSATIONS_ACCOUNT_URL !== undefined) return identityAccount(s.CONVERSATIONS_ACCOUNT_URL, 'CONVERSATIONS_ACCOUNT_URL', s.AZURE_CLIENT_ID, problems);
  if (s.CONVERSATIONS_CONNECTION_STRING !== undefined) {
    if (inAzure) problems.push(`CONVERSATIONS_CONNECTION_STRING: ${CONNECTION_STRING_IN_AZURE}`);
    return { auth: 'connection-string', connectionString: s.CONVERSATIONS_CONNECTION_STRING, setting: 'CONVERSATIONS_CONNECTION_STRING' };
  }
  const clientId = s.AzureWebJobsStorage__clientId ?? s.AZURE_CLIENT_ID;
  if (s.AzureWebJobsStorage__blobServiceUri !== undefined) return identityAccount(s.AzureWebJobsStorage__blobServiceUri, 'AzureWebJobsStorage__blobServiceUri', clientId, problems);
  if (s.AzureWebJobsStorage__accountName !== undefined) {
    return { auth: 'identity', url: `https://${s.AzureWebJobsStorage__accountName}.blob.core.windows.net`, managedIdentityClientId: clientId, setting: 'AzureWebJobsStorage__accountName' };
  }
  if (s.AzureWebJobsStorage !== undefined) {
    if (inAzure) problems.push(`AzureWebJobsStorage: the conversation store does not use it in Azure: ${CONNECTION_STRING_IN_AZURE}`);
    return { auth: 'connection-string', connectionString: s.AzureWebJobsStorage, setting: 'AzureWebJobsStorage' };
  }
  problems.push(
    'CONVERSATION_STORE_KIND: "blob" needs a Blob account: CONVERSATIONS_ACCOUNT_URL (signed in with DefaultAzureCredential), or outside Azure CONVERSATIONS_CONNECTION_STRING (e.g. Azurite)',
  );
  return undefined;
}

function identityAccount(url: string, setting: 'CONVERSATIONS_ACCOUNT_URL' | 'AzureWebJobsStorage__blobServiceUri', clientId: string | undefined, problems: string[]): BlobAccount | undefined {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') {
    problems.push(`${setting}: signing in with Entra ID needs an https URL; for Azurite over http use CONVERSATIONS_CONNECTION_STRING`);
    return undefined;
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    problems.push(`${setting}: give the Blob service URL without a query (no SAS token: the app signs in with its identity)`);
    return undefined;
  }
  return { auth: 'identity', url: parsed.href.replace(/\/$/, ''), managedIdentityClientId: clientId, setting };
}
