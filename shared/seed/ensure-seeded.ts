// Seeds a store at start-up when it is empty (SEED_ON_STARTUP) or when asked to (FORCE_SEED).
// A store already seeded with other settings is left alone: its data may hold real changes.
import type { Clock } from '../time/clock.js';
import type { ContosoStore } from '../storage/contoso-store.js';
import type { Logger } from '../telemetry/logger.js';
import { isSeededWith, SEED_GENERATOR_VERSION, type SeedSettings } from './seed-settings.js';

export interface SeedOutcome {
  action: 'seeded' | 'skipped';
  reason: string;
  counts: Record<string, number>;
  durationMs: number;
}

export async function seedStore(store: ContosoStore, settings: SeedSettings, clock: Clock): Promise<SeedOutcome> {
  const started = performance.now();
  // Loaded only when a seed is actually written: a seeded store starts without the generator.
  const { generateDataset } = await import('./generate-dataset.js');
  const dataset = generateDataset(settings);
  await store.replaceAll(dataset, {
    generatorVersion: SEED_GENERATOR_VERSION,
    customerCount: settings.customerCount,
    anchorDate: settings.anchorDate,
    seededAt: clock.now().toISOString(),
  });
  return {
    action: 'seeded',
    reason: 'seeded',
    counts: Object.fromEntries(Object.entries(dataset).map(([name, records]: [string, readonly unknown[]]) => [name, records.length])),
    durationMs: Math.round(performance.now() - started),
  };
}

export interface EnsureSeededOptions {
  settings: SeedSettings;
  onStartup: boolean;
  force: boolean;
  clock: Clock;
  logger: Logger;
}

export async function ensureSeeded(store: ContosoStore, options: EnsureSeededOptions): Promise<SeedOutcome> {
  const state = await store.seedState();
  let reason: string | undefined;
  if (options.force) reason = 'FORCE_SEED is set';
  else if (state === null && options.onStartup) reason = 'the store is empty';
  else if (state !== null && options.onStartup && state.generatorVersion !== SEED_GENERATOR_VERSION) {
    reason = `the seed generator changed (v${state.generatorVersion} to v${SEED_GENERATOR_VERSION})`;
  }
  if (reason === undefined) {
    const skipped: SeedOutcome = { action: 'skipped', reason: state ? 'already seeded' : 'SEED_ON_STARTUP is off', counts: {}, durationMs: 0 };
    if (state && !isSeededWith(state, options.settings)) {
      options.logger.info('store keeps its earlier seed; set FORCE_SEED=true to reseed', { seeded: state, wanted: options.settings });
    }
    return skipped;
  }
  const outcome = await seedStore(store, options.settings, options.clock);
  options.logger.info('store seeded', { reason, counts: outcome.counts, durationMs: outcome.durationMs });
  return { ...outcome, reason };
}
