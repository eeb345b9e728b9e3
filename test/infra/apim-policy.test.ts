// The optional API Management edge checks tokens with the same audiences, issuers and tenants the
// app is configured with: in the compiled template both come from the same variables of
// main.bicep, and in a snapshot with the gateway on, the policy and named values hold exactly the
// app settings' values. The gateway streams responses, marks requests so that the Function App
// admits only this gateway, routes tenant groups, limits each caller, serves only paths the app
// has, and names itself in PUBLIC_BASE_URL.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { before, describe, it } from 'node:test';
import { compiledMain } from './bicep-runner.js';
import { defaultDeployment, everythingDeployment, loadDeployments, onlyResourceOfType, PARTNER_TENANT, rawAppSettings, resolvedAppSettings, resourcesOfType } from './deployments.js';
import { resolveArmValue } from './arm-values.js';


/** Every HTTP route functions/ registers. */
function registeredRoutes(): Set<string> {
  const routes = new Set<string>();
  for (const file of fs.readdirSync('functions').filter((name) => name.endsWith('.ts'))) {
    for (const match of fs.readFileSync(`functions/${file}`, 'utf8').matchAll(/'((?:api\/|\.well-known\/)[\w./-]+)'/g)) routes.add(match[1] ?? '');
  }
  return routes;
}

const elements = (xml: string, tag: string): string[] => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1] ?? '');

interface Module {
  name: string;
  properties: { parameters: Record<string, { value: unknown }> };
}

