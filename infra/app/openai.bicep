// Azure OpenAI for the expert agents (deployed only when they are enabled): an account with keys
// off, a chat and an embedding deployment, and Cognitive Services OpenAI User for the app's
// identity on this account (call the deployments; no management).

param name string

@description('Azure region (Azure OpenAI model availability varies by region).')
param location string

param tags object

@description('Name and principal id of the app\'s managed identity (the name seeds role assignment names).')
param appIdentityName string
param appPrincipalId string

@description('AZURE_OPENAI_CHAT_DEPLOYMENT and the model behind it.')
param chatDeploymentName string
param chatModelName string
param chatModelVersion string

@description('Chat deployment capacity, in thousands of tokens per minute.')
@minValue(1)
param chatCapacity int

@description('AZURE_OPENAI_EMBEDDING_DEPLOYMENT and the model behind it.')
param embeddingDeploymentName string
param embeddingModelName string
param embeddingModelVersion string

@description('Embedding deployment capacity, in thousands of tokens per minute.')
@minValue(1)
param embeddingCapacity int

@description('Private networking: no public endpoint.')
param privateNetworking bool

// Cognitive Services OpenAI User: inference calls only.
var openAiUserRoleId = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

resource account 'Microsoft.CognitiveServices/accounts@2026-09-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: { defaultAction: privateNetworking ? 'Deny' : 'Allow' }
  }
}

resource chat 'Microsoft.CognitiveServices/accounts/deployments@2026-09-01' = {
  parent: account
  name: chatDeploymentName
  sku: { name: 'GlobalStandard', capacity: chatCapacity }
  properties: { model: { format: 'OpenAI', name: chatModelName, version: chatModelVersion } }
}

resource embedding 'Microsoft.CognitiveServices/accounts/deployments@2026-09-01' = {
  parent: account
  name: embeddingDeploymentName
  sku: { name: 'GlobalStandard', capacity: embeddingCapacity }
  properties: { model: { format: 'OpenAI', name: embeddingModelName, version: embeddingModelVersion } }
  // One deployment at a time: the account refuses concurrent deployment changes.
  dependsOn: [chat]
}

resource appCallsModels 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentityName, openAiUserRoleId)
  scope: account
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', openAiUserRoleId)
  }
}

output name string = account.name
output id string = account.id
output endpoint string = account.properties.endpoint
output chatDeploymentName string = chat.name
output embeddingDeploymentName string = embedding.name
