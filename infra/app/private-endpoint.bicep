// One private endpoint for one sub-resource of a service (a storage account's blob endpoint, a
// Cosmos DB account, a vault …), with the private DNS zone that makes its public name resolve to
// the private address inside the virtual network.

param name string

@description('Azure region.')
param location string

param tags object

@description('Resource id of the service the endpoint connects to.')
param serviceId string

@description('Sub-resource of the service: blob, queue, table, Sql, vault, account.')
param groupId string

@description('The privatelink DNS zone of that sub-resource.')
param dnsZoneName string

param vnetId string
param subnetId string

resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: dnsZoneName
  location: 'global'
  tags: tags
}

resource zoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: '${name}-link'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: vnetId }
  }
}

resource endpoint 'Microsoft.Network/privateEndpoints@2026-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: name
        properties: { privateLinkServiceId: serviceId, groupIds: [groupId] }
      }
    ]
  }
}

resource zoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2026-03-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [{ name: groupId, properties: { privateDnsZoneId: zone.id } }]
  }
}

output id string = endpoint.id
