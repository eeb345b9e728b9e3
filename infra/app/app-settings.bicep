// Every app setting of the Function App, written once the resources they name exist (the API
// Management gateway among them: PUBLIC_BASE_URL is its URL, while the gateway's backend is the
// app's host name). This replaces the whole set: main.bicep builds it from the host's own
// identity-based settings and the app's settings, and nothing else.

param functionAppName string

@description('Setting name → value.')
param settings object

resource site 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: settings
}
