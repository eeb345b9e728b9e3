// The Function App's app settings and the config schema agree: every setting the app requires in
// Azure is set, every setting is one the schema knows or one of the host's own (a named list),
// and loadConfig, run on the settings Bicep would write (in Azure: WEBSITE_INSTANCE_ID set; values
// only Azure knows and Key Vault references replaced by placeholders), reports no problem, for the
// default deployment and with every option on. local.settings.sample.json likewise, locally.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { before, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../shared/config/load-config.js';
import { SETTING_NAMES } from '../../shared/config/settings-schema.js';
import {
  defaultDeployment,
  everythingDeployment,
  functionAppHostName,
  HOME_TENANT,
  OTHER_ALLOWED_TENANT,
  rawAppSettings,
  resolvedAppSettings,
  loadDeployments,
} from './deployments.js';
import { SNAPSHOT_SCOPE } from './bicep-runner.js';
import { HOST_SETTINGS, LOCAL_HOST_SETTINGS, SETTINGS_PLANNED_BY_OPEN_ISSUES } from './setting-lists.js';

const KEY_VAULT_REFERENCE = /^@Microsoft\.KeyVault\(VaultName=[\w-]+;SecretName=[\w-]+\)$/;
/** What the platform puts in place of a Key Vault reference: a stand-in of the right length. */
const RESOLVED_SECRET = 'placeholder-for-a-key-vault-secret-0123456789abcdef';

/** The environment the app would start with in Azure. */
function azureEnvironment(settings: Record<string, string>, hostName: string): Record<string, string> {
  const env = Object.fromEntries(Object.entries(settings).map(([name, value]) => [name, KEY_VAULT_REFERENCE.test(value) ? RESOLVED_SECRET : value]));
  return { ...env, WEBSITE_INSTANCE_ID: 'test-instance', WEBSITE_HOSTNAME: hostName };
}

/** The settings loadConfig names as missing or wrong in Azure when nothing is set. */
function requiredInAzure(): string[] {
  try {
    loadConfig({ WEBSITE_INSTANCE_ID: 'test-instance', WEBSITE_HOSTNAME: 'app.azurewebsites.net' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.flatMap((problem) => /^([A-Z_]+(?:\/[A-Z_]+)*):/.exec(problem)?.[1]?.split('/') ?? []);
  }
  return [];
}

function loadOrExplain(env: Record<string, string>) {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) assert.fail(`loadConfig refused the deployed settings:\n${error.problems.join('\n')}`);
    throw error;
  }
}

