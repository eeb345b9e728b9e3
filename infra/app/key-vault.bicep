// Key Vault in RBAC mode with soft delete and purge protection, holding the secrets the app reads
// through its secrets provider (KEYVAULT_URI) or, for the ones it needs at start-up, through Key
// Vault references in its app settings. The values arrive as @secure() parameters that the
// preprovision hook generated once and keeps in the azd environment, so `azd up` never rotates
// them by accident. The app's identity may read secrets (Key Vault Secrets User) and nothing else.

param name string

@description('Azure region.')
param location string

param tags object

@description('Name and principal id of the app\'s managed identity (the name seeds role assignment names).')
param appIdentityName string
param appPrincipalId string

@description('`recover` re-creates a vault that a teardown left soft-deleted (purge protection keeps it for the retention period).')
@allowed(['default', 'recover'])
param createMode string

@description('Days a deleted vault (and secret) can be recovered; purge protection forbids purging before.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 7

@description('Private networking: no public endpoint; reached through a private endpoint only.')
param privateNetworking bool

@secure()
@description('SCHEDULER-CALLBACK-SECRET: the HMAC key the scheduler signs callbacks with.')
param schedulerCallbackSecret string

@secure()
@description('SCHEDULER-CALLBACK-SECRET-PREVIOUS: the key before a rotation, accepted until the scheduler has switched; empty otherwise.')
param schedulerCallbackSecretPrevious string

@secure()
@description('SCHEDULER-API-KEY: the scheduler\'s API key, with SCHEDULER_AUTH=api-key; empty otherwise.')
param schedulerApiKey string

@description('SCHEDULER-CLIENT-ID: the client id the scheduler knows this app by, with SCHEDULER_AUTH=api-key.')
param schedulerClientId string

@secure()
@description('MCP-REQUEST-STATE-KEY: seals multi-round-trip requestState; every instance shares it.')
param mcpRequestStateKey string

// Key Vault Secrets User: read secret values, nothing else.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    createMode: createMode
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: privateNetworking ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource callbackSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'SCHEDULER-CALLBACK-SECRET'
  properties: { value: schedulerCallbackSecret, contentType: 'HMAC-SHA256 key for POST /api/callback' }
}

resource previousCallbackSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!empty(schedulerCallbackSecretPrevious)) {
  parent: vault
  name: 'SCHEDULER-CALLBACK-SECRET-PREVIOUS'
  properties: { value: schedulerCallbackSecretPrevious, contentType: 'previous callback key, during a rotation' }
}

resource apiKey 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!empty(schedulerApiKey)) {
  parent: vault
  name: 'SCHEDULER-API-KEY'
  properties: { value: schedulerApiKey, contentType: 'scheduler API key' }
}

resource clientId 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!empty(schedulerClientId)) {
  parent: vault
  name: 'SCHEDULER-CLIENT-ID'
  properties: { value: schedulerClientId, contentType: 'client id sent with the scheduler API key' }
}

resource requestStateKey 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'MCP-REQUEST-STATE-KEY'
  properties: { value: mcpRequestStateKey, contentType: 'HMAC key sealing MCP requestState' }
}

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appIdentityName, secretsUserRoleId)
  scope: vault
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
/** Key Vault reference for an app setting, resolved by the platform with the app's identity. */
output requestStateReference string = '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${requestStateKey.name})'
