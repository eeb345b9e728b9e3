// The private endpoints of private networking (vnetEnabled): Storage (blob, plus queue and table
// when the durable task hub lives there), Cosmos DB, Key Vault and, with the experts, Azure
// OpenAI, each with its privatelink DNS zone linked to the virtual network.

@description('Azure region.')
param location string

param tags object

param vnetId string
param subnetId string

param storageId string
@description('The durable task hub lives in the storage account: its queues and tables need endpoints too.')
param storageQueuesAndTables bool
param cosmosId string
param keyVaultId string

@description('Azure OpenAI account id; empty when the experts are off.')
param openAiId string

var storageSuffix = environment().suffixes.storage
var storageGroups = storageQueuesAndTables ? ['blob', 'queue', 'table'] : ['blob']
var endpoints = concat(
  map(storageGroups, group => { name: 'pe-storage-${group}', serviceId: storageId, groupId: group, zone: 'privatelink.${group}.${storageSuffix}' }),
  [
    { name: 'pe-cosmos', serviceId: cosmosId, groupId: 'Sql', zone: 'privatelink.documents.azure.com' }
    { name: 'pe-key-vault', serviceId: keyVaultId, groupId: 'vault', zone: 'privatelink.vaultcore.azure.net' }
  ],
  empty(openAiId) ? [] : [{ name: 'pe-openai', serviceId: openAiId, groupId: 'account', zone: 'privatelink.openai.azure.com' }]
)

module endpoint 'private-endpoint.bicep' = [
  for item in endpoints: {
    name: item.name
    params: {
      name: item.name
      location: location
      tags: tags
      serviceId: item.serviceId
      groupId: item.groupId
      dnsZoneName: item.zone
      vnetId: vnetId
      subnetId: subnetId
    }
  }
]
