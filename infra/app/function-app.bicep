// The Function App on Flex Consumption (Linux, Node 22): HTTPS only, TLS 1.2 minimum, FTP and
// basic publishing credentials off, running as the user-assigned identity, which also fetches the
// package from the deployment container and resolves Key Vault references. With API Management in
// front, only that gateway may call it: an access restriction admits the ApiManagement service tag
// only when the request carries this deployment's gateway marker (x-azure-fdid), which the
// gateway's policy sets; the service tag alone would admit every APIM instance in Azure.

param name string
param planName string

@description('Azure region.')
param location string

param tags object

@description('Resource id of the app\'s user-assigned managed identity.')
param identityId string

@description('URL of the blob container Flex Consumption deploys the package to.')
param deploymentContainerUrl string

@description('The settings the host needs from its first start (identity-based storage, telemetry); app-settings.bicep then writes the full set, these included.')
param hostSettings object

@description('Memory of each instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Concurrent HTTP requests one instance takes before the platform adds another.')
@minValue(1)
@maxValue(1000)
param httpPerInstanceConcurrency int

@description('Subnet for VNet integration (outbound); empty without private networking.')
param subnetId string

@description('Admit only this deployment\'s API Management gateway.')
param onlyThroughGateway bool

@secure()
@description('Marker the gateway sets in x-azure-fdid and the access restriction requires (a GUID kept in the azd environment).')
param gatewayMarker string

var gatewayOnly = [
  {
    name: 'this-api-management-only'
    description: 'The ApiManagement service tag with this deployment\'s marker header'
    action: 'Allow'
    priority: 100
    tag: 'ServiceTag'
    ipAddress: 'ApiManagement'
    headers: { 'x-azure-fdid': [gatewayMarker] }
  }
]

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: empty(subnetId) ? null : subnetId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      ipSecurityRestrictions: onlyThroughGateway ? gatewayOnly : []
      ipSecurityRestrictionsDefaultAction: onlyThroughGateway ? 'Deny' : 'Allow'
      scmIpSecurityRestrictionsUseMain: false
      appSettings: [for setting in items(hostSettings): { name: setting.key, value: setting.value }]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identityId }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        triggers: { http: { perInstanceConcurrency: httpPerInstanceConcurrency } }
      }
      runtime: { name: 'node', version: '22' }
    }
  }
}

resource noFtpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource noScmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

output name string = site.name
output id string = site.id
output defaultHostName string = site.properties.defaultHostName
