// Tests of the conversations section of the configuration: the default kind (embedded locally,
// blob when an account is named), the Blob account's sources in order, and the Azure rules
// (no per-instance store without ALLOW_INSTANCE_LOCAL_STORE, no connection strings, no echo).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { BlobConversationsConfig } from '../../../shared/config/config.js';
import { loadConfig } from '../../../shared/config/load-config.js';
import { configProblems } from '../../support/config-problems.js';

const NOW = new Date('2026-03-15T22:45:00Z');
const AZURE = {
  WEBSITE_INSTANCE_ID: 'a1b2c3',
  WEBSITE_HOSTNAME: 'contoso-mcp.azurewebsites.net',
  AUTH_AUDIENCE: 'api://contoso-mcp',
  ALLOWED_TENANTS: '11111111-1111-4111-8111-111111111111',
  // The data store's own Azure rule is tested in store-config.test.ts.
  ALLOW_INSTANCE_LOCAL_STORE: 'true',
};
const ACCOUNT_URL = 'https://contosoconv.blob.core.windows.net';
const CLIENT_A = '22222222-2222-4222-8222-222222222222';
const CLIENT_B = '33333333-3333-4333-8333-333333333333';
const AZURITE = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=c2VjcmV0LWtleS12YWx1ZQ==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;';

const conversationsOf = (env: Record<string, string>) => loadConfig(env, NOW).conversations;

function blobOf(env: Record<string, string>): BlobConversationsConfig {
  const conversations = conversationsOf(env);
  assert.equal(conversations.kind, 'blob');
  return conversations;
}

const problemsOf = (env: Record<string, string>) => configProblems(env, NOW);

