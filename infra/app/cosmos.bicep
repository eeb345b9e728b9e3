// Azure Cosmos DB for NoSQL, serverless, for the Contoso store (STORE_KIND=cosmos): the database
// and its six containers exactly as containerDefinitions() in shared/storage/cosmos/containers.ts
// declares them (partition keys, indexing, the audit TTL, the catalogue's full-text policy;
// test/infra/cosmos-containers.test.ts compares the two), keys off, and the Built-in Data
// Contributor role for the app's identity on this account only.

param name string

@description('Azure region.')
param location string

param tags object

@description('Name and principal id of the app\'s managed identity (the name seeds role assignment names).')
param appIdentityName string
param appPrincipalId string

@description('COSMOS_DATABASE_NAME.')
param databaseName string

@description('Audit records expire after this many days (COSMOS_AUDIT_TTL_DAYS).')
@minValue(1)
@maxValue(3650)
param auditTtlDays int

@description('Private networking: no public endpoint; reached through a private endpoint only.')
param privateNetworking bool

// Cosmos DB Built-in Data Contributor (data plane: read and write items, no account management).
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

/** Index only what queries filter or sort on (onlyPaths() in containers.ts). */
func onlyPaths(paths string[]) object => {
  indexingMode: 'consistent'
  automatic: true
  includedPaths: map(paths, path => { path: '${path}/?' })
  excludedPaths: [{ path: '/*' }]
}

var noIndex = { indexingMode: 'none', automatic: false }

// Containers read whole by id or filtered on a few paths; the catalogue (full-text search over
// knowledge documents) and the audit log (expiring records) are declared on their own below.
var plainContainers = [
  { id: 'customers', partitionKey: '/customerId', indexingPolicy: onlyPaths(['/kind', '/customerId']) }
  { id: 'lookups', partitionKey: '/id', indexingPolicy: noIndex }
  { id: 'incidents', partitionKey: '/area', indexingPolicy: onlyPaths(['/kind']) }
  { id: 'meta', partitionKey: '/id', indexingPolicy: noIndex }
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2026-03-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    capabilities: [
      { name: 'EnableServerless' }
      { name: 'EnableNoSQLFullTextSearch' }
      { name: 'EnableNoSQLVectorSearch' }
    ]
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2026-03-15' = {
  parent: account
  name: databaseName
  properties: { resource: { id: databaseName } }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2026-03-15' = [
  for container in plainContainers: {
    parent: database
    name: container.id
    properties: {
      resource: {
        id: container.id
        partitionKey: { paths: [container.partitionKey], kind: 'Hash', version: 2 }
        indexingPolicy: container.indexingPolicy
      }
    }
  }
]

resource catalogue 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2026-03-15' = {
  parent: database
  name: 'catalogue'
  properties: {
    resource: {
      id: 'catalogue'
      partitionKey: { paths: ['/kind'], kind: 'Hash', version: 2 }
      indexingPolicy: union(onlyPaths(['/kind']), { fullTextIndexes: [{ path: '/searchText' }] })
      fullTextPolicy: { defaultLanguage: 'en-US', fullTextPaths: [{ path: '/searchText', language: 'en-US' }] }
    }
  }
}

resource audit 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2026-03-15' = {
  parent: database
  name: 'audit'
  properties: {
    resource: {
      id: 'audit'
      partitionKey: { paths: ['/day'], kind: 'Hash', version: 2 }
      indexingPolicy: onlyPaths(['/sortKey'])
      defaultTtl: auditTtlDays * 86400
    }
  }
}

resource appDataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2026-03-15' = {
  parent: account
  name: guid(account.id, appIdentityName, dataContributorRoleId)
  properties: {
    principalId: appPrincipalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    scope: account.id
  }
}

output name string = account.name
output id string = account.id
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
