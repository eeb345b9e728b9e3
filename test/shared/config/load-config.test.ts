// Tests of loadConfig: defaults locally and in Azure, one error listing every bad setting,
// secrets kept out of errors, path resolution and a deeply frozen result.
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Config } from '../../../shared/config/config.js';
import { ConfigError, loadConfig, MAX_BODY_BYTES } from '../../../shared/config/load-config.js';

const NOW = new Date('2026-03-15T22:45:00Z');

/** What an Azure deployment sets for Entra authentication (required there; see auth-config.test.ts). */
const AZURE_AUTH = { AUTH_AUDIENCE: 'api://contoso-mcp', ALLOWED_TENANTS: '11111111-1111-4111-8111-111111111111' };

/** Azure refuses the per-instance SQLite store unless allowed (see store-config.test.ts). */
const ONE_INSTANCE = { ALLOW_INSTANCE_LOCAL_STORE: 'true' };

/** The SQLite path of a config that must use the embedded store. */
function sqlitePathOf(config: Config): string {
  assert.equal(config.store.kind, 'sqlite');
  return config.store.sqlitePath;
}

/** Runs loadConfig expecting a ConfigError and returns it. */
function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env, NOW);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('loadConfig accepted an invalid environment');
}

describe('loadConfig', () => {
  it('uses local defaults when no setting is present', () => {
    const config = loadConfig({}, NOW);

    assert.deepEqual(config.runtime, { inAzure: false, hostName: undefined, port: 7071, localFunctionKey: undefined });
    assert.equal(config.log.level, 'info');
    assert.deepEqual(config.store, {
      kind: 'sqlite',
      dataDir: path.resolve('.data'),
      sqlitePath: path.resolve('.data', 'contoso.db'),
    });
    assert.deepEqual(config.seed, { customerCount: 250, anchorDate: '2026-03-15', onStartup: true, force: false });
    assert.deepEqual(config.http.allowedHosts, ['localhost', '127.0.0.1', '[::1]']);
    assert.deepEqual(config.http.allowedOrigins, [
      'http://localhost:*',
      'https://localhost:*',
      'http://127.0.0.1:*',
      'https://127.0.0.1:*',
      'http://[::1]:*',
      'https://[::1]:*',
    ]);
    assert.equal(config.http.maxBodyBytes, MAX_BODY_BYTES);
    assert.equal(config.mcp.toolTimeoutMs, 30_000);
  });

  it('allows only the app host name in Azure, lower-cased, over https', () => {
    const config = loadConfig(
      { WEBSITE_INSTANCE_ID: 'a1b2c3', WEBSITE_HOSTNAME: 'Contoso-MCP.azurewebsites.net', ...AZURE_AUTH, ...ONE_INSTANCE },
      NOW,
    );

    assert.equal(config.runtime.inAzure, true);
    assert.equal(config.runtime.hostName, 'Contoso-MCP.azurewebsites.net');
    assert.deepEqual(config.http.allowedHosts, ['contoso-mcp.azurewebsites.net']);
    assert.deepEqual(config.http.allowedOrigins, ['https://contoso-mcp.azurewebsites.net']);
  });

  it('prefers explicit ALLOWED_HOSTS and ALLOWED_ORIGINS, trimmed and lower-cased', () => {
    const config = loadConfig(
      { ALLOWED_HOSTS: ' Example.com , api.example.com:8443 ,', ALLOWED_ORIGINS: 'https://App.Example.com' },
      NOW,
    );

    assert.deepEqual(config.http.allowedHosts, ['example.com', 'api.example.com:8443']);
    assert.deepEqual(config.http.allowedOrigins, ['https://app.example.com']);
  });

  it('parses every setting that is given', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        LOCAL_FUNCTION_KEY: ' key-1 ',
        LOG_LEVEL: 'debug',
        SEED_CUSTOMER_COUNT: '0',
        SEED_ANCHOR_DATE: '2024-02-29',
        SEED_ON_STARTUP: 'No',
        FORCE_SEED: 'YES',
        TOOL_TIMEOUT_MS: '300000',
      },
      NOW,
    );

    assert.equal(config.runtime.port, 8080);
    assert.equal(config.runtime.localFunctionKey, 'key-1');
    assert.equal(config.log.level, 'debug');
    assert.deepEqual(config.seed, { customerCount: 0, anchorDate: '2024-02-29', onStartup: false, force: true });
    assert.equal(config.mcp.toolTimeoutMs, 300_000);
  });

  it('takes the default anchor date from the UTC day of `now`', () => {
    assert.equal(loadConfig({}, new Date('2025-12-31T23:59:59Z')).seed.anchorDate, '2025-12-31');
    assert.equal(loadConfig({}, new Date('2026-01-01T00:00:00Z')).seed.anchorDate, '2026-01-01');
  });

  it('names each bad setting, what was expected and the value it got', () => {
    const error = configError({ PORT: 'abc' });

    assert.deepEqual(error.problems, ['PORT: expected a whole number from 0 to 65535 (got "abc")']);
    assert.match(error.message, /^Invalid configuration:\n {2}- PORT: /);
  });

  it('lists every bad setting at once', () => {
    const error = configError({
      PORT: '70000',
      LOG_LEVEL: 'verbose',
      STORE_KIND: 'mongodb',
      SEED_CUSTOMER_COUNT: '-1',
      SEED_ANCHOR_DATE: '15/03/2026',
      SEED_ON_STARTUP: 'maybe',
      FORCE_SEED: 'y',
      TOOL_TIMEOUT_MS: '50',
    });

    const expected: Array<[string, RegExp]> = [
      ['PORT', /PORT: expected a whole number from 0 to 65535 \(got "70000"\)/],
      ['LOG_LEVEL', /LOG_LEVEL: .*"debug"\|"info"\|"warn"\|"error" \(got "verbose"\)/],
      ['STORE_KIND', /STORE_KIND: .*"sqlite"\|"cosmos" \(got "mongodb"\)/],
      ['SEED_CUSTOMER_COUNT', /SEED_CUSTOMER_COUNT: expected a whole number from 0 to 10000 \(got "-1"\)/],
      ['SEED_ANCHOR_DATE', /SEED_ANCHOR_DATE: expected a calendar date as YYYY-MM-DD \(got "15\/03\/2026"\)/],
      ['SEED_ON_STARTUP', /SEED_ON_STARTUP: expected true or false \(got "maybe"\)/],
      ['FORCE_SEED', /FORCE_SEED: expected true or false \(got "y"\)/],
      ['TOOL_TIMEOUT_MS', /TOOL_TIMEOUT_MS: expected a whole number from 100 to 300000 \(got "50"\)/],
    ];
    assert.equal(error.problems.length, expected.length);
    for (const [key, pattern] of expected) assert.match(error.message, pattern, `${key} missing from the error`);
  });

  it('refuses whole numbers written as decimals or exponents', () => {
    const error = configError({ PORT: '80.5', SEED_CUSTOMER_COUNT: '1e3' });

    assert.deepEqual(
      error.problems.map((problem) => problem.split(':')[0]),
      ['PORT', 'SEED_CUSTOMER_COUNT'],
    );
  });

  it('refuses a date that does not exist on the calendar', () => {
    const error = configError({ SEED_ANCHOR_DATE: '2026-02-30' });

    assert.deepEqual(error.problems, ['SEED_ANCHOR_DATE: expected a calendar date as YYYY-MM-DD (got "2026-02-30")']);
  });

  it('never shows the LOCAL_FUNCTION_KEY value in an error', () => {
    const secret = 'sup3r-secret-function-key';
    const withOtherProblems = configError({ LOCAL_FUNCTION_KEY: secret, PORT: 'x' });
    assert.doesNotMatch(withOtherProblems.message, new RegExp(secret));

    // A hand-built env object can hold a non-string; the key is named, its value is not.
    const rejectedKey = configError({ LOCAL_FUNCTION_KEY: 987654321 as unknown as string });
    assert.equal(rejectedKey.problems.length, 1);
    assert.match(rejectedKey.message, /LOCAL_FUNCTION_KEY: /);
    assert.doesNotMatch(rejectedKey.message, /987654321/);
  });

  it('requires allowed hosts in Azure when the platform gives no host name', () => {
    const error = configError({ WEBSITE_INSTANCE_ID: 'a1b2c3', ...AZURE_AUTH, ...ONE_INSTANCE });
    assert.match(error.message, /ALLOWED_HOSTS\/ALLOWED_ORIGINS: required in Azure/);

    const config = loadConfig(
      {
        WEBSITE_INSTANCE_ID: 'a1b2c3',
        ALLOWED_HOSTS: 'mcp.contoso.com',
        ALLOWED_ORIGINS: 'https://mcp.contoso.com',
        PUBLIC_BASE_URL: 'https://mcp.contoso.com',
        ...AZURE_AUTH,
        ...ONE_INSTANCE,
      },
      NOW,
    );
    assert.deepEqual(config.http.allowedHosts, ['mcp.contoso.com']);
  });

  it('refuses an in-memory store in Azure that would never be seeded', () => {
    const error = configError({
      WEBSITE_INSTANCE_ID: 'a1b2c3',
      WEBSITE_HOSTNAME: 'app.azurewebsites.net',
      SQLITE_PATH: ':memory:',
      SEED_ON_STARTUP: 'false',
      ...AZURE_AUTH,
      ...ONE_INSTANCE,
    });

    assert.deepEqual(error.problems.map((problem) => problem.split(':')[0]), ['SQLITE_PATH']);
  });

  it('keeps :memory: as the SQLite path', () => {
    const config = loadConfig({ SQLITE_PATH: ':memory:', DATA_DIR: '/var/data' }, NOW);

    assert.equal(sqlitePathOf(config), ':memory:');
  });

  it('resolves a relative SQLite path under DATA_DIR and keeps an absolute one', () => {
    const dataDir = path.resolve('/srv/contoso');
    const relative = loadConfig({ DATA_DIR: dataDir, SQLITE_PATH: 'db/main.db' }, NOW);
    assert.equal(relative.store.dataDir, dataDir);
    assert.equal(sqlitePathOf(relative), path.join(dataDir, 'db', 'main.db'));

    const absolutePath = path.resolve('/elsewhere/other.db');
    assert.equal(sqlitePathOf(loadConfig({ DATA_DIR: dataDir, SQLITE_PATH: absolutePath }, NOW)), absolutePath);

    const relativeDir = loadConfig({ DATA_DIR: 'state' }, NOW);
    assert.equal(relativeDir.store.dataDir, path.resolve('state'));
    assert.equal(sqlitePathOf(relativeDir), path.resolve('state', 'contoso.db'));
  });

  it('returns a deeply frozen object', () => {
    const config = loadConfig({}, NOW);

    for (const part of [config, config.runtime, config.store, config.seed, config.http, config.http.allowedHosts]) {
      assert.ok(Object.isFrozen(part));
    }
    assert.throws(() => {
      (config.http.allowedHosts as string[]).push('evil.example');
    }, TypeError);
    assert.throws(() => {
      (config.seed as { customerCount: number }).customerCount = 1;
    }, TypeError);
  });
});

describe('loadConfig data folder in Azure', () => {
  it('defaults DATA_DIR to the temp disk in Azure, where the app folder is read-only', () => {
    const config = loadConfig({
      WEBSITE_INSTANCE_ID: 'abc',
      WEBSITE_HOSTNAME: 'contoso.azurewebsites.net',
      AUTH_AUDIENCE: 'api://contoso-mcp',
      ALLOWED_TENANTS: '11111111-1111-4111-8111-111111111111',
      ALLOW_INSTANCE_LOCAL_STORE: 'true',
    });
    assert.equal(config.store.dataDir, path.join(os.tmpdir(), 'contoso-mcp'));
    assert.equal(loadConfig({ DATA_DIR: '/srv/data' }).store.dataDir, '/srv/data');
  });
});