describe('conversations settings', () => {
  it('default to the embedded store in DATA_DIR, kept 30 days', () => {
    assert.deepEqual(conversationsOf({}), { kind: 'embedded', sqlitePath: path.resolve('.data', 'conversations.db'), retentionDays: 30 });
    assert.deepEqual(conversationsOf({ DATA_DIR: '/srv/data', CONVERSATIONS_SQLITE_PATH: 'chats.db', CONVERSATION_RETENTION_DAYS: '7' }), {
      kind: 'embedded',
      sqlitePath: path.resolve('/srv/data', 'chats.db'),
      retentionDays: 7,
    });
  });

  it('keep conversations in memory when the data store is in memory, unless told otherwise', () => {
    assert.deepEqual(conversationsOf({ SQLITE_PATH: ':memory:' }), { kind: 'embedded', sqlitePath: ':memory:', retentionDays: 30 });
    assert.deepEqual(conversationsOf({ SQLITE_PATH: ':memory:', DATA_DIR: '/srv/data', CONVERSATIONS_SQLITE_PATH: 'conversations.db' }), {
      kind: 'embedded',
      sqlitePath: path.resolve('/srv/data', 'conversations.db'),
      retentionDays: 30,
    });
  });

  it('switch to Blob Storage through the identity when CONVERSATIONS_ACCOUNT_URL is set, with its defaults', () => {
    assert.deepEqual(blobOf({ CONVERSATIONS_ACCOUNT_URL: `${ACCOUNT_URL}/`, AZURE_CLIENT_ID: CLIENT_A }), {
      kind: 'blob',
      account: { auth: 'identity', url: ACCOUNT_URL, managedIdentityClientId: CLIENT_A, setting: 'CONVERSATIONS_ACCOUNT_URL' },
      containerName: 'conversations',
      createContainer: true,
      retentionDays: 30,
      policy: { timeoutMs: 5000, retry: { maxAttempts: 3, initialDelayMs: 200, maxDelayMs: 2000 }, breaker: { failureThreshold: 5, halfOpenAfterMs: 30_000 } },
    });
  });

  it('switch to Blob Storage with a connection string outside Azure, parsing every Blob setting', () => {
    assert.deepEqual(
      blobOf({ CONVERSATIONS_CONNECTION_STRING: AZURITE, CONVERSATIONS_CONTAINER: 'follow-ups-2', CONVERSATION_RETENTION_DAYS: '90', CONVERSATIONS_TIMEOUT_MS: '2500' }),
      {
        kind: 'blob',
        account: { auth: 'connection-string', connectionString: AZURITE, setting: 'CONVERSATIONS_CONNECTION_STRING' },
        containerName: 'follow-ups-2',
        createContainer: true,
        retentionDays: 90,
        policy: { timeoutMs: 2500, retry: { maxAttempts: 3, initialDelayMs: 200, maxDelayMs: 2000 }, breaker: { failureThreshold: 5, halfOpenAfterMs: 30_000 } },
      },
    );
  });

  it('leave the host\'s AzureWebJobsStorage alone unless CONVERSATION_STORE_KIND=blob asks for it', () => {
    assert.equal(conversationsOf({ AzureWebJobsStorage: 'UseDevelopmentStorage=true' }).kind, 'embedded');
    assert.deepEqual(blobOf({ AzureWebJobsStorage: 'UseDevelopmentStorage=true', CONVERSATION_STORE_KIND: 'blob' }).account, {
      auth: 'connection-string',
      connectionString: 'UseDevelopmentStorage=true',
      setting: 'AzureWebJobsStorage',
    });
    assert.equal(blobOf({ AzureWebJobsStorage: 'UseDevelopmentStorage=true', CONVERSATION_STORE_KIND: 'blob', CONVERSATIONS_ACCOUNT_URL: ACCOUNT_URL }).account.setting, 'CONVERSATIONS_ACCOUNT_URL');
  });

  it('in Azure: use the identity-based AzureWebJobsStorage__* account by default, and never create the container', () => {
    assert.deepEqual(blobOf({ ...AZURE, AzureWebJobsStorage__blobServiceUri: 'https://hoststore.blob.core.windows.net', AzureWebJobsStorage__clientId: CLIENT_B, AZURE_CLIENT_ID: CLIENT_A }), {
      kind: 'blob',
      account: { auth: 'identity', url: 'https://hoststore.blob.core.windows.net', managedIdentityClientId: CLIENT_B, setting: 'AzureWebJobsStorage__blobServiceUri' },
      containerName: 'conversations',
      createContainer: false,
      retentionDays: 30,
      policy: { timeoutMs: 5000, retry: { maxAttempts: 3, initialDelayMs: 200, maxDelayMs: 2000 }, breaker: { failureThreshold: 5, halfOpenAfterMs: 30_000 } },
    });
    assert.deepEqual(blobOf({ ...AZURE, AzureWebJobsStorage__accountName: 'hoststore', AZURE_CLIENT_ID: CLIENT_A }).account, {
      auth: 'identity',
      url: 'https://hoststore.blob.core.windows.net',
      managedIdentityClientId: CLIENT_A,
      setting: 'AzureWebJobsStorage__accountName',
    });
    assert.equal(blobOf({ ...AZURE, AzureWebJobsStorage__accountName: 'hoststore', CONVERSATIONS_ACCOUNT_URL: ACCOUNT_URL }).account.setting, 'CONVERSATIONS_ACCOUNT_URL');
    assert.equal(conversationsOf({ AzureWebJobsStorage__accountName: 'hoststore' }).kind, 'embedded', 'outside Azure the host storage is not a default');
  });

  it('in Azure: refuse the per-instance embedded store, saying why, unless ALLOW_INSTANCE_LOCAL_STORE=true', () => {
    const problems = problemsOf({ ...AZURE, ALLOW_INSTANCE_LOCAL_STORE: 'false', STORE_KIND: 'cosmos', COSMOSDB_ENDPOINT: 'https://contoso.documents.azure.com' });
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^CONVERSATION_STORE_KIND: the embedded conversation store lives on one instance's temp disk/);
    assert.match(problems[0] ?? '', /set CONVERSATIONS_ACCOUNT_URL \(Blob Storage through the managed identity\), or set ALLOW_INSTANCE_LOCAL_STORE=true for a single-instance demo/);
    assert.equal(conversationsOf(AZURE).kind, 'embedded');
  });

  it('in Azure: refuse connection strings, never echoing them', () => {
    const own = problemsOf({ ...AZURE, CONVERSATIONS_CONNECTION_STRING: AZURITE });
    assert.equal(own.length, 1);
    assert.match(own[0] ?? '', /^CONVERSATIONS_CONNECTION_STRING: connection strings carry an account key and are for Azurite and local runs; in Azure set CONVERSATIONS_ACCOUNT_URL/);
    const host = problemsOf({ ...AZURE, CONVERSATION_STORE_KIND: 'blob', AzureWebJobsStorage: AZURITE });
    assert.equal(host.length, 1);
    assert.match(host[0] ?? '', /^AzureWebJobsStorage: the conversation store does not use it in Azure/);
    for (const problem of [...own, ...host]) assert.ok(!problem.includes('c2VjcmV0'), 'the key is not echoed');
  });

  it('refuse contradicting, incomplete and malformed settings', () => {
    assert.deepEqual(problemsOf({ CONVERSATION_STORE_KIND: 'embedded', CONVERSATIONS_ACCOUNT_URL: ACCOUNT_URL }), [
      'CONVERSATION_STORE_KIND: "embedded" contradicts CONVERSATIONS_ACCOUNT_URL; set one of them',
    ]);
    assert.deepEqual(problemsOf({ CONVERSATIONS_ACCOUNT_URL: ACCOUNT_URL, CONVERSATIONS_CONNECTION_STRING: AZURITE }).map((p) => p.split(':')[0]), ['CONVERSATIONS_CONNECTION_STRING']);
    assert.match(problemsOf({ CONVERSATION_STORE_KIND: 'blob' })[0] ?? '', /^CONVERSATION_STORE_KIND: "blob" needs a Blob account: CONVERSATIONS_ACCOUNT_URL/);
    assert.match(problemsOf({ CONVERSATIONS_ACCOUNT_URL: 'http://127.0.0.1:10000/devstoreaccount1' })[0] ?? '', /^CONVERSATIONS_ACCOUNT_URL: signing in with Entra ID needs an https URL/);
    assert.match(problemsOf({ CONVERSATIONS_ACCOUNT_URL: `${ACCOUNT_URL}/?sv=2024&sig=abc` })[0] ?? '', /^CONVERSATIONS_ACCOUNT_URL: give the Blob service URL without a query \(no SAS token/);
    const bad = problemsOf({
      CONVERSATION_STORE_KIND: 'files',
      CONVERSATIONS_ACCOUNT_URL: 'http://contoso.blob.core.windows.net',
      CONVERSATIONS_CONTAINER: 'Conversations',
      CONVERSATION_RETENTION_DAYS: '0',
      CONVERSATIONS_TIMEOUT_MS: '0',
      AzureWebJobsStorage__accountName: 'Host-Store',
      AzureWebJobsStorage__clientId: 'not-a-guid',
    });
    assert.deepEqual(bad.map((p) => p.split(':')[0]).sort(), [
      'AzureWebJobsStorage__accountName',
      'AzureWebJobsStorage__clientId',
      'CONVERSATIONS_ACCOUNT_URL',
      'CONVERSATIONS_CONTAINER',
      'CONVERSATIONS_TIMEOUT_MS',
      'CONVERSATION_RETENTION_DAYS',
      'CONVERSATION_STORE_KIND',
    ]);
  });

  it('never echo a connection string that does not parse', () => {
    const problems = problemsOf({ CONVERSATIONS_CONNECTION_STRING: 'not a connection string secret-value', AzureWebJobsStorage: 'also secret-value' });
    assert.deepEqual(problems.map((p) => p.split(':')[0]).sort(), ['AzureWebJobsStorage', 'CONVERSATIONS_CONNECTION_STRING']);
    assert.ok(!problems.join('\n').includes('secret-value'));
  });
});
