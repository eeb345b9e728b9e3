// Tests of the environment secrets provider: the values parsed from the environment at start-up,
// by Key Vault name (SCHEDULER-API-KEY from SCHEDULER_API_KEY), undefined for the rest; what the
// factory builds without KEYVAULT_URI; and its /api/ready answer, which names no value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../shared/config/load-config.js';
import { createSecretsProvider } from '../../../shared/secrets/create-secrets-provider.js';
import { createEnvironmentSecrets } from '../../../shared/secrets/environment-secrets.js';
import { SECRET_NAMES } from '../../../shared/secrets/secrets-provider.js';
import { silentLogger } from '../../../shared/telemetry/logger.js';
import { systemClock } from '../../../shared/time/clock.js';

const API_KEY = 'scheduler-api-key-from-the-env-1';
const CALLBACK_SECRET = 'callback-secret-from-the-env-0123456789';

describe('environment secrets provider', () => {
  it('serves the environment values by Key Vault name, and undefined for secrets not set', async () => {
    const config = loadConfig({ SCHEDULER_API_KEY: API_KEY, SCHEDULER_CALLBACK_SECRET: CALLBACK_SECRET });
    const secrets = await createSecretsProvider(config.secrets, { logger: silentLogger, clock: systemClock });

    assert.equal(secrets.kind, 'environment');
    assert.equal(await secrets.get('SCHEDULER-API-KEY'), API_KEY);
    assert.equal(await secrets.get('SCHEDULER-CALLBACK-SECRET'), CALLBACK_SECRET);
    for (const name of SECRET_NAMES.filter((n) => n !== 'SCHEDULER-API-KEY' && n !== 'SCHEDULER-CALLBACK-SECRET')) {
      assert.equal(await secrets.get(name), undefined, name);
    }
  });

  it('serves only what it was given, not process.env', async () => {
    process.env['SCHEDULER_API_KEY'] = 'set-in-process-env-after-start-up';
    try {
      assert.equal(await createEnvironmentSecrets({}).get('SCHEDULER-API-KEY'), undefined);
    } finally {
      delete process.env['SCHEDULER_API_KEY'];
    }
  });

  it('reports itself ok to /api/ready, naming no value', async () => {
    const check = await createEnvironmentSecrets({ 'SCHEDULER-API-KEY': API_KEY }).check();

    assert.deepEqual(check, { name: 'key_vault', status: 'ok', detail: 'not configured: secrets come from app settings' });
  });
});
