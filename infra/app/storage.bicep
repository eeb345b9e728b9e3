// The app's storage account: the Functions host's own storage (AzureWebJobsStorage, by identity),
// the deployment container Flex Consumption runs the package from, the `conversations` container
// of the conversation store with a lifecycle rule that deletes conversations after the retention,
// and, with the Azure Storage durable backend, the task hub's queues and tables. Shared keys are
// off: every caller, the host included, signs in with Microsoft Entra ID.

param name string

@description('Azure region.')
param location string

param tags object

@description('Name and principal id of the app\'s managed identity (the name seeds role assignment names).')
param appIdentityName string
param appPrincipalId string

@description('Blob container Flex Consumption deploys the app package to.')
param deploymentContainerName string

@description('Blob container of the conversation store (CONVERSATIONS_CONTAINER).')
param conversationsContainerName string

@description('Conversations are deleted this many days after their last change (CONVERSATION_RETENTION_DAYS).')
@minValue(1)
@maxValue(3650)
param conversationRetentionDays int

@description('The durable task hub lives in this account (queues and tables): grant those data roles too.')
param durableTaskHubInStorage bool

@description('Private networking: no public endpoint; reached through private endpoints only.')
param privateNetworking bool

var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}
// Blob for the host (keys, leases, timers), the package and conversations; queues and tables only
// when the Durable Functions task hub is kept here.
var appRoles = durableTaskHubInStorage
  ? [roles.blobDataOwner, roles.queueDataContributor, roles.tableDataContributor]
  : [roles.blobDataOwner]

resource account 'Microsoft.Storage/storageAccounts@2026-09-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    dnsEndpointType: 'Standard'
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: privateNetworking
      ? { defaultAction: 'Deny', bypass: 'None' }
      : { defaultAction: 'Allow', bypass: 'AzureServices' }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-09-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-09-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

resource conversationsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-09-01' = {
  parent: blobService
  name: conversationsContainerName
  properties: { publicAccess: 'None' }
}

resource conversationRetention 'Microsoft.Storage/storageAccounts/managementPolicies@2026-09-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-old-conversations'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: ['${conversationsContainer.name}/']
            }
            actions: {
              baseBlob: { delete: { daysAfterModificationGreaterThan: conversationRetentionDays } }
            }
          }
        }
      ]
    }
  }
}

resource appDataAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in appRoles: {
    name: guid(account.id, appIdentityName, roleId)
    scope: account
    properties: {
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'
output conversationsContainerName string = conversationsContainer.name
