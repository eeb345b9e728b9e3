// Tests of the Azure OpenAI and expert settings: no endpoint means no experts; an endpoint needs a
// chat deployment; API keys are refused in Azure and never echoed; the turn bounds' ranges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../shared/config/load-config.js';
import { configProblems as problemsAt } from '../../support/config-problems.js';

const configProblems = (env: Record<string, string>) => problemsAt(env, new Date('2026-06-15T12:00:00Z'));
const AZURE = { WEBSITE_INSTANCE_ID: 'i', WEBSITE_HOSTNAME: 'app.azurewebsites.net', STORE_KIND: 'cosmos', COSMOSDB_ENDPOINT: 'https://a.documents.azure.com', AUTH_AUDIENCE: 'api://x', ALLOWED_TENANTS: '00000000-0000-0000-0000-00000000c0de' };

describe('Azure OpenAI settings', () => {
  it('default to no Azure OpenAI, six steps and a 90 s turn', () => {
    const config = loadConfig({});
    assert.equal(config.azureOpenAi, undefined);
    assert.deepEqual(config.experts, { maxSteps: 6, timeBudgetSeconds: 90 });
  });

  it('read the endpoint (as its origin), deployments, API version and key', () => {
    const config = loadConfig({
      AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com/',
      AZURE_OPENAI_CHAT_DEPLOYMENT: 'gpt-4o',
      AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'text-embedding-3-small',
      AZURE_OPENAI_API_VERSION: '2025-04-01-preview',
      AZURE_OPENAI_API_KEY: 'k'.repeat(32),
      EXPERT_MAX_STEPS: '3',
      EXPERT_TIME_BUDGET_SECONDS: '45',
    });
    assert.deepEqual(config.azureOpenAi, {
      endpoint: 'https://contoso.openai.azure.com',
      chatDeployment: 'gpt-4o',
      apiVersion: '2025-04-01-preview',
      embeddingDeployment: 'text-embedding-3-small',
      apiKey: 'k'.repeat(32),
      managedIdentityClientId: undefined,
      policy: { timeoutMs: 60_000, retry: { maxAttempts: 3, initialDelayMs: 500, maxDelayMs: 10_000 }, breaker: { failureThreshold: 5, halfOpenAfterMs: 30_000 } },
    });
    assert.deepEqual(config.experts, { maxSteps: 3, timeBudgetSeconds: 45 });
    assert.equal(loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://c.openai.azure.com', AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat' }).azureOpenAi?.apiVersion, '2024-10-21');
  });

  it('need a chat deployment with an endpoint, and refuse deployments or a key without one', () => {
    assert.match(configProblems({ AZURE_OPENAI_ENDPOINT: 'https://c.openai.azure.com' }).join('\n'), /^AZURE_OPENAI_CHAT_DEPLOYMENT: required with AZURE_OPENAI_ENDPOINT/m);
    assert.match(configProblems({ AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat' }).join('\n'), /^AZURE_OPENAI_CHAT_DEPLOYMENT: has no effect without AZURE_OPENAI_ENDPOINT/m);
  });

  it('read the azure_openai resilience policy from its six settings, refusing a longest pause below the first', () => {
    const base = { AZURE_OPENAI_ENDPOINT: 'https://c.openai.azure.com', AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat' };
    const config = loadConfig({
      ...base,
      AZURE_OPENAI_TIMEOUT_MS: '30000',
      AZURE_OPENAI_RETRY_MAX_ATTEMPTS: '2',
      AZURE_OPENAI_RETRY_INITIAL_DELAY_MS: '100',
      AZURE_OPENAI_RETRY_MAX_DELAY_MS: '4000',
      AZURE_OPENAI_BREAKER_FAILURES: '8',
      AZURE_OPENAI_BREAKER_HALF_OPEN_MS: '15000',
    });
    assert.deepEqual(config.azureOpenAi?.policy, { timeoutMs: 30_000, retry: { maxAttempts: 2, initialDelayMs: 100, maxDelayMs: 4_000 }, breaker: { failureThreshold: 8, halfOpenAfterMs: 15_000 } });
    assert.match(configProblems({ ...base, AZURE_OPENAI_RETRY_INITIAL_DELAY_MS: '5000', AZURE_OPENAI_RETRY_MAX_DELAY_MS: '100' }).join('\n'), /^AZURE_OPENAI_RETRY_MAX_DELAY_MS: must be at least AZURE_OPENAI_RETRY_INITIAL_DELAY_MS/m);
    assert.match(configProblems({ ...base, AZURE_OPENAI_RETRY_MAX_ATTEMPTS: '11' }).join('\n'), /^AZURE_OPENAI_RETRY_MAX_ATTEMPTS: /m);
  });

  it('refuse an API key in Azure, without echoing it', () => {
    const problems = configProblems({ ...AZURE, AZURE_OPENAI_ENDPOINT: 'https://c.openai.azure.com', AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat', AZURE_OPENAI_API_KEY: 'secret-key-value-123456' }).join('\n');
    assert.match(problems, /AZURE_OPENAI_API_KEY: API keys are for local use and are refused in Azure/);
    assert.ok(!problems.includes('secret-key-value-123456'));
    const short = configProblems({ AZURE_OPENAI_ENDPOINT: 'https://c.openai.azure.com', AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat', AZURE_OPENAI_API_KEY: 'short' }).join('\n');
    assert.match(short, /AZURE_OPENAI_API_KEY: expected a secret/);
    assert.ok(!short.includes('"short"'));
  });

  it('refuse malformed and out-of-range values with the setting named', () => {
    for (const [name, value] of [
      ['AZURE_OPENAI_ENDPOINT', 'http://contoso.openai.azure.com'],
      ['AZURE_OPENAI_ENDPOINT', 'https://c.openai.azure.com/openai/deployments'],
      ['AZURE_OPENAI_API_VERSION', 'latest'],
      ['AZURE_OPENAI_CHAT_DEPLOYMENT', 'has space'],
      ['EXPERT_MAX_STEPS', '0'],
      ['EXPERT_MAX_STEPS', '21'],
      ['EXPERT_TIME_BUDGET_SECONDS', '201'],
      ['EXPERT_TIME_BUDGET_SECONDS', '4'],
    ] as const) {
      assert.match(configProblems({ [name]: value }).join('\n'), new RegExp(`^${name}: `, 'm'), `${name}=${value}`);
    }
  });
});
