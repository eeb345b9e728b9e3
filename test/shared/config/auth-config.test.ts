// Tests of the auth settings: defaults locally and in Azure, the start-up rules (Entra needs an
// audience and tenants; development modes are refused in Azure unless explicitly allowed), and
// the checks on each auth setting.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { LOCAL_TENANT_ID } from '../../../shared/identity/principal.js';
import { loadConfig } from '../../../shared/config/load-config.js';
import { configProblems } from '../../support/config-problems.js';

const NOW = new Date('2026-03-15T22:45:00Z');
const TENANT_A = '11111111-1111-4111-8111-111111111111';
const TENANT_B = '22222222-2222-4222-8222-222222222222';
const AZURE = { WEBSITE_INSTANCE_ID: 'a1b2c3', WEBSITE_HOSTNAME: 'Contoso-MCP.azurewebsites.net', ALLOW_INSTANCE_LOCAL_STORE: 'true' };
const ENTRA = { AUTH_AUDIENCE: 'api://contoso-mcp', ALLOWED_TENANTS: TENANT_A };

const problemsOf = (env: Record<string, string | undefined>) => configProblems(env, NOW);

describe('auth settings', () => {
  it('default to local mode with the local issuer, audience and tenant outside Azure', () => {
    const { auth } = loadConfig({}, NOW);

    assert.deepEqual(auth, {
      mode: 'local',
      audiences: ['api://contoso-mcp-local'],
      allowedTenants: [LOCAL_TENANT_ID],
      entraTenantId: LOCAL_TENANT_ID,
      requiredScope: 'MCP.Access',
      authorityHost: 'https://login.microsoftonline.com',
      jwksUri: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
      jwksCacheMaxAgeMs: 600_000,
      jwksCooldownMs: 30_000,
      jwksPolicy: { timeoutMs: 3_000, retry: { maxAttempts: 2, initialDelayMs: 200, maxDelayMs: 1_000 }, breaker: { failureThreshold: 2, halfOpenAfterMs: 5_000 } },
      clockToleranceSeconds: 60,
      maxTokenLifetimeSeconds: 86_400,
      localIssuerKeyFile: path.resolve('.data', 'local-issuer-key.json'),
      publicBaseUrl: 'http://localhost:7071',
      roles: { read: 'support.read', write: 'support.write', security: 'security', admin: 'admin' },
      devIdentityRoles: ['support.read', 'support.write', 'security', 'admin'],
      allowInsecureInAzure: false,
    });
  });

  it('default to entra mode in Azure, with the app host name as the public base URL', () => {
    const { auth } = loadConfig({ ...AZURE, ...ENTRA }, NOW);

    assert.equal(auth.mode, 'entra');
    assert.deepEqual(auth.audiences, ['api://contoso-mcp']);
    assert.deepEqual(auth.allowedTenants, [TENANT_A]);
    assert.equal(auth.entraTenantId, TENANT_A);
    assert.equal(auth.publicBaseUrl, 'https://contoso-mcp.azurewebsites.net');
  });

  it('refuse entra mode without AUTH_AUDIENCE and ALLOWED_TENANTS, in Azure and locally', () => {
    const inAzure = problemsOf(AZURE);
    assert.deepEqual(inAzure.map((problem) => problem.split(':')[0]), ['AUTH_AUDIENCE', 'ALLOWED_TENANTS']);
    assert.match(inAzure[0] ?? '', /required when AUTH_MODE is entra/);

    assert.deepEqual(problemsOf({ AUTH_MODE: 'entra', AUTH_AUDIENCE: 'api://x' }).map((p) => p.split(':')[0]), ['ALLOWED_TENANTS']);
  });

  for (const mode of ['local', 'passthrough', 'disabled']) {
    it(`refuse ${mode} mode in Azure unless ALLOW_INSECURE_AUTH_IN_AZURE=true`, () => {
      const problems = problemsOf({ ...AZURE, AUTH_MODE: mode });
      assert.equal(problems.length, 1);
      assert.match(problems[0] ?? '', new RegExp(`^AUTH_MODE: "${mode}" is for development and is refused in Azure`));
      assert.equal(problemsOf({ ...AZURE, AUTH_MODE: mode, ALLOW_INSECURE_AUTH_IN_AZURE: 'false' }).length, 1);

      const allowed = loadConfig({ ...AZURE, AUTH_MODE: mode, ALLOW_INSECURE_AUTH_IN_AZURE: 'true' }, NOW);
      assert.equal(allowed.auth.mode, mode);
      assert.equal(allowed.auth.allowInsecureInAzure, true);
    });
  }

  it('treat a blank AUTH_MODE as unset', () => {
    assert.equal(loadConfig({ AUTH_MODE: ' ' }, NOW).auth.mode, 'local');
    assert.equal(loadConfig({ ...AZURE, ...ENTRA, AUTH_MODE: '' }, NOW).auth.mode, 'entra');
  });

  it('allow the development modes outside Azure without any flag', () => {
    for (const mode of ['local', 'passthrough', 'disabled']) assert.equal(loadConfig({ AUTH_MODE: mode }, NOW).auth.mode, mode);
  });

  it('refuse to default to local mode when NODE_ENV=production outside Azure (a container outside Functions)', () => {
    for (const nodeEnv of ['production', ' Production ']) {
      const problems = problemsOf({ NODE_ENV: nodeEnv });
      assert.equal(problems.length, 1);
      assert.match(problems[0] ?? '', /^AUTH_MODE: required when NODE_ENV=production outside Azure .* set AUTH_MODE=entra, or AUTH_MODE=local explicitly for a demo$/);
    }
  });

  it('accept NODE_ENV=production with an explicit AUTH_MODE, in Azure, or with another NODE_ENV', () => {
    assert.equal(loadConfig({ NODE_ENV: 'production', AUTH_MODE: 'entra', ...ENTRA }, NOW).auth.mode, 'entra');
    assert.equal(loadConfig({ NODE_ENV: 'production', AUTH_MODE: 'local' }, NOW).auth.mode, 'local', 'a demo says so explicitly');
    assert.equal(loadConfig({ ...AZURE, ...ENTRA, NODE_ENV: 'production' }, NOW).auth.mode, 'entra');
    for (const nodeEnv of ['development', 'test', '']) assert.equal(loadConfig({ NODE_ENV: nodeEnv }, NOW).auth.mode, 'local');
  });

  it('require https for PUBLIC_BASE_URL in Azure, and allow http elsewhere', () => {
    assert.deepEqual(problemsOf({ ...AZURE, ...ENTRA, PUBLIC_BASE_URL: 'http://mcp.contoso.com' }), [
      'PUBLIC_BASE_URL: must be an https URL in Azure (got "http://mcp.contoso.com")',
    ]);
    assert.equal(loadConfig({ ...AZURE, ...ENTRA, PUBLIC_BASE_URL: 'https://mcp.contoso.com' }, NOW).auth.publicBaseUrl, 'https://mcp.contoso.com');
    assert.equal(loadConfig({ PUBLIC_BASE_URL: 'http://devbox.example:7071' }, NOW).auth.publicBaseUrl, 'http://devbox.example:7071');
  });

  it('require PUBLIC_BASE_URL in Azure when the platform gives no host name', () => {
    const problems = problemsOf({ WEBSITE_INSTANCE_ID: 'a1b2c3', ALLOWED_HOSTS: 'mcp.contoso.com', ALLOWED_ORIGINS: 'https://mcp.contoso.com', ALLOW_INSTANCE_LOCAL_STORE: 'true', ...ENTRA });
    assert.deepEqual(problems, ['PUBLIC_BASE_URL: required in Azure when WEBSITE_HOSTNAME is not set']);
  });

  it('parse every auth setting that is given', () => {
    const { auth } = loadConfig(
      {
        AUTH_MODE: 'entra',
        AUTH_AUDIENCE: ' api://contoso-mcp , 6f1c2b9e-0d3a-4c5e-9b8a-7e6d5c4b3a21 ',
        ALLOWED_TENANTS: `${TENANT_A.toUpperCase()},${TENANT_B}`,
        ENTRA_TENANT_ID: TENANT_B,
        REQUIRED_SCOPE: 'Contoso.Mcp',
        ENTRA_AUTHORITY_HOST: 'https://login.microsoftonline.us/',
        JWKS_CACHE_MAX_AGE_MS: '60000',
        JWKS_COOLDOWN_MS: '0',
        JWKS_TIMEOUT_MS: '1500',
        JWKS_RETRY_MAX_ATTEMPTS: '3',
        JWKS_RETRY_INITIAL_DELAY_MS: '50',
        JWKS_RETRY_MAX_DELAY_MS: '500',
        JWKS_BREAKER_FAILURES: '4',
        JWKS_BREAKER_HALF_OPEN_MS: '20000',
        CLOCK_TOLERANCE_SECONDS: '300',
        MAX_TOKEN_LIFETIME_SECONDS: '5400',
        DATA_DIR: '/srv/contoso',
        LOCAL_ISSUER_KEY_FILE: 'keys/issuer.json',
        PUBLIC_BASE_URL: 'https://MCP.Contoso.com/',
        READ_ROLE: 'Contoso.Read',
        WRITE_ROLE: 'Contoso.Write',
        SECURITY_ROLE: 'Contoso.Security',
        ADMIN_ROLE: 'Contoso.Admin',
        DEV_IDENTITY_ROLES: 'Contoso.Write',
      },
      NOW,
    );

    assert.equal(auth.mode, 'entra');
    assert.deepEqual(auth.audiences, ['api://contoso-mcp', '6f1c2b9e-0d3a-4c5e-9b8a-7e6d5c4b3a21']);
    assert.deepEqual(auth.allowedTenants, [TENANT_A, TENANT_B]);
    assert.equal(auth.entraTenantId, TENANT_B);
    assert.equal(auth.requiredScope, 'Contoso.Mcp');
    assert.equal(auth.authorityHost, 'https://login.microsoftonline.us');
    assert.equal(auth.jwksUri, 'https://login.microsoftonline.us/common/discovery/v2.0/keys');
    assert.equal(auth.jwksCacheMaxAgeMs, 60_000);
    assert.equal(auth.jwksCooldownMs, 0);
    assert.deepEqual(auth.jwksPolicy, { timeoutMs: 1_500, retry: { maxAttempts: 3, initialDelayMs: 50, maxDelayMs: 500 }, breaker: { failureThreshold: 4, halfOpenAfterMs: 20_000 } });
    assert.equal(auth.clockToleranceSeconds, 300);
    assert.equal(auth.maxTokenLifetimeSeconds, 5400);
    assert.equal(auth.localIssuerKeyFile, path.resolve('/srv/contoso', 'keys', 'issuer.json'));
    assert.equal(auth.publicBaseUrl, 'https://mcp.contoso.com');
    assert.deepEqual(auth.roles, { read: 'Contoso.Read', write: 'Contoso.Write', security: 'Contoso.Security', admin: 'Contoso.Admin' });
    assert.deepEqual(auth.devIdentityRoles, ['Contoso.Write']);
  });

  it('keep an explicit ENTRA_JWKS_URI and an absolute key file path', () => {
    const keyFile = path.resolve('/keys/issuer.json');
    const { auth } = loadConfig({ ENTRA_JWKS_URI: 'https://keys.example.com/jwks', LOCAL_ISSUER_KEY_FILE: keyFile, PORT: '8080' }, NOW);

    assert.equal(auth.jwksUri, 'https://keys.example.com/jwks');
    assert.equal(auth.localIssuerKeyFile, keyFile);
    assert.equal(auth.publicBaseUrl, 'http://localhost:8080');
  });

  it('name every bad auth setting at once', () => {
    const problems = problemsOf({
      AUTH_MODE: 'none',
      AUTH_AUDIENCE: 'api://a b',
      ALLOWED_TENANTS: 'contoso.onmicrosoft.com',
      ENTRA_TENANT_ID: 'common',
      REQUIRED_SCOPE: 'MCP Access',
      ENTRA_AUTHORITY_HOST: 'http://login.microsoftonline.com',
      ENTRA_JWKS_URI: 'not a url',
      JWKS_CACHE_MAX_AGE_MS: '10',
      JWKS_COOLDOWN_MS: '-1',
      JWKS_TIMEOUT_MS: '0',
      JWKS_RETRY_MAX_ATTEMPTS: 'soon',
      CLOCK_TOLERANCE_SECONDS: '301',
      MAX_TOKEN_LIFETIME_SECONDS: '604801',
      PUBLIC_BASE_URL: 'https://app.example.com/api',
      READ_ROLE: 'read,all',
      WRITE_ROLE: 'support write',
      DEV_IDENTITY_ROLES: 'admin,,bad role',
      ALLOW_INSECURE_AUTH_IN_AZURE: 'maybe',
    });

    assert.deepEqual(
      problems.map((problem) => problem.split(':')[0]),
      [
        'AUTH_MODE',
        'AUTH_AUDIENCE',
        'ALLOWED_TENANTS',
        'ENTRA_TENANT_ID',
        'REQUIRED_SCOPE',
        'ENTRA_AUTHORITY_HOST',
        'ENTRA_JWKS_URI',
        'JWKS_CACHE_MAX_AGE_MS',
        'JWKS_COOLDOWN_MS',
        'JWKS_TIMEOUT_MS',
        'JWKS_RETRY_MAX_ATTEMPTS',
        'CLOCK_TOLERANCE_SECONDS',
        'MAX_TOKEN_LIFETIME_SECONDS',
        'PUBLIC_BASE_URL',
        'READ_ROLE',
        'WRITE_ROLE',
        'DEV_IDENTITY_ROLES',
        'ALLOW_INSECURE_AUTH_IN_AZURE',
      ],
    );
    assert.ok(problems.includes('ALLOWED_TENANTS: expected a comma-separated list of tenant ids (GUIDs) (got "contoso.onmicrosoft.com")'));
    assert.ok(problems.includes('CLOCK_TOLERANCE_SECONDS: expected a whole number from 0 to 300 (got "301")'));
    assert.ok(problems.includes('MAX_TOKEN_LIFETIME_SECONDS: expected a whole number from 300 to 604800 (got "604801")'));
    assert.ok(problems.includes('PUBLIC_BASE_URL: expected an http(s) URL with no path, query or fragment (got "https://app.example.com/api")'));
  });

  it('refuse a longest JWKS retry pause shorter than the first', () => {
    assert.deepEqual(problemsOf({ JWKS_RETRY_INITIAL_DELAY_MS: '5000', JWKS_RETRY_MAX_DELAY_MS: '4000' }), [
      'JWKS_RETRY_MAX_DELAY_MS: must be at least JWKS_RETRY_INITIAL_DELAY_MS (5000) (got 4000)',
    ]);
  });

  it('refuse two roles sharing one app role name', () => {
    const expected = ['READ_ROLE/WRITE_ROLE/SECURITY_ROLE/ADMIN_ROLE: expected four different role names'];
    assert.deepEqual(problemsOf({ WRITE_ROLE: 'admin' }), expected);
    assert.deepEqual(problemsOf({ READ_ROLE: 'support.write' }), expected);
    assert.deepEqual(problemsOf({ READ_ROLE: 'Contoso.Support', SECURITY_ROLE: 'Contoso.Support' }), expected);
  });

  it('default the development identity to every role, read included, under their configured names', () => {
    const { auth } = loadConfig({ READ_ROLE: 'Contoso.Read', ADMIN_ROLE: 'Contoso.Admin' }, NOW);
    assert.deepEqual(auth.devIdentityRoles, ['Contoso.Read', 'support.write', 'security', 'Contoso.Admin']);
  });

  it('are deeply frozen', () => {
    const { auth } = loadConfig({}, NOW);
    for (const part of [auth, auth.audiences, auth.allowedTenants, auth.roles, auth.devIdentityRoles]) assert.ok(Object.isFrozen(part));
  });
});
