// The alert rules an operator of this app needs first: the ready endpoint failing from several
// regions (a standard availability test on /api/ready), the HTTP error rate, and failing calls to
// dependencies (Cosmos DB, Blob, Key Vault, the scheduler, Azure OpenAI). Notifications go to an
// e-mail action group when an address is given; otherwise the alerts only show in the portal.

@description('Azure region of the availability test.')
param location string

param tags object

param applicationInsightsName string

@description('Public URL of the app\'s readiness endpoint (through the gateway when there is one).')
param readyUrl string

@description('E-mail address for alert notifications; empty for none.')
param alertEmail string

@description('Alert when more than this percentage of requests fails over 15 minutes.')
@minValue(1)
@maxValue(100)
param errorRateThresholdPercent int

@description('Alert when more dependency calls than this fail within 5 minutes.')
@minValue(1)
param dependencyFailureThreshold int

param namePrefix string

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource notify 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: '${namePrefix}-ops'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'contoso-mcp'
    enabled: true
    emailReceivers: [{ name: 'operator', emailAddress: alertEmail, useCommonAlertSchema: true }]
  }
}

var actions = empty(alertEmail) ? [] : [{ actionGroupId: notify.id }]

resource readyTest 'Microsoft.Insights/webtests@2022-06-15' = {
  name: '${namePrefix}-ready'
  location: location
  tags: union(tags, { 'hidden-link:${applicationInsights.id}': 'Resource' })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: '${namePrefix}-ready'
    Name: 'GET /api/ready'
    Enabled: true
    Kind: 'standard'
    Frequency: 300
    Timeout: 30
    RetryEnabled: true
    Locations: [{ Id: 'emea-nl-ams-azr' }, { Id: 'us-va-ash-azr' }, { Id: 'apac-sg-sin-azr' }]
    Request: { RequestUrl: readyUrl, HttpVerb: 'GET', ParseDependentRequests: false }
    ValidationRules: { ExpectedHttpStatusCode: 200, SSLCheck: true, SSLCertRemainingLifetimeCheck: 7 }
  }
}

resource notReady 'Microsoft.Insights/metricAlerts@2026-01-01' = {
  name: '${namePrefix}-not-ready'
  location: 'global'
  tags: tags
  properties: {
    description: '/api/ready failed from 2 or more test locations'
    severity: 1
    enabled: true
    scopes: [readyTest.id, applicationInsights.id]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: readyTest.id
      componentId: applicationInsights.id
      failedLocationCount: 2
    }
    actions: actions
  }
}

resource dependencyFailures 'Microsoft.Insights/metricAlerts@2026-01-01' = {
  name: '${namePrefix}-dependency-failures'
  location: 'global'
  tags: tags
  properties: {
    description: 'Calls to dependencies (Cosmos DB, Blob, Key Vault, scheduler, Azure OpenAI) are failing'
    severity: 2
    enabled: true
    scopes: [applicationInsights.id]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'failed-dependencies'
          metricNamespace: 'microsoft.insights/components'
          metricName: 'dependencies/failed'
          operator: 'GreaterThan'
          threshold: dependencyFailureThreshold
          timeAggregation: 'Count'
        }
      ]
    }
    actions: actions
  }
}

resource errorRate 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: '${namePrefix}-error-rate'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    description: 'More than ${errorRateThresholdPercent}% of HTTP requests failed in 15 minutes'
    severity: 2
    enabled: true
    scopes: [applicationInsights.id]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'requests | summarize total = count(), failed = countif(success == false) | extend errorRatePercent = iff(total == 0, 0.0, 100.0 * failed / total)'
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'errorRatePercent'
          operator: 'GreaterThan'
          threshold: errorRateThresholdPercent
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: empty(alertEmail) ? [] : [notify.id] }
  }
}
