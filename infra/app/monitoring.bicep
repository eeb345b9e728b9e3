// Log Analytics and workspace-based Application Insights with local (instrumentation-key)
// authentication off: only telemetry signed with a Microsoft Entra token is ingested, so the
// app's identity gets Monitoring Metrics Publisher on this one component.

param logAnalyticsName string
param applicationInsightsName string

@description('Azure region.')
param location string

param tags object

@description('Name and principal id of the app\'s managed identity (the name seeds role assignment names).')
param appIdentityName string
param appPrincipalId string

@description('Days Log Analytics keeps data (30 is included in the price).')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

// Monitoring Metrics Publisher: publishes every kind of telemetry, despite its name.
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
    features: { disableLocalAuth: true }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

resource appPublishesTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appIdentityName, monitoringMetricsPublisherRoleId)
  scope: applicationInsights
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId)
  }
}

output applicationInsightsName string = applicationInsights.name
output applicationInsightsId string = applicationInsights.id
// The connection string names the component (instrumentation key and ingestion endpoint); with
// local auth off it grants nothing without an Entra token, so it is configuration, not a secret.
output connectionString string = applicationInsights.properties.ConnectionString
output workspaceId string = workspace.id
