// Optional API Management edge (deployApim): a v2-tier gateway (the Consumption tier does not hold
// long streamed responses) in front of the Function App, serving the MCP endpoint, the protected
// resource metadata, the scheduler's callback and the health paths under the same paths as the
// app, so PUBLIC_BASE_URL can be the gateway. Tokens are checked at the gateway with the same
// audiences, issuers and tenants the app is configured with (they arrive here from the same
// variables in main.bicep), callers are rate limited, and tenants are routed to backends by group.

param name string

@description('Azure region.')
param location string

param tags object

@allowed(['BasicV2', 'StandardV2'])
param skuName string

param publisherEmail string
param publisherName string

@description('https://<host> of this deployment\'s Function App: the default backend.')
param defaultBackendUrl string

@description('Tenant groups on other backends: { <group>: { tenants: [ids], url: \'https://…\' } }; the rest go to the default backend.')
param tenantBackends object

@description('The app\'s AUTH_AUDIENCE values.')
param audiences string[]

@description('Tenants admitted at the gateway: the app\'s ALLOWED_TENANTS plus every tenant of tenantBackends.')
param allowedTenants string[]

@description('The app registration\'s home tenant (ENTRA_TENANT_ID): where the signing keys are read.')
param entraTenantId string

@description('ENTRA_AUTHORITY_HOST, without a trailing slash.')
param authorityHost string

@secure()
@description('Marker the gateway sets in x-azure-fdid; the Function App admits only requests carrying it.')
param gatewayMarker string

@description('MCP calls one caller (tenant + object id) may make per minute.')
@minValue(1)
param callsPerCallerPerMinute int

@description('Requests one client address may make per minute, on any path.')
@minValue(1)
param callsPerAddressPerMinute int

var defaultBackendId = 'contoso-mcp-app'
var groupNames = objectKeys(tenantBackends)

var audienceElements = join(map(audiences, audience => '<audience>${audience}</audience>'), '')
var issuerElements = join(
  flatten(map(allowedTenants, tenant => ['<issuer>${authorityHost}/${tenant}/v2.0</issuer>', '<issuer>https://sts.windows.net/${tenant}/</issuer>'])),
  ''
)
var tenantRoutes = join(
  map(groupNames, group => '<when condition="@(new [] { ${join(map(tenantBackends[group].tenants, tenant => '"${toLower(tenant)}"'), ', ')} }.Contains((string)context.Variables["callerTenant"]))"><set-backend-service backend-id="tenants-${group}" /></when>'),
  ''
)
var tenantRouting = empty(groupNames) ? '' : '<choose>${tenantRoutes}</choose>'

var apiPolicy = replace(
  replace(loadTextContent('apim/api-policy.xml'), '__DEFAULT_BACKEND__', defaultBackendId),
  '__CALLS_PER_ADDRESS_PER_MINUTE__',
  string(callsPerAddressPerMinute)
)
var mcpPolicy = reduce(
  [
    { token: '__AUDIENCES__', value: audienceElements }
    { token: '__ISSUERS__', value: issuerElements }
    { token: '__TENANT_ROUTING__', value: tenantRouting }
    { token: '__CALLS_PER_CALLER_PER_MINUTE__', value: string(callsPerCallerPerMinute) }
  ],
  loadTextContent('apim/mcp-operation-policy.xml'),
  (policy, placeholder) => replace(policy, placeholder.token, placeholder.value)
)

var operations = [
  { name: 'mcp-post', method: 'POST', urlTemplate: '/api/mcp', authenticated: true }
  { name: 'mcp-get', method: 'GET', urlTemplate: '/api/mcp', authenticated: true }
  { name: 'mcp-delete', method: 'DELETE', urlTemplate: '/api/mcp', authenticated: true }
  { name: 'mcp-preflight', method: 'OPTIONS', urlTemplate: '/api/mcp', authenticated: false }
  { name: 'resource-metadata', method: 'GET', urlTemplate: '/.well-known/oauth-protected-resource', authenticated: false }
  { name: 'resource-metadata-mcp', method: 'GET', urlTemplate: '/.well-known/oauth-protected-resource/api/mcp', authenticated: false }
  { name: 'scheduler-callback', method: 'POST', urlTemplate: '/api/callback', authenticated: false }
  { name: 'health', method: 'GET', urlTemplate: '/api/health', authenticated: false }
  { name: 'ready', method: 'GET', urlTemplate: '/api/ready', authenticated: false }
]

resource service 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: skuName, capacity: 1 }
  properties: {
    publisherEmail: publisherEmail
    publisherName: publisherName
  }
}

resource namedValues 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = [
  for item in [
    { name: 'mcp-audiences', value: join(audiences, ',') }
    { name: 'mcp-allowed-tenants', value: join(allowedTenants, ',') }
    { name: 'mcp-entra-tenant-id', value: entraTenantId }
    { name: 'mcp-authority-host', value: authorityHost }
  ]: {
    parent: service
    name: item.name
    properties: { displayName: item.name, value: item.value, secret: false }
  }
]

resource marker 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {
  parent: service
  name: 'gateway-marker'
  properties: { displayName: 'gateway-marker', value: gatewayMarker, secret: true }
}

resource defaultBackend 'Microsoft.ApiManagement/service/backends@2024-05-01' = {
  parent: service
  name: defaultBackendId
  properties: { protocol: 'http', url: defaultBackendUrl, description: 'This deployment\'s Function App' }
}

resource groupBackends 'Microsoft.ApiManagement/service/backends@2024-05-01' = [
  for group in groupNames: {
    parent: service
    name: 'tenants-${group}'
    properties: { protocol: 'http', url: tenantBackends[group].url, description: 'Tenant group ${group}' }
  }
]

resource api 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: service
  name: 'contoso-mcp'
  properties: {
    displayName: 'Contoso MCP'
    path: ''
    protocols: ['https']
    subscriptionRequired: false
    serviceUrl: defaultBackendUrl
  }
}

resource apiOperations 'Microsoft.ApiManagement/service/apis/operations@2024-05-01' = [
  for operation in operations: {
    parent: api
    name: operation.name
    properties: { displayName: '${operation.method} ${operation.urlTemplate}', method: operation.method, urlTemplate: operation.urlTemplate }
  }
]

resource policy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: api
  name: 'policy'
  properties: { format: 'rawxml', value: apiPolicy }
  dependsOn: [marker, defaultBackend]
}

resource mcpPolicies 'Microsoft.ApiManagement/service/apis/operations/policies@2024-05-01' = [
  for (operation, index) in operations: if (operation.authenticated) {
    parent: apiOperations[index]
    name: 'policy'
    properties: { format: 'rawxml', value: mcpPolicy }
    dependsOn: [namedValues, groupBackends]
  }
]

output name string = service.name
output gatewayUrl string = service.properties.gatewayUrl
