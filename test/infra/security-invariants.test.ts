// Security invariants of the deployment, read from the compiled ARM templates and from snapshots
// of main.bicep (the resources a deployment would create): no secret, key or keyed connection
// string in an output or an app setting; every secret parameter @secure(); one data-plane role per
// resource the app uses, scoped to that resource and granted to the app's identity only; shared
// keys, Cosmos DB keys and telemetry keys off; Key Vault in RBAC mode with purge protection; HTTPS
// only and TLS 1.2 everywhere; no FTP or basic publishing credentials.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { infraArtifacts, type PredictedResource, type Snapshot } from './bicep-runner.js';
import { defaultDeployment, everythingDeployment, loadDeployments, onlyResourceOfType, rawAppSettings, resourcesOfType } from './deployments.js';

/** Parameter names that hold secrets. */
const SECRET_NAME = /secret|apikey|statekey|password|marker/i;
/** ARM functions that read keys or secrets. */
const KEY_READERS = /\blist(Keys|Secrets|ConnectionStrings|AccountSas|ServiceSas|Credentials?)\s*\(/i;
/** What a keyed connection string or a key looks like. */
const KEYED = /AccountKey=|SharedAccessKey=|SharedAccessSignature=|sig=|api-key/i;

interface CompiledTemplate {
  parameters?: Record<string, { type: string }>;
  outputs?: Record<string, { type: string; value: unknown }>;
}

function compiledTemplates(): { file: string; template: CompiledTemplate; text: string }[] {
  const { outDir } = infraArtifacts();
  const files = fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.json'));
  return files.map((file) => {
    const text = fs.readFileSync(path.join(outDir, file), 'utf8');
    return { file, template: JSON.parse(text) as CompiledTemplate, text };
  });
}

const ROLE = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6',
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb',
  durableTaskDataContributor: '0ad04412-c4d5-4796-b79c-f76d14c8d402',
  openAiUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd',
};

/** Role assignments as (scope resource type, role id, principal). */
function roleAssignments(snapshot: Snapshot): { scope: string; scopeType: string; role: string; principal: string }[] {
  return resourcesOfType(snapshot, 'Microsoft.Authorization/roleAssignments').map((assignment) => {
    const scope = assignment.id.slice(0, assignment.id.indexOf('/providers/Microsoft.Authorization/'));
    const properties = assignment.properties as { roleDefinitionId: string; principalId: string };
    return {
      scope,
      scopeType: /\/providers\/([^/]+\/[^/]+)\/[^/]+$/.exec(scope)?.[1] ?? scope,
      role: properties.roleDefinitionId.split('/').pop() ?? '',
      principal: properties.principalId,
    };
  });
}

const identityPrincipal = (snapshot: Snapshot): string => {
  const identity = onlyResourceOfType(snapshot, 'Microsoft.ManagedIdentity/userAssignedIdentities');
  return `[reference('${identity.id}', '${identity.apiVersion}').principalId]`;
};

const props = (resource: PredictedResource): Record<string, unknown> => resource.properties ?? {};