describe('API Management edge', () => {
  before(loadDeployments);

  it('feeds the gateway and the app\'s settings from the same variables of main.bicep', () => {
    const main = compiledMain();
    const resources = Object.values(main.resources as Record<string, Module>);
    const apim = resources.find((resource) => resource.name === 'apim');
    const appSettings = resources.find((resource) => resource.name === 'app-settings');
    assert.ok(apim && appSettings);
    const gateway = Object.fromEntries(Object.entries(apim.properties.parameters).map(([name, { value }]) => [name, value]));
    assert.equal(gateway.audiences, "[variables('audiences')]");
    assert.equal(gateway.allowedTenants, "[variables('gatewayTenants')]");
    assert.equal(gateway.entraTenantId, "[variables('homeTenant')]");
    assert.equal(gateway.authorityHost, "[variables('authorityHost')]");
    assert.match(String((main.variables as Record<string, unknown>).gatewayTenants), /union\(variables\('appTenants'\)/);
    const settings = String(appSettings.properties.parameters.settings?.value);
    for (const expected of [
      "'AUTH_AUDIENCE', join(variables('audiences'), ',')",
      "'ALLOWED_TENANTS', join(variables('appTenants'), ',')",
      "'ENTRA_TENANT_ID', variables('homeTenant')",
      "'ENTRA_AUTHORITY_HOST', variables('authorityHost')",
    ]) {
      assert.ok(settings.includes(expected), expected);
    }
  });

  it('checks exactly the app\'s audiences, its tenants\' issuers and its tenant allow-list', () => {
    const snapshot = everythingDeployment();
    const settings = resolvedAppSettings(snapshot);
    const audiences = (settings.AUTH_AUDIENCE ?? '').split(',');
    const appTenants = (settings.ALLOWED_TENANTS ?? '').split(',');
    const gatewayTenants = [...appTenants, PARTNER_TENANT];
    const policies = resourcesOfType(snapshot, 'Microsoft.ApiManagement/service/apis/operations/policies');
    assert.deepEqual(policies.map((policy) => policy.name.split('/')[2]).sort(), ['mcp-delete', 'mcp-get', 'mcp-post']);
    for (const policy of policies) {
      const xml = String(policy.properties?.value);
      assert.deepEqual(elements(xml, 'audience'), audiences);
      assert.deepEqual(
        elements(xml, 'issuer'),
        gatewayTenants.flatMap((tenant) => [`${settings.ENTRA_AUTHORITY_HOST}/${tenant}/v2.0`, `https://sts.windows.net/${tenant}/`]),
      );
      assert.match(xml, /<openid-config url="\{\{mcp-authority-host\}\}\/\{\{mcp-entra-tenant-id\}\}\/v2\.0\/\.well-known\/openid-configuration" \/>/);
      assert.match(xml, /"\{\{mcp-allowed-tenants\}\}"\.ToLowerInvariant\(\)\.Split\(','\)\.Contains/);
      assert.match(xml, /<rate-limit-by-key calls="120" renewal-period="60" counter-key="@\(\(string\)context\.Variables\["callerTenant"\] \+ "\/" \+/);
      assert.match(xml, new RegExp(`"${PARTNER_TENANT}" }\\.Contains\\(\\(string\\)context\\.Variables\\["callerTenant"\\]\\)\\)"><set-backend-service backend-id="tenants-partners" />`));
    }
    const namedValues: Record<string, string> = Object.fromEntries(
      resourcesOfType(snapshot, 'Microsoft.ApiManagement/service/namedValues').map((named) => [named.name.split('/')[1] ?? '', (named.properties as { value: string }).value]),
    );
    assert.equal(namedValues['mcp-audiences'], settings.AUTH_AUDIENCE);
    assert.equal(namedValues['mcp-allowed-tenants'], gatewayTenants.join(','));
    assert.equal(namedValues['mcp-entra-tenant-id'], settings.ENTRA_TENANT_ID);
    assert.equal(namedValues['mcp-authority-host'], settings.ENTRA_AUTHORITY_HOST);
    const partners = resourcesOfType(snapshot, 'Microsoft.ApiManagement/service/backends').find((backend) => backend.name.endsWith('/tenants-partners'));
    assert.equal((partners?.properties as { url: string }).url, 'https://func-partners.azurewebsites.net');
  });

  it('streams answers and admits only requests carrying this gateway\'s marker at the Function App', () => {
    const snapshot = everythingDeployment();
    const apiPolicy = String(onlyResourceOfType(snapshot, 'Microsoft.ApiManagement/service/apis/policies').properties?.value);
    assert.match(apiPolicy, /<forward-request buffer-response="false" timeout="240" \/>/);
    assert.match(apiPolicy, /<set-header name="x-azure-fdid" exists-action="override">\s*<value>\{\{gateway-marker\}\}<\/value>/);
    assert.match(apiPolicy, /<rate-limit-by-key calls="600" renewal-period="60" counter-key="@\(context\.Request\.IpAddress\)" \/>/);
    const marker = resourcesOfType(snapshot, 'Microsoft.ApiManagement/service/namedValues').find((named) => named.name.endsWith('/gateway-marker'));
    assert.deepEqual(marker?.properties, { displayName: 'gateway-marker', value: "[parameters('gatewayMarker')]", secret: true });
    const siteConfig = (onlyResourceOfType(snapshot, 'Microsoft.Web/sites').properties as { siteConfig: Record<string, unknown> }).siteConfig;
    assert.equal(siteConfig.ipSecurityRestrictionsDefaultAction, 'Deny');
    assert.deepEqual(siteConfig.ipSecurityRestrictions, [
      {
        name: 'this-api-management-only',
        description: "The ApiManagement service tag with this deployment's marker header",
        action: 'Allow',
        priority: 100,
        tag: 'ServiceTag',
        ipAddress: 'ApiManagement',
        headers: { 'x-azure-fdid': ["[parameters('gatewayMarker')]"] },
      },
    ]);
  });

  it('serves only paths the app has, and makes the gateway the app\'s public URL', () => {
    const snapshot = everythingDeployment();
    const api = onlyResourceOfType(snapshot, 'Microsoft.ApiManagement/service/apis');
    assert.equal((api.properties as { path: string }).path, '', 'the same paths as the app');
    const routes = registeredRoutes();
    assert.ok(routes.has('api/mcp') && routes.has('.well-known/oauth-protected-resource/api/mcp'), [...routes].join(', '));
    for (const operation of resourcesOfType(snapshot, 'Microsoft.ApiManagement/service/apis/operations')) {
      const path = (operation.properties as { urlTemplate: string }).urlTemplate.replace(/^\//, '');
      assert.ok(routes.has(path), `${path} is not a route of functions/`);
    }
    const service = onlyResourceOfType(snapshot, 'Microsoft.ApiManagement/service');
    assert.match(String(service.sku?.name), /V2$/, 'a v2 tier: Consumption does not hold long streamed responses');
    const gatewayUrl = resolveArmValue(`[reference('${service.id}', '${service.apiVersion}').gatewayUrl]`);
    assert.equal(resolvedAppSettings(snapshot).PUBLIC_BASE_URL, gatewayUrl);
  });

  it('is absent by default, leaving the Function App open to tokens and its own host name', () => {
    const snapshot = defaultDeployment();
    assert.deepEqual(resourcesOfType(snapshot, 'Microsoft.ApiManagement/service'), []);
    assert.equal('PUBLIC_BASE_URL' in rawAppSettings(snapshot), false);
    const siteConfig = (onlyResourceOfType(snapshot, 'Microsoft.Web/sites').properties as { siteConfig: Record<string, unknown> }).siteConfig;
    assert.deepEqual([siteConfig.ipSecurityRestrictions, siteConfig.ipSecurityRestrictionsDefaultAction], [[], 'Allow']);
  });
});
