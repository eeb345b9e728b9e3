// The scheduler in the process's services: absent without SCHEDULER_URL, otherwise one remote
// client shared by AppServices and the tools' services, reaching the configured scheduler with
// the secrets it was given; an API-key scheduler without its key stops the start, and the
// adapter refuses to be built without a secrets provider.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDevScheduler, type DevScheduler } from '../../../dev/scheduler/dev-scheduler.js';
import { loadConfig } from '../../../shared/config/load-config.js';
import { createAppServices } from '../../../shared/context/app-services.js';
import { createSchedulerClient } from '../../../shared/scheduler/create-scheduler-client.js';
import type { SecretsProvider } from '../../../shared/secrets/secrets-provider.js';

const BASE = { SQLITE_PATH: ':memory:', SEED_CUSTOMER_COUNT: '0', SEED_ON_STARTUP: 'false', AUTH_MODE: 'disabled' };

const secrets: SecretsProvider = {
  kind: 'environment',
  get: async (name) => ({ 'SCHEDULER-API-KEY': 'services-test-key', 'SCHEDULER-CLIENT-ID': 'contoso-mcp' })[name as string],
  check: async () => ({ name: 'secrets', status: 'ok' }),
};

describe('app services: the scheduler', () => {
  let scheduler: DevScheduler;
  before(async () => {
    scheduler = await startDevScheduler({ port: 0, sign: () => ({}), apiKey: 'services-test-key', deliverAfterMs: 3_600_000 });
  });
  after(async () => {
    await scheduler?.close();
  });

  it('is undefined without SCHEDULER_URL', async () => {
    const services = await createAppServices(loadConfig(BASE), { logSink: () => {} });
    try {
      assert.equal(services.scheduler, undefined);
      assert.equal(services.toolServices.scheduler, undefined);
    } finally {
      await services.close();
    }
  });

  it('is one remote client for the app and its tools, reaching the scheduler with the API key', async () => {
    const config = loadConfig({ ...BASE, SCHEDULER_URL: scheduler.url, SCHEDULER_AUTH: 'api-key', SCHEDULER_API_KEY: 'services-test-key' });
    const services = await createAppServices(config, { logSink: () => {}, secrets });
    try {
      assert.ok(services.scheduler);
      assert.equal(services.toolServices.scheduler, services.scheduler);
      assert.deepEqual(await services.scheduler.check(), { name: 'scheduler', status: 'ok', breaker: 'closed' });
    } finally {
      await services.close();
    }
  });

  it('refuses to start an API-key scheduler without its key, or to build one without a secrets provider', async () => {
    assert.throws(() => loadConfig({ ...BASE, SCHEDULER_URL: scheduler.url, SCHEDULER_AUTH: 'api-key' }), /SCHEDULER_API_KEY: required with SCHEDULER_AUTH=api-key/);
    const config = loadConfig({ ...BASE, SCHEDULER_URL: scheduler.url, SCHEDULER_AUTH: 'api-key', SCHEDULER_API_KEY: 'services-test-key' });
    await assert.rejects(createSchedulerClient(config.scheduler), /SCHEDULER_AUTH=api-key needs the secrets provider/);
  });
});
