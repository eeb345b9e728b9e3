// Seeding the Cosmos DB store: the deterministic dataset, idempotent when run twice or
// concurrently (one identical dataset), start-up seeding as SEED_ON_STARTUP and FORCE_SEED say,
// the seed marker written last, and 250 customers within 60 s against the test server (that
// test runs no queries afterwards: the server scans whole containers per query).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../../../shared/config/load-config.js';
import { createApp } from '../../../../shared/context/create-app.js';
import { canonicalJson } from '../../../../shared/seed/canonical-json.js';
import { ensureSeeded, seedStore } from '../../../../shared/seed/ensure-seeded.js';
import { generateDataset } from '../../../../shared/seed/generate-dataset.js';
import { SEED_GENERATOR_VERSION } from '../../../../shared/seed/seed-settings.js';
import { createLogger } from '../../../../shared/telemetry/logger.js';
import { fixedClock } from '../../../../shared/time/clock.js';
import { startCosmosTestServer, type CosmosTestServer } from '../../../support/cosmos-test-server.js';

const ANCHOR = '2026-06-15';
const clock = fixedClock(`${ANCHOR}T08:00:00.000Z`);
const logger = createLogger({ level: 'error', sink: () => {} });
const settings = { customerCount: 12, anchorDate: ANCHOR };

describe('seeding the Cosmos DB store', () => {
  let server: CosmosTestServer;
  before(async () => {
    server = await startCosmosTestServer();
  });
  after(async () => server?.close());

  it('loads the deterministic dataset once, however often and concurrently it runs', async () => {
    const store = await server.openStore();
    try {
      await seedStore(store, settings, clock);
      const once = canonicalJson(await store.exportAll());
      assert.equal(once, canonicalJson(generateDataset(settings)));
      await Promise.all([seedStore(store, settings, clock), seedStore(store, settings, clock), seedStore(store, settings, clock)]);
      assert.equal(canonicalJson(await store.exportAll()), once);
      assert.equal(await store.customers.count(), 21);
      assert.deepEqual(await store.seedState(), { generatorVersion: SEED_GENERATOR_VERSION, ...settings, seededAt: clock.now().toISOString() });
    } finally {
      await store.close();
    }
  });

  it('leaves one identical dataset when two instances seed one database at once', async () => {
    const databaseName = server.config().databaseName;
    const [a, b] = await Promise.all([server.openStore({ databaseName }), server.openStore({ databaseName })]);
    try {
      await Promise.all([seedStore(a, settings, clock), seedStore(b, settings, clock), seedStore(a, settings, clock)]);
      assert.equal(canonicalJson(await b.exportAll()), canonicalJson(generateDataset(settings)));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('replaces writes made since the last seed, and shrinks to a smaller seed', async () => {
    const store = await server.openStore();
    try {
      await seedStore(store, settings, clock);
      await store.tickets.create({ customerId: 1, subscriptionId: (await store.subscriptions.listByCustomer(1))[0]!.subscriptionId, category: 'other', priority: 'low', status: 'open', subject: 'x', description: 'y', openedAt: clock.now().toISOString(), closedAt: null, idempotencyKey: 'k' });
      await store.customers.update(254, (c) => ({ customer: { ...c, accountStatus: 'active' }, events: [{ eventId: 'sec-x', customerId: 254, eventType: 'account_unlocked', occurredAt: clock.now().toISOString(), ipAddress: null, detail: 'd' }] }));
      const smaller = { customerCount: 3, anchorDate: ANCHOR };
      await seedStore(store, smaller, clock);
      assert.equal(canonicalJson(await store.exportAll()), canonicalJson(generateDataset(smaller)));
      assert.equal(await store.subscriptions.get(generateDataset(settings).subscriptions.find((sub) => sub.customerId === 12)!.subscriptionId), null, 'lookups of removed records are gone too');
    } finally {
      await store.close();
    }
  });

  it('writes the seed marker last: an interrupted seed reads as unseeded and seeds again at start-up', async () => {
    const store = await server.openStore();
    try {
      await seedStore(store, settings, clock);
      const failing = { ...generateDataset(settings), usage: [{ subscriptionId: 987_654, date: ANCHOR, dataGb: 1, roamingDataGb: 0, voiceMinutes: 0, smsCount: 0 }] };
      await assert.rejects(store.replaceAll(failing, { generatorVersion: SEED_GENERATOR_VERSION, ...settings, seededAt: 'x' }), /unknown subscription/);
      assert.equal(await store.seedState(), null);
      const outcome = await ensureSeeded(store, { settings, onStartup: true, force: false, clock, logger });
      assert.equal(outcome.action, 'seeded');
      assert.equal(outcome.reason, 'the store is empty');
    } finally {
      await store.close();
    }
  });

  it('honours SEED_ON_STARTUP and FORCE_SEED through the app, keeping an earlier seed otherwise', async () => {
    const env = { ...server.env(), AUTH_MODE: 'disabled', SEED_ANCHOR_DATE: ANCHOR, SEED_CUSTOMER_COUNT: '2' };
    const start = async (extra: Record<string, string>) => {
      const app = await createApp(loadConfig({ ...env, ...extra }), { clock, logSink: () => {} });
      const outcome = app.services.seedOutcome;
      const customers = await app.services.store.customers.count();
      await app.close();
      return { action: outcome.action, reason: outcome.reason, customers };
    };
    assert.deepEqual(await start({ SEED_ON_STARTUP: 'false' }), { action: 'skipped', reason: 'SEED_ON_STARTUP is off', customers: 0 });
    assert.deepEqual(await start({}), { action: 'seeded', reason: 'the store is empty', customers: 11 });
    assert.deepEqual(await start({ SEED_CUSTOMER_COUNT: '4' }), { action: 'skipped', reason: 'already seeded', customers: 11 });
    assert.deepEqual(await start({ SEED_CUSTOMER_COUNT: '4', FORCE_SEED: 'true' }), { action: 'seeded', reason: 'FORCE_SEED is set', customers: 13 });
  });

  it('seeds 250 customers (about 9,400 documents) within 60 s', async () => {
    const store = await server.openStore();
    try {
      const started = performance.now();
      const outcome = await seedStore(store, { customerCount: 250, anchorDate: ANCHOR }, clock);
      const seconds = (performance.now() - started) / 1000;
      assert.ok(seconds <= 60, `took ${seconds.toFixed(1)} s`);
      assert.equal(outcome.counts.customers, 259);
      // A point read, not a query: the marker says the whole dataset is there.
      assert.equal((await store.seedState())?.customerCount, 250);
    } finally {
      await store.close();
    }
  });
});
