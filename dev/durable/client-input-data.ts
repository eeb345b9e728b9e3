// The binding data the Durable extension gives a function with a durable client input
// (OrchestrationClientInputData) and the management links it returns for an instance. The client
// itself only uses rpcBaseUrl; the webhook links (creationUrls, managementUrls) name the local host's
// /runtime/webhooks/durabletask routes as the extension would, which the local host does not serve.

/** Where the extension's webhooks would be: the host's origin and the task hub. */
export interface WebhookEndpoints {
  /** The public origin of the host (e.g. http://127.0.0.1:7071). */
  hostOrigin: string;
  taskHubName: string;
}

/** The connection name the extension puts in links when none is configured. */
const CONNECTION_NAME = 'Storage';

/** Placeholder for the instance id in managementUrls, as the extension uses. */
const INSTANCE_ID_PLACEHOLDER = 'INSTANCEID';

function webhookBase(endpoints: WebhookEndpoints): string {
  return `${endpoints.hostOrigin}/runtime/webhooks/durabletask`;
}

/** The links of an instance (HttpManagementPayload), as the extension builds them. */
export function managementLinks(endpoints: WebhookEndpoints, instanceId: string): Record<string, string> {
  const instance = `${webhookBase(endpoints)}/instances/${encodeURIComponent(instanceId)}`;
  const query = `taskHub=${encodeURIComponent(endpoints.taskHubName)}&connection=${CONNECTION_NAME}`;
  return {
    id: instanceId,
    statusQueryGetUri: `${instance}?${query}`,
    sendEventPostUri: `${instance}/raiseEvent/{eventName}?${query}`,
    terminatePostUri: `${instance}/terminate?reason={text}&${query}`,
    rewindPostUri: `${instance}/rewind?reason={text}&${query}`,
    purgeHistoryDeleteUri: `${instance}?${query}`,
    restartPostUri: `${instance}/restart?${query}`,
    suspendPostUri: `${instance}/suspend?reason={text}&${query}`,
    resumePostUri: `${instance}/resume?reason={text}&${query}`,
  };
}

/** What `context.extraInputs.get(durableClientInput)` returns (checked by isOrchestrationClientInputData). */
export function orchestrationClientInputData(endpoints: WebhookEndpoints, rpcBaseUrl: string): Record<string, unknown> {
  const base = webhookBase(endpoints);
  const orchestrators = `${base}/orchestrators/{functionName}[/{instanceId}]`;
  return {
    taskHubName: endpoints.taskHubName,
    creationUrls: {
      createNewInstancePostUri: `${orchestrators}?`,
      createAndWaitOnNewInstancePostUri: `${orchestrators}?timeout={timeoutInSeconds}&pollingInterval={intervalInSeconds}&`,
    },
    managementUrls: managementLinks(endpoints, INSTANCE_ID_PLACEHOLDER),
    baseUrl: base,
    requiredQueryStringParameters: '',
    rpcBaseUrl,
  };
}
