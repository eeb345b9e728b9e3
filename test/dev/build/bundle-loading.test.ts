// The bundled app (package.json "main", what the local host and func start load) loads its
// optional parts only when they are needed: a process that serves one tools/call through the
// fast path never loads the MCP SDK's server or the seed generator (the store is seeded), and the
// configured store's adapter is the only one loaded (a sqlite process never loads the Cosmos DB
// adapter or the Azure SDKs); durable-functions and the troubleshoot orchestrator wait for the
// first job; the Key Vault secrets adapter and its SDK load only with KEYVAULT_URI; the scheduler's
// adapter (with cockatiel) only with SCHEDULER_URL, and the MCP client SDK and @azure/identity not
// before the first scheduler call; without APPLICATIONINSIGHTS_CONNECTION_STRING no telemetry module
// is loaded at all (neither the Azure Monitor distro nor OpenTelemetry's API); the openai package
// and the azure_openai policy wait for the first expert question (the host is configured with an
// Azure OpenAI stand-in, so the expert tools are listed). Module loads are recorded by a hook.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BUNDLE_MANIFEST } from '../../../dev/build/bundle-app.js';
import { startDevScheduler, type DevScheduler } from '../../../dev/scheduler/dev-scheduler.js';
import { postRaw, toolCall } from '../../support/mcp-clients.js';
import { startLocalHost, type LocalHostProcess } from '../../support/local-host-process.js';
import { reply, startFakeAzureOpenAi, type FakeAzureOpenAi } from '../../support/fake-azure-openai.js';

const BUNDLE_DIR = 'dist/app';

/** A hook that appends every module URL Node loads to the file named by MODULE_LOG. */
const HOOK = `data:text/javascript,${encodeURIComponent(`
import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
registerHooks({ load(url, context, next) { if (process.env.MODULE_LOG) appendFileSync(process.env.MODULE_LOG, url + '\\n'); return next(url, context); } });
`)}`;

type Manifest = Record<string, { bytes: number; inputs: string[] }>;

/** What telemetry loads when it is on: the Azure Monitor distro and exporter, OpenTelemetry, the app's otel/ folder. */
const TELEMETRY_PARTS = ['@azure/monitor-opentelemetry/', '@azure/monitor-opentelemetry-exporter/', '@opentelemetry/api/', '@opentelemetry/sdk-trace-base/', 'shared/telemetry/otel/'];