describe('security invariants', () => {
  before(loadDeployments);

  it('declares every secret parameter @secure(), in main.bicep and every module', () => {
    for (const { file, template } of compiledTemplates()) {
      for (const [name, parameter] of Object.entries(template.parameters ?? {})) {
        if (SECRET_NAME.test(name)) assert.equal(parameter.type.toLowerCase(), 'securestring', `${file}: ${name}`);
      }
    }
  });

  it('reads no key anywhere and puts no secret in an output', () => {
    for (const { file, template, text } of compiledTemplates()) {
      assert.doesNotMatch(text, KEY_READERS, `${file} reads keys`);
      for (const [name, output] of Object.entries(template.outputs ?? {})) {
        assert.ok(!/^secure/i.test(output.type) && !SECRET_NAME.test(name), `${file}: output ${name}`);
        const secureParameters = Object.entries(template.parameters ?? {}).filter(([, p]) => /^secure/i.test(p.type)).map(([n]) => n);
        for (const secure of secureParameters) assert.doesNotMatch(JSON.stringify(output.value), new RegExp(`parameters\\('${secure}'\\)`), `${file}: output ${name}`);
      }
    }
  });

  it('puts no key, keyed connection string or secret value in an app setting', () => {
    for (const snapshot of [defaultDeployment(), everythingDeployment()]) {
      for (const [name, value] of Object.entries(rawAppSettings(snapshot))) {
        assert.doesNotMatch(value, KEYED, name);
        assert.doesNotMatch(value, /\[parameters\(/, `${name} carries a parameter (secrets go through Key Vault references)`);
      }
      const settings = rawAppSettings(snapshot);
      assert.match(settings.MCP_REQUEST_STATE_KEY ?? '', /^@Microsoft\.KeyVault\(/);
      assert.match(settings.APPLICATIONINSIGHTS_AUTHENTICATION_STRING ?? '', /^\[format\('Authorization=AAD;ClientId=\{0\}'/);
      // The telemetry connection string only names the component: local auth is off, so it grants nothing.
      assert.equal(props(onlyResourceOfType(snapshot, 'Microsoft.Insights/components')).DisableLocalAuth, true);
    }
  });

  it('grants one data role per resource the app uses, scoped to that resource, to the app\'s identity only', () => {
    const expectations: [Snapshot, Record<string, string[]>][] = [
      [
        defaultDeployment(),
        {
          'Microsoft.Storage/storageAccounts': [ROLE.blobDataOwner, ROLE.queueDataContributor, ROLE.tableDataContributor],
          'Microsoft.KeyVault/vaults': [ROLE.keyVaultSecretsUser],
          'Microsoft.Insights/components': [ROLE.monitoringMetricsPublisher],
        },
      ],
      [
        everythingDeployment(),
        {
          'Microsoft.Storage/storageAccounts': [ROLE.blobDataOwner],
          'Microsoft.KeyVault/vaults': [ROLE.keyVaultSecretsUser],
          'Microsoft.Insights/components': [ROLE.monitoringMetricsPublisher],
          'Microsoft.DurableTask/schedulers': [ROLE.durableTaskDataContributor],
          'Microsoft.CognitiveServices/accounts': [ROLE.openAiUser],
        },
      ],
    ];
    for (const [snapshot, expected] of expectations) {
      const assignments = roleAssignments(snapshot);
      const principal = identityPrincipal(snapshot);
      for (const assignment of assignments) {
        assert.equal(assignment.principal, principal, `${assignment.role} on ${assignment.scope}`);
        assert.match(assignment.scope, /\/resourceGroups\/[^/]+\/providers\/[^/]+\/[^/]+\/[^/]+$/, 'one resource, not a group or subscription');
      }
      const granted: Record<string, string[]> = {};
      for (const assignment of assignments) (granted[assignment.scopeType] ??= []).push(assignment.role);
      for (const roles of Object.values(granted)) roles.sort();
      assert.deepEqual(granted, Object.fromEntries(Object.entries(expected).map(([type, roles]) => [type, [...roles].sort()])));

      const cosmosGrant = onlyResourceOfType(snapshot, 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
      const account = onlyResourceOfType(snapshot, 'Microsoft.DocumentDB/databaseAccounts');
      const grant = props(cosmosGrant) as { principalId: string; scope: string; roleDefinitionId: string };
      assert.equal(grant.principalId, principal);
      assert.equal(grant.scope, account.id);
      assert.equal(grant.roleDefinitionId, `${account.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002`, 'Built-in Data Contributor');
    }
  });

  it('turns shared keys, local auth and public blob access off, and keeps Key Vault in RBAC mode with purge protection', () => {
    for (const snapshot of [defaultDeployment(), everythingDeployment()]) {
      const storage = props(onlyResourceOfType(snapshot, 'Microsoft.Storage/storageAccounts'));
      assert.equal(storage.allowSharedKeyAccess, false);
      assert.equal(storage.allowBlobPublicAccess, false);
      assert.equal(storage.supportsHttpsTrafficOnly, true);
      assert.equal(storage.minimumTlsVersion, 'TLS1_2');
      for (const container of resourcesOfType(snapshot, 'Microsoft.Storage/storageAccounts/blobServices/containers')) {
        assert.equal(props(container).publicAccess, 'None', container.name);
      }
      assert.equal(props(onlyResourceOfType(snapshot, 'Microsoft.DocumentDB/databaseAccounts')).disableLocalAuth, true);
      assert.equal(props(onlyResourceOfType(snapshot, 'Microsoft.DocumentDB/databaseAccounts')).minimalTlsVersion, 'Tls12');
      const vault = props(onlyResourceOfType(snapshot, 'Microsoft.KeyVault/vaults'));
      assert.deepEqual([vault.enableRbacAuthorization, vault.enablePurgeProtection, vault.enableSoftDelete], [true, true, true]);
      assert.equal(props(onlyResourceOfType(snapshot, 'Microsoft.Insights/components')).DisableLocalAuth, true);
      const workspace = props(onlyResourceOfType(snapshot, 'Microsoft.OperationalInsights/workspaces')) as { features: { disableLocalAuth: boolean } };
      assert.equal(workspace.features.disableLocalAuth, true);
    }
    const openAi = props(onlyResourceOfType(everythingDeployment(), 'Microsoft.CognitiveServices/accounts'));
    assert.equal(openAi.disableLocalAuth, true);
  });

  it('serves the Function App over HTTPS only with TLS 1.2, no FTP or basic credentials, as the user-assigned identity', () => {
    for (const snapshot of [defaultDeployment(), everythingDeployment()]) {
      const site = onlyResourceOfType(snapshot, 'Microsoft.Web/sites');
      const identity = onlyResourceOfType(snapshot, 'Microsoft.ManagedIdentity/userAssignedIdentities');
      const properties = props(site) as {
        httpsOnly: boolean;
        keyVaultReferenceIdentity: string;
        siteConfig: { minTlsVersion: string; scmMinTlsVersion: string; ftpsState: string };
        functionAppConfig: { runtime: { name: string; version: string }; deployment: { storage: { authentication: { type: string; userAssignedIdentityResourceId: string } } } };
      };
      assert.equal(properties.httpsOnly, true);
      assert.deepEqual([properties.siteConfig.minTlsVersion, properties.siteConfig.scmMinTlsVersion, properties.siteConfig.ftpsState], ['1.2', '1.2', 'Disabled']);
      assert.deepEqual(site.identity, { type: 'UserAssigned', userAssignedIdentities: { [identity.id]: {} } });
      assert.equal(properties.keyVaultReferenceIdentity, identity.id);
      assert.deepEqual(properties.functionAppConfig.deployment.storage.authentication, { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identity.id });
      assert.deepEqual(properties.functionAppConfig.runtime, { name: 'node', version: '22' });
      const credentials = resourcesOfType(snapshot, 'Microsoft.Web/sites/basicPublishingCredentialsPolicies');
      assert.deepEqual(credentials.map((policy) => [policy.name.split('/')[1], props(policy).allow]).sort(), [['ftp', false], ['scm', false]]);
    }
  });
});
