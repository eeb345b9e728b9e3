// The app's one user-assigned managed identity: the Function App runs as it, and every data-plane
// role (Storage, Cosmos DB, Key Vault, Application Insights, Durable Task Scheduler, Azure OpenAI)
// is granted to it on one resource at a time by the module that creates that resource.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