describe('bundle: optional parts load only when needed', () => {
  let host: LocalHostProcess;
  let openAi: FakeAzureOpenAi;
  let logFile: string;
  const manifest = JSON.parse(fs.readFileSync(path.join(BUNDLE_DIR, BUNDLE_MANIFEST), 'utf8')) as Manifest;
  /** Output files holding any input whose path contains `needle`. */
  const chunksWith = (needle: string) => Object.entries(manifest).filter(([, output]) => output.inputs.some((input) => input.includes(needle))).map(([file]) => file);
  const loadedChunks = () =>
    new Set(
      fs
        .readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((url) => url.includes(`/${BUNDLE_DIR}/`))
        .map((url) => path.basename(new URL(url).pathname)),
    );

  before(async () => {
    logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-modules-')), 'modules.log');
    // A first run seeds the store, so the measured process finds it seeded (as a restarted instance does).
    // DEV_SCHEDULER=off: the app as deployed without SCHEDULER_URL, with no development scheduler in the process.
    const seeding = await startLocalHost({ SEED_CUSTOMER_COUNT: '3', DEV_SCHEDULER: 'off' });
    await seeding.stop({ keepData: true });
    openAi = await startFakeAzureOpenAi();
    host = await startLocalHost(
      { SEED_CUSTOMER_COUNT: '3', DEV_SCHEDULER: 'off', DATA_DIR: seeding.dataDir, MODULE_LOG: logFile, ...openAi.env() },
      { nodeArgs: ['--import', HOOK] },
    );
  });
  after(async () => {
    await host?.stop();
    await openAi?.close();
    fs.rmSync(path.dirname(logFile), { recursive: true, force: true });
  });

  it('names the chunks that hold the optional parts', () => {
    for (const part of ['@modelcontextprotocol/server', 'shared/mcp/sdk-path.ts', 'shared/seed/generate-dataset.ts', 'shared/storage/sqlite/sqlite-store.ts', 'shared/storage/cosmos/cosmos-store.ts', '@azure/cosmos/', '@azure/identity/', 'node_modules/durable-functions/', 'shared/jobs/troubleshoot/troubleshoot-orchestrator.ts', 'shared/secrets/key-vault-secrets.ts', '@azure/keyvault-secrets/', 'shared/conversations/embedded/embedded-conversation-store.ts', 'shared/conversations/blob/blob-conversation-store.ts', '@azure/storage-blob/', 'shared/scheduler/remote-scheduler-client.ts', 'node_modules/cockatiel/', '@modelcontextprotocol/client/', 'node_modules/openai/', ...TELEMETRY_PARTS]) {
      assert.ok(chunksWith(part).length > 0, `no chunk holds ${part}`);
    }
  });

  it('holds the local host beside the app, sharing its chunks: every module is in one output file', () => {
    assert.ok(manifest['local-host.js'], 'dist/app/local-host.js (npm start) is an entry of the bundle');
    const seen = new Map<string, string>();
    for (const [file, output] of Object.entries(manifest)) {
      for (const input of output.inputs) {
        assert.equal(seen.get(input), undefined, `${input} is in both ${seen.get(input)} and ${file}`);
        seen.set(input, file);
      }
    }
  });

  it("keeps zod's locales out of the bundle but English, the one zod configures (its namespace object would keep all 64: about 350 KB loaded at every start)", () => {
    const locales = Object.values(manifest).flatMap((output) => output.inputs.filter((input) => input.includes('zod/v4/locales/')));
    assert.deepEqual(locales.map((input) => path.basename(input)), ['en.js']);
  });

  it('serves a tools/call through the fast path without loading the SDK server or the seed generator', async () => {
    const res = await postRaw(host.mcpUrl, toolCall(1, 'get_customer_detail', { customer_id: 251 }), await host.authHeaders());
    assert.equal(res.status, 200);
    const loaded = loadedChunks();
    assert.ok(loaded.has('index.js'), 'the bundle is what the host loaded');
    const outside = fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith('file:') && !url.includes(`/${BUNDLE_DIR}/`) && !url.includes('/better-sqlite3/'));
    assert.deepEqual(outside, [], 'the host and the app load nothing from outside the bundle but the SQLite binding');
    for (const chunk of chunksWith('shared/storage/sqlite/sqlite-store.ts')) assert.ok(loaded.has(chunk), `the configured store's chunk ${chunk} is loaded`);
    for (const chunk of chunksWith('shared/conversations/embedded/embedded-conversation-store.ts')) assert.ok(loaded.has(chunk), `the configured conversation store's chunk ${chunk} is loaded`);
    for (const part of ['@modelcontextprotocol/server', 'shared/mcp/sdk-path.ts', 'shared/seed/generate-dataset.ts', 'node_modules/durable-functions/', 'shared/jobs/troubleshoot/troubleshoot-orchestrator.ts', 'node_modules/openai/']) {
      for (const chunk of chunksWith(part)) assert.ok(!loaded.has(chunk), `${chunk} (${part}) was loaded`);
    }
    // Telemetry is off: none of it is loaded, not even OpenTelemetry's API.
    for (const part of TELEMETRY_PARTS) {
      for (const chunk of chunksWith(part)) assert.ok(!loaded.has(chunk), `${chunk} (${part}) was loaded without a connection string`);
    }
    // The other adapters, and the Azure SDKs only they use, stay unloaded.
    for (const part of ['shared/storage/cosmos/cosmos-store.ts', '@azure/cosmos/', '@azure/identity/', 'shared/conversations/blob/blob-conversation-store.ts', '@azure/storage-blob/', 'node_modules/apache-arrow/']) {
      for (const chunk of chunksWith(part)) assert.ok(!loaded.has(chunk), `${chunk} (${part}) was loaded by a sqlite- and embedded-configured process`);
    }
  });

  it('leaves the Key Vault secrets adapter and its SDK unloaded in a process without KEYVAULT_URI', async () => {
    const res = await postRaw(host.mcpUrl, toolCall(3, 'get_customer_detail', { customer_id: 251 }), await host.authHeaders());
    assert.equal(res.status, 200);
    const loaded = loadedChunks();
    for (const part of ['shared/secrets/key-vault-secrets.ts', '@azure/keyvault-secrets/', '@azure/identity/']) {
      for (const chunk of chunksWith(part)) assert.ok(!loaded.has(chunk), `${chunk} (${part}) was loaded without KEYVAULT_URI`);
    }
    for (const chunk of chunksWith('shared/secrets/environment-secrets.ts')) assert.ok(loaded.has(chunk), `the environment provider's chunk ${chunk} is loaded`);
  });

  it('loads no part of the scheduler client without SCHEDULER_URL', async () => {
    const res = await postRaw(host.mcpUrl, toolCall(3, 'get_customer_detail', { customer_id: 1 }), await host.authHeaders());
    assert.equal(res.status, 200);
    const loaded = loadedChunks();
    for (const part of ['shared/scheduler/remote-scheduler-client.ts', 'node_modules/cockatiel/', '@modelcontextprotocol/client/']) {
      for (const chunk of chunksWith(part)) assert.ok(!loaded.has(chunk), `${chunk} (${part}) was loaded without a scheduler`);
    }
  });

  it('loads the SDK server for the first request only it serves', async () => {
    const initialize = { jsonrpc: '2.0', id: 2, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } };
    const res = await postRaw(host.mcpUrl, initialize, await host.authHeaders());
    assert.equal(res.status, 200);
    const loaded = loadedChunks();
    for (const chunk of chunksWith('shared/mcp/sdk-path.ts')) assert.ok(loaded.has(chunk), `${chunk} loaded for initialize`);
  });

  it('loads the openai package and the azure_openai policy (cockatiel) for the first expert question only, and no identity library with an API key', async () => {
    const before = loadedChunks();
    for (const part of ['node_modules/openai/', 'node_modules/cockatiel/']) {
      for (const chunk of chunksWith(part)) assert.ok(!before.has(chunk), `${chunk} (${part}) loaded before any expert was asked`);
    }
    openAi.queue(reply.text('An answer.'));
    const res = await postRaw(host.mcpUrl, toolCall(3, 'ask_billing_expert', { question: 'What does customer 251 owe?' }), await host.authHeaders());
    assert.equal(res.status, 200);
    assert.equal(openAi.chatRequests().length, 1, 'the expert asked the stand-in');
    const loaded = loadedChunks();
    for (const part of ['node_modules/openai/', 'node_modules/cockatiel/']) {
      for (const chunk of chunksWith(part)) assert.ok(loaded.has(chunk), `${chunk} (${part}) loaded for the expert`);
    }
    for (const chunk of chunksWith('@azure/identity/')) assert.ok(!loaded.has(chunk), `${chunk} (@azure/identity) loaded although an API key is configured`);
  });
});

