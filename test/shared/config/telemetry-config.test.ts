// Tests of the telemetry settings: off without a connection string, Entra sign-in in Azure or with
// AZURE_CLIENT_ID, the sampling ratio's range, and connection strings refused without echoing them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../shared/config/load-config.js';
import { connectionStringProblem } from '../../../shared/config/telemetry-config.js';
import { configProblems } from '../../support/config-problems.js';

const NOW = new Date('2026-03-15T22:45:00Z');
const IKEY = '00000000-0000-4000-8000-0000000000a1';
const CONNECTION = `InstrumentationKey=${IKEY};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/`;
const AZURE = {
  WEBSITE_INSTANCE_ID: 'a1b2c3',
  ALLOW_INSTANCE_LOCAL_STORE: 'true',
  WEBSITE_HOSTNAME: 'contoso-mcp.azurewebsites.net',
  AUTH_AUDIENCE: 'api://contoso-mcp',
  ALLOWED_TENANTS: '11111111-1111-4111-8111-111111111111',
};
const CLIENT_ID = '22222222-2222-4222-8222-222222222222';

describe('telemetry settings', () => {
  it('are off, keeping every trace, without a connection string', () => {
    assert.deepEqual(loadConfig({}, NOW).telemetry, { connectionString: undefined, credential: { kind: 'instrumentation-key' }, samplingRatio: 1 });
    assert.equal(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: '  ' }, NOW).telemetry.connectionString, undefined);
  });

  it('sign in with the instrumentation key outside Azure, with Entra ID in Azure or with AZURE_CLIENT_ID', () => {
    const local = loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION }, NOW).telemetry;
    assert.equal(local.connectionString, CONNECTION);
    assert.deepEqual(local.credential, { kind: 'instrumentation-key' });
    assert.deepEqual(loadConfig({ ...AZURE, APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION }, NOW).telemetry.credential, { kind: 'entra', managedIdentityClientId: undefined });
    assert.deepEqual(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION, AZURE_CLIENT_ID: CLIENT_ID }, NOW).telemetry.credential, {
      kind: 'entra',
      managedIdentityClientId: CLIENT_ID,
    });
  });

  it('take a sampling ratio from 0 to 1', () => {
    for (const [raw, ratio] of [['0', 0], ['0.25', 0.25], ['.5', 0.5], ['1', 1], ['1.0', 1]] as const) {
      assert.equal(loadConfig({ TELEMETRY_SAMPLING_RATIO: raw }, NOW).telemetry.samplingRatio, ratio, raw);
    }
    for (const raw of ['1.5', '-0.1', 'half', '25%', '1e-1']) {
      assert.deepEqual(configProblems({ TELEMETRY_SAMPLING_RATIO: raw }, NOW), [`TELEMETRY_SAMPLING_RATIO: expected a number from 0 to 1 (e.g. 0.25) (got ${JSON.stringify(raw)})`], raw);
    }
  });

  it('refuse a connection string without an instrumentation key, or with a plain-http ingestion endpoint, without echoing it', () => {
    const secretish = 'InstrumentationKey=not-a-guid;IngestionEndpoint=https://example.invalid/';
    const problems = configProblems({ APPLICATIONINSIGHTS_CONNECTION_STRING: secretish }, NOW);
    assert.deepEqual(problems, ['APPLICATIONINSIGHTS_CONNECTION_STRING: expected an InstrumentationKey=<GUID> pair']);
    assert.ok(!problems.join('\n').includes('not-a-guid'));
    assert.match(connectionStringProblem(`InstrumentationKey=${IKEY};IngestionEndpoint=http://127.0.0.1:9/`) ?? '', /https URL/);
    assert.match(connectionStringProblem('just-a-key') ?? '', /Key=Value pairs/);
    assert.equal(connectionStringProblem(`instrumentationkey=${IKEY.toUpperCase()};`), undefined);
  });
});
