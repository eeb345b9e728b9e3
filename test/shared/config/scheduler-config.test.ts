// Tests of the scheduler settings: no URL, no scheduler; the auth mode (managed identity by default
// in Azure, `none` refused there, an audience required for tokens); the policy settings, their
// bounds, and the rule that a whole scheduler call fits in one tool call's time budget.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../shared/config/load-config.js';
import { tokenScopeOf } from '../../../shared/config/scheduler-config.js';
import { configProblems as problemsAt } from '../../support/config-problems.js';

const NOW = new Date('2026-06-15T12:00:00Z');
const configProblems = (env: Record<string, string>) => problemsAt(env, NOW).join('\n');
const AZURE = {
  WEBSITE_INSTANCE_ID: 'a1b2c3',
  WEBSITE_HOSTNAME: 'contoso-mcp.azurewebsites.net',
  AUTH_AUDIENCE: 'api://contoso-mcp',
  ALLOWED_TENANTS: '11111111-1111-4111-8111-111111111111',
  ALLOW_INSTANCE_LOCAL_STORE: 'true',
};
const REMOTE = 'https://scheduler.contoso.example/mcp';

describe('scheduler settings', () => {
  it('leave the scheduler out without SCHEDULER_URL', () => {
    assert.equal(loadConfig({}, NOW).scheduler, undefined);
  });

  it('default to no credentials locally and the documented policy', () => {
    assert.deepEqual(loadConfig({ SCHEDULER_URL: 'http://127.0.0.1:7072/mcp' }, NOW).scheduler, {
      url: 'http://127.0.0.1:7072/mcp',
      auth: { kind: 'none' },
      policy: { timeoutMs: 5000, retry: { maxAttempts: 3, initialDelayMs: 200, maxDelayMs: 2000 }, breaker: { failureThreshold: 5, halfOpenAfterMs: 30_000 } },
    });
  });

  it('default to a managed-identity token for SCHEDULER_AUDIENCE in Azure', () => {
    const scheduler = loadConfig({ ...AZURE, SCHEDULER_URL: REMOTE, SCHEDULER_AUDIENCE: 'api://contoso-scheduler', AZURE_CLIENT_ID: '22222222-2222-4222-8222-222222222222' }, NOW).scheduler;
    assert.deepEqual(scheduler?.auth, { kind: 'managed-identity', scope: 'api://contoso-scheduler/.default', managedIdentityClientId: '22222222-2222-4222-8222-222222222222' });
    assert.match(configProblems({ ...AZURE, SCHEDULER_URL: REMOTE }), /SCHEDULER_AUDIENCE: required with SCHEDULER_AUTH=managed-identity/);
  });

  it('take an API key from the secrets in Azure, and refuse no credentials there', () => {
    assert.deepEqual(loadConfig({ ...AZURE, SCHEDULER_URL: REMOTE, SCHEDULER_AUTH: 'api-key', KEYVAULT_URI: 'https://contoso-kv.vault.azure.net' }, NOW).scheduler?.auth, { kind: 'api-key' });
    assert.match(configProblems({ ...AZURE, SCHEDULER_URL: REMOTE, SCHEDULER_AUTH: 'api-key' }), /SCHEDULER_API_KEY: required with SCHEDULER_AUTH=api-key when there is no KEYVAULT_URI/);
    assert.match(configProblems({ ...AZURE, SCHEDULER_URL: REMOTE, SCHEDULER_AUTH: 'none' }), /SCHEDULER_AUTH: none is refused in Azure/);
  });

  it('need https except on a loopback host, and a known auth mode', () => {
    assert.match(configProblems({ SCHEDULER_URL: 'http://scheduler.contoso.example/mcp' }), /^SCHEDULER_URL: expected an https \(or loopback http\) URL/m);
    assert.match(configProblems({ SCHEDULER_URL: 'https://user:pw@scheduler.contoso.example/mcp' }), /^SCHEDULER_URL: /m);
    assert.match(configProblems({ SCHEDULER_URL: REMOTE, SCHEDULER_AUTH: 'password' }), /^SCHEDULER_AUTH: /m);
  });

  it('read the six policy settings and check their order', () => {
    const env = {
      SCHEDULER_URL: REMOTE,
      SCHEDULER_TIMEOUT_MS: '40',
      SCHEDULER_RETRY_MAX_ATTEMPTS: '4',
      SCHEDULER_RETRY_INITIAL_DELAY_MS: '5',
      SCHEDULER_RETRY_MAX_DELAY_MS: '20',
      SCHEDULER_BREAKER_FAILURES: '2',
      SCHEDULER_BREAKER_HALF_OPEN_MS: '50',
    };
    assert.deepEqual(loadConfig(env, NOW).scheduler?.policy, { timeoutMs: 40, retry: { maxAttempts: 4, initialDelayMs: 5, maxDelayMs: 20 }, breaker: { failureThreshold: 2, halfOpenAfterMs: 50 } });
    assert.match(configProblems({ ...env, SCHEDULER_RETRY_MAX_DELAY_MS: '4' }), /SCHEDULER_RETRY_MAX_DELAY_MS: must be at least SCHEDULER_RETRY_INITIAL_DELAY_MS \(5\)/);
    for (const [name, value] of [
      ['SCHEDULER_TIMEOUT_MS', '0'],
      ['SCHEDULER_RETRY_MAX_ATTEMPTS', '11'],
      ['SCHEDULER_BREAKER_FAILURES', 'many'],
      ['SCHEDULER_BREAKER_HALF_OPEN_MS', '-5'],
    ] as const) {
      assert.match(configProblems({ ...env, [name]: value }), new RegExp(`^${name}: expected a whole number`, 'm'), name);
    }
  });

  it('refuse a policy whose longest call outlasts the tool time budget', () => {
    const problems = configProblems({ SCHEDULER_URL: REMOTE, SCHEDULER_TIMEOUT_MS: '10000', TOOL_TIMEOUT_MS: '30000' });
    assert.match(problems, /SCHEDULER_TIMEOUT_MS: a scheduler call may take 34000 ms .* below TOOL_TIMEOUT_MS \(30000\)/);
  });

  it('turn an audience into a token scope', () => {
    assert.equal(tokenScopeOf('api://contoso-scheduler'), 'api://contoso-scheduler/.default');
    assert.equal(tokenScopeOf('api://contoso-scheduler/'), 'api://contoso-scheduler/.default');
    assert.equal(tokenScopeOf('https://scheduler.contoso.example/.default'), 'https://scheduler.contoso.example/.default');
  });
});