describe('bundle: the scheduler adapter loads only when configured', () => {
  let scheduler: DevScheduler;
  let host: LocalHostProcess;
  let logFile: string;
  const manifest = JSON.parse(fs.readFileSync(path.join(BUNDLE_DIR, BUNDLE_MANIFEST), 'utf8')) as Manifest;
  const chunksWith = (needle: string) => Object.entries(manifest).filter(([, output]) => output.inputs.some((input) => input.includes(needle))).map(([file]) => file);

  before(async () => {
    scheduler = await startDevScheduler({ port: 0, sign: () => ({}) });
    logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-modules-')), 'modules.log');
    host = await startLocalHost({ SEED_CUSTOMER_COUNT: '3', SCHEDULER_URL: scheduler.url, MODULE_LOG: logFile }, { nodeArgs: ['--import', HOOK] });
  });
  after(async () => {
    await host?.stop();
    await scheduler?.close();
    if (logFile) fs.rmSync(path.dirname(logFile), { recursive: true, force: true });
  });

  // The local host asks /api/ready once at start, and readiness probes the scheduler over MCP, so
  // the MCP client is loaded by then; @azure/identity stays unloaded with SCHEDULER_AUTH=none.
  it('builds the remote adapter with SCHEDULER_URL, probes it for readiness, and leaves @azure/identity unloaded without managed identity', async () => {
    const res = await postRaw(host.mcpUrl, toolCall(1, 'get_customer_detail', { customer_id: 1 }), await host.authHeaders());
    assert.equal(res.status, 200);
    const loaded = new Set(
      fs
        .readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((url) => url.includes(`/${BUNDLE_DIR}/`))
        .map((url) => path.basename(new URL(url).pathname)),
    );
    for (const chunk of chunksWith('shared/scheduler/remote-scheduler-client.ts')) assert.ok(loaded.has(chunk), `${chunk} (the adapter) is loaded`);
    for (const chunk of chunksWith('@azure/identity/')) assert.ok(!loaded.has(chunk), `${chunk} (@azure/identity) was loaded without managed identity`);
    const ready = (await (await fetch(`${host.baseUrl}/api/ready`)).json()) as { dependencies?: Array<{ name: string; status: string }> };
    assert.equal(ready.dependencies?.find((d) => d.name === 'scheduler')?.status, 'ok', JSON.stringify(ready));
  });
});
