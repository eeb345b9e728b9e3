// The Durable Task Scheduler backend (DURABLE_BACKEND=DurableTaskScheduler): a scheduler with the
// task hub host.json names, and Durable Task Data Contributor for the app's identity on this
// scheduler only. The app reaches it with DURABLE_TASK_SCHEDULER_CONNECTION_STRING (endpoint +
// managed identity, no key); `npm run package` switches host.json's storage provider to it.

param name string

@description('Azure region.')
param location string

param tags object

@description('Name and principal id of the app\'s managed identity (the name seeds role assignment names).')
param appIdentityName string
param appPrincipalId string

@description('Task hub name: host.json extensions.durableTask.hubName.')
param taskHubName string

@description('Scheduler SKU: Consumption (pay per action) or Dedicated (capacity units).')
@allowed(['Consumption', 'Dedicated'])
param skuName string

@description('Networks allowed to reach the scheduler (CIDR); authentication is by identity either way.')
param ipAllowlist string[]

// Durable Task Data Contributor: run orchestrations and activities in this scheduler's task hubs.
var dataContributorRoleId = '0ad04412-c4d5-4796-b79c-f76d14c8d402'

resource scheduler 'Microsoft.DurableTask/schedulers@2026-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    ipAllowlist: ipAllowlist
    sku: { name: skuName }
  }
}

resource taskHub 'Microsoft.DurableTask/schedulers/taskHubs@2026-02-01' = {
  parent: scheduler
  name: taskHubName
}

resource appRunsJobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(scheduler.id, appIdentityName, dataContributorRoleId)
  scope: scheduler
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', dataContributorRoleId)
  }
}

output name string = scheduler.name
output id string = scheduler.id
output endpoint string = scheduler.properties.endpoint
output taskHubName string = taskHub.name
