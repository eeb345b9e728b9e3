// Tests of start-up seeding against the real embedded store in memory: empty stores are
// seeded, seeded stores are left alone unless FORCE_SEED, and SEED_ON_STARTUP=false is obeyed.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fixedClock } from '../../../shared/time/clock.js';
import { canonicalJson } from '../../../shared/seed/canonical-json.js';
import { ensureSeeded, type EnsureSeededOptions } from '../../../shared/seed/ensure-seeded.js';
import { SCENARIOS } from '../../../shared/seed/scenarios/scenario-list.js';
import { generateDataset } from '../../../shared/seed/generate-dataset.js';
import { SEED_GENERATOR_VERSION } from '../../../shared/seed/seed-settings.js';
import type { ContosoStore } from '../../../shared/storage/contoso-store.js';
import { createSqliteStore } from '../../../shared/storage/sqlite/sqlite-store.js';
import { createLogger, silentLogger } from '../../../shared/telemetry/logger.js';

const SEEDED_AT = '2026-03-15T08:00:00.000Z';

function options(overrides: Partial<EnsureSeededOptions> = {}): EnsureSeededOptions {
  return {
    settings: { customerCount: 20, anchorDate: '2026-03-15' },
    onStartup: true,
    force: false,
    clock: fixedClock(SEEDED_AT),
    logger: silentLogger,
    ...overrides,
  };
}

describe('ensureSeeded', () => {
  let store: ContosoStore;
  beforeEach(() => {
    store = createSqliteStore({ path: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  it('seeds an empty store with the generated dataset and records the seed state', async () => {
    const expected = generateDataset({ customerCount: 20, anchorDate: '2026-03-15' });

    const outcome = await ensureSeeded(store, options());

    assert.equal(outcome.action, 'seeded');
    assert.equal(outcome.reason, 'the store is empty');
    assert.deepEqual(outcome.counts, Object.fromEntries(Object.entries(expected).map(([name, records]: [string, readonly unknown[]]) => [name, records.length])));
    assert.equal(outcome.counts.customers, 20 + SCENARIOS.length);
    assert.deepEqual(await store.seedState(), {
      generatorVersion: SEED_GENERATOR_VERSION,
      customerCount: 20,
      anchorDate: '2026-03-15',
      seededAt: SEEDED_AT,
    });
    assert.equal(canonicalJson(await store.exportAll()), canonicalJson(expected));
  });

  it('skips a store that is already seeded, even when the settings changed', async () => {
    await ensureSeeded(store, options());
    const before = canonicalJson(await store.exportAll());

    const outcome = await ensureSeeded(
      store,
      options({ settings: { customerCount: 5, anchorDate: '2027-01-01' }, clock: fixedClock('2027-01-01T00:00:00Z') }),
    );

    assert.deepEqual(outcome, { action: 'skipped', reason: 'already seeded', counts: {}, durationMs: 0 });
    assert.equal(canonicalJson(await store.exportAll()), before);
    assert.equal((await store.seedState())?.seededAt, SEEDED_AT);
  });

  it('tells the operator how to reseed when the kept seed differs from the settings', async () => {
    await ensureSeeded(store, options());
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', sink: (_level, line) => lines.push(line) });

    await ensureSeeded(store, options({ settings: { customerCount: 5, anchorDate: '2026-03-15' }, logger }));
    await ensureSeeded(store, options({ logger }));

    assert.equal(lines.length, 1, 'only the run with different settings logs');
    const record = JSON.parse(lines[0] ?? '{}') as { msg: string; wanted: { customerCount: number } };
    assert.match(record.msg, /FORCE_SEED=true/);
    assert.equal(record.wanted.customerCount, 5);
  });

  it('reseeds an already seeded store when FORCE_SEED is set', async () => {
    await ensureSeeded(store, options());

    const outcome = await ensureSeeded(
      store,
      options({ settings: { customerCount: 3, anchorDate: '2026-04-01' }, force: true, clock: fixedClock('2026-04-01T00:00:00Z') }),
    );

    assert.equal(outcome.action, 'seeded');
    assert.equal(outcome.reason, 'FORCE_SEED is set');
    assert.equal(await store.customers.count(), 3 + SCENARIOS.length);
    assert.deepEqual(await store.seedState(), {
      generatorVersion: SEED_GENERATOR_VERSION,
      customerCount: 3,
      anchorDate: '2026-04-01',
      seededAt: '2026-04-01T00:00:00.000Z',
    });
  });

  it('reseeds a store written by an older generator version', async () => {
    const older = generateDataset({ customerCount: 2, anchorDate: '2026-01-01' });
    const olderState = { generatorVersion: SEED_GENERATOR_VERSION - 1, customerCount: 2, anchorDate: '2026-01-01', seededAt: '2026-01-01T00:00:00.000Z' };
    await store.replaceAll(older, olderState);

    const outcome = await ensureSeeded(store, options());

    assert.equal(outcome.action, 'seeded');
    assert.match(outcome.reason, /seed generator changed/);
    assert.equal((await store.seedState())?.generatorVersion, SEED_GENERATOR_VERSION);
    assert.equal(await store.customers.count(), 20 + SCENARIOS.length);
  });

  it('keeps an older generator version when SEED_ON_STARTUP is off', async () => {
    const olderState = { generatorVersion: SEED_GENERATOR_VERSION - 1, customerCount: 2, anchorDate: '2026-01-01', seededAt: '2026-01-01T00:00:00.000Z' };
    await store.replaceAll(generateDataset({ customerCount: 2, anchorDate: '2026-01-01' }), olderState);

    const outcome = await ensureSeeded(store, options({ onStartup: false }));

    assert.equal(outcome.action, 'skipped');
    assert.deepEqual(await store.seedState(), olderState);
  });

  it('seeds with FORCE_SEED even when SEED_ON_STARTUP is off', async () => {
    const outcome = await ensureSeeded(store, options({ onStartup: false, force: true }));

    assert.equal(outcome.action, 'seeded');
    assert.equal(await store.customers.count(), 20 + SCENARIOS.length);
  });

  it('leaves an empty store empty when SEED_ON_STARTUP is off', async () => {
    const outcome = await ensureSeeded(store, options({ onStartup: false }));

    assert.deepEqual(outcome, { action: 'skipped', reason: 'SEED_ON_STARTUP is off', counts: {}, durationMs: 0 });
    assert.equal(await store.seedState(), null);
    assert.equal(await store.customers.count(), 0);
    assert.deepEqual(await store.products.list(), []);
  });
});
