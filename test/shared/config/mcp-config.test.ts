// Tests of the mcp settings: the requestState key (a public development default locally, none in
// Azure, at least 32 characters and never echoed) and the conformance fixtures, refused in Azure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../shared/config/load-config.js';
import { configProblems } from '../../support/config-problems.js';
import { DEVELOPMENT_REQUEST_STATE_KEY } from '../../../shared/config/mcp-config.js';

const NOW = new Date('2026-03-15T22:45:00Z');
const AZURE = {
  WEBSITE_INSTANCE_ID: 'a1b2c3',
  ALLOW_INSTANCE_LOCAL_STORE: 'true',
  WEBSITE_HOSTNAME: 'contoso-mcp.azurewebsites.net',
  AUTH_AUDIENCE: 'api://contoso-mcp',
  ALLOWED_TENANTS: '11111111-1111-4111-8111-111111111111',
};
const KEY = 'k'.repeat(32);

const problemsOf = (env: Record<string, string | undefined>) => configProblems(env, NOW);

describe('mcp settings', () => {
  it('default to the development requestState key and no fixtures outside Azure', () => {
    const { mcp } = loadConfig({}, NOW);

    assert.deepEqual(mcp, { toolTimeoutMs: 30_000, requestStateKey: DEVELOPMENT_REQUEST_STATE_KEY, conformanceFixtures: false });
    assert.ok(DEVELOPMENT_REQUEST_STATE_KEY.length >= 32);
  });

  it('have no requestState key in Azure unless MCP_REQUEST_STATE_KEY is set', () => {
    assert.equal(loadConfig(AZURE, NOW).mcp.requestStateKey, undefined);
    assert.equal(loadConfig({ ...AZURE, MCP_REQUEST_STATE_KEY: ` ${KEY} ` }, NOW).mcp.requestStateKey, KEY);
  });

  it('refuse a requestState key under 32 characters without echoing it', () => {
    const problems = problemsOf({ MCP_REQUEST_STATE_KEY: 'short-secret-value' });

    assert.deepEqual(problems, ['MCP_REQUEST_STATE_KEY: expected a secret of at least 32 characters']);
  });

  it('refuse the public development key when given explicitly in Azure or with NODE_ENV=production, without echoing it', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [AZURE, /^MCP_REQUEST_STATE_KEY: the public development key is refused in Azure; set a secret of your own/],
      [{ NODE_ENV: 'production', AUTH_MODE: 'local' }, /^MCP_REQUEST_STATE_KEY: the public development key is refused when NODE_ENV=production; /],
    ];
    for (const [env, message] of cases) {
      const problems = problemsOf({ ...env, MCP_REQUEST_STATE_KEY: DEVELOPMENT_REQUEST_STATE_KEY });
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0] ?? '', message);
      assert.ok(!problems[0]?.includes(DEVELOPMENT_REQUEST_STATE_KEY));
    }
  });

  it('accept the development key given explicitly on a development machine', () => {
    assert.equal(loadConfig({ MCP_REQUEST_STATE_KEY: DEVELOPMENT_REQUEST_STATE_KEY }, NOW).mcp.requestStateKey, DEVELOPMENT_REQUEST_STATE_KEY);
  });

  it('have no default requestState key with NODE_ENV=production, as in Azure', () => {
    const production = { NODE_ENV: 'production', AUTH_MODE: 'local' };
    assert.equal(loadConfig(production, NOW).mcp.requestStateKey, undefined);
    assert.equal(loadConfig({ ...production, MCP_REQUEST_STATE_KEY: KEY }, NOW).mcp.requestStateKey, KEY);
  });

  it('turn the conformance fixtures on locally', () => {
    assert.equal(loadConfig({ MCP_CONFORMANCE_FIXTURES: 'true' }, NOW).mcp.conformanceFixtures, true);
  });

  it('refuse the conformance fixtures in Azure, whatever else is allowed', () => {
    for (const env of [{ ...AZURE }, { ...AZURE, AUTH_MODE: 'disabled', ALLOW_INSECURE_AUTH_IN_AZURE: 'true' }]) {
      const problems = problemsOf({ ...env, MCP_CONFORMANCE_FIXTURES: 'true' });
      assert.equal(problems.length, 1);
      assert.match(problems[0] ?? '', /^MCP_CONFORMANCE_FIXTURES: .* refused in Azure/);
    }
  });
});