describe('app settings against the config schema', () => {
  before(loadDeployments);

  const known = new Set([...SETTING_NAMES, ...HOST_SETTINGS, ...SETTINGS_PLANNED_BY_OPEN_ISSUES]);

  it('sets every setting the app requires in Azure, and the ones Azure mode needs to be safe', () => {
    const required = requiredInAzure();
    assert.ok(required.length > 0, 'loadConfig names what it needs in Azure');
    for (const deployment of [defaultDeployment(), everythingDeployment()]) {
      const settings = rawAppSettings(deployment);
      for (const name of [...required, 'AUTH_MODE', 'AUTH_AUDIENCE', 'ALLOWED_TENANTS', 'STORE_KIND', 'COSMOSDB_ENDPOINT', 'AZURE_CLIENT_ID', 'MCP_REQUEST_STATE_KEY', 'KEYVAULT_URI', 'APPLICATIONINSIGHTS_CONNECTION_STRING']) {
        assert.ok(name in settings, `${name} is not set on the Function App`);
      }
      assert.equal(settings.AUTH_MODE, 'entra');
      assert.equal(settings.STORE_KIND, 'cosmos');
      assert.match(settings.MCP_REQUEST_STATE_KEY ?? '', KEY_VAULT_REFERENCE, 'the requestState key comes from Key Vault');
    }
  });

  it('sets nothing the schema, the host settings or the planned settings do not know', () => {
    for (const deployment of [defaultDeployment(), everythingDeployment()]) {
      const unknown = Object.keys(rawAppSettings(deployment)).filter((name) => !known.has(name));
      assert.deepEqual(unknown, []);
    }
  });

  it('keeps the planned list honest: a setting the schema now has leaves it', () => {
    const landed = [...SETTINGS_PLANNED_BY_OPEN_ISSUES].filter((name) => SETTING_NAMES.includes(name));
    assert.deepEqual(landed, [], 'remove these from SETTINGS_PLANNED_BY_OPEN_ISSUES');
    const overlap = [...HOST_SETTINGS].filter((name) => SETTING_NAMES.includes(name));
    assert.deepEqual(overlap, [], 'a host setting is not the app\'s');
  });

  it('loads without a problem in Azure, the default deployment', () => {
    const snapshot = defaultDeployment();
    const hostName = functionAppHostName(snapshot);
    const config = loadOrExplain(azureEnvironment(resolvedAppSettings(snapshot), hostName));
    assert.equal(config.runtime.inAzure, true);
    assert.equal(config.auth.mode, 'entra');
    assert.deepEqual(config.auth.allowedTenants, [SNAPSHOT_SCOPE.tenantId], 'the deployment\'s own tenant by default');
    assert.equal(config.auth.publicBaseUrl, `https://${hostName}`, 'no gateway: the app\'s own host');
    assert.equal(config.store.kind, 'cosmos');
    if (config.store.kind === 'cosmos') {
      assert.equal(config.store.cosmos.key, undefined);
      assert.equal(config.store.cosmos.createContainers, false, 'the infra creates the containers');
      assert.match(config.store.cosmos.managedIdentityClientId ?? '', /^[0-9a-f-]{36}$/);
    }
    assert.ok(config.mcp.requestStateKey, 'multi-round-trip requestState works across instances');
    assert.equal(config.azureOpenAi, undefined, 'no experts by default');
  });

  it('loads without a problem in Azure with every option on, naming the gateway as the public URL', () => {
    const snapshot = everythingDeployment();
    const settings = resolvedAppSettings(snapshot);
    const config = loadOrExplain(azureEnvironment(settings, functionAppHostName(snapshot)));
    assert.deepEqual(config.auth.allowedTenants, [HOME_TENANT, OTHER_ALLOWED_TENANT]);
    assert.match(config.auth.publicBaseUrl, /^https:\/\/apim-[a-z0-9]+\.azure-api\.net$/);
    assert.equal(settings.DURABLE_TASK_SCHEDULER_CONNECTION_STRING?.includes('Authentication=ManagedIdentity'), true);
    assert.doesNotMatch(JSON.stringify(settings), /AccountKey=|SharedAccessKey=|api-key/i);
    // Experts on: the Azure OpenAI account's endpoint and its two deployments, signed in as the app's identity.
    assert.match(config.azureOpenAi?.endpoint ?? '', /^https:\/\/oai-[a-z0-9]+\.openai\.azure\.com$/);
    assert.equal(config.azureOpenAi?.chatDeployment, 'chat');
    assert.equal(config.azureOpenAi?.embeddingDeployment, 'embedding');
    assert.equal(config.azureOpenAi?.apiKey, undefined, 'Entra ID, no key');
    assert.match(config.azureOpenAi?.managedIdentityClientId ?? '', /^[0-9a-f-]{36}$/);
  });

  it('leaves local.settings.sample.json loading in local mode, with nothing unknown in it', () => {
    const sample = JSON.parse(fs.readFileSync('local.settings.sample.json', 'utf8')) as { Values: Record<string, string> };
    const unknown = Object.keys(sample.Values).filter((name) => !SETTING_NAMES.includes(name) && !LOCAL_HOST_SETTINGS.has(name) && !SETTINGS_PLANNED_BY_OPEN_ISSUES.has(name));
    assert.deepEqual(unknown, []);
    const config = loadOrExplain(sample.Values);
    assert.equal(config.runtime.inAzure, false);
    assert.equal(config.auth.mode, 'local');
  });
});
