// The JSON-RPC method of a message as telemetry names it: an MCP method of either protocol era, or
// `other` for anything else (method names are typed by callers, so unknown ones are not recorded
// as they are: no unbounded span names, no caller text in telemetry), or `batch` for a batch.

const MCP_METHODS: ReadonlySet<string> = new Set([
  'initialize',
  'ping',
  'server/discover',
  'tools/list',
  'tools/call',
  'resources/list',
  'resources/read',
  'resources/templates/list',
  'resources/subscribe',
  'resources/unsubscribe',
  'prompts/list',
  'prompts/get',
  'completion/complete',
  'logging/setLevel',
  'subscriptions/listen',
  'tasks/get',
  'tasks/cancel',
  'tasks/update',
  'tasks/list',
  'tasks/result',
  'notifications/initialized',
  'notifications/cancelled',
  'notifications/progress',
  'notifications/roots/list_changed',
]);

export function mcpMethodName(message: unknown): string {
  if (Array.isArray(message)) return 'batch';
  const method = message !== null && typeof message === 'object' ? (message as { method?: unknown }).method : undefined;
  return typeof method === 'string' && MCP_METHODS.has(method) ? method : 'other';
}
