// Answers the Durable extension's HTTP API (the subset DurableClient uses over rpcBaseUrl) with the
// extension's routes, status codes and JSON (HttpApiHandler): orchestrators/{name}[/{id}],
// instances/[{id}[/{operation}]], instances/{id}/raiseEvent/{event}. Inputs are checked here; a
// refusal is the extension's 400/404/410 answer, never a thrown error.
import { managementLinks, type WebhookEndpoints } from './client-input-data.js';
import type { ControlOutcome, InstanceManagement } from './instance-management.js';
import { decodeLeniently, parseQuery, type QueryParameters } from './query-parameters.js';
import { DurableRequestError, InstanceAlreadyExistsError } from './runner-errors.js';
import { historyView, statusPayload } from './status-payload.js';

export interface RpcRequest {
  method: string;
  /** The request's absolute URL (what a 202 names in Location). */
  url: string;
  /** The path after the RPC base, still percent-encoded, without leading or trailing slashes. */
  path: string;
  /** The query string without `?`. */
  query: string;
  contentType: string | undefined;
  body: string;
}

export interface RpcAnswer {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON; undefined sends no body. */
  body?: unknown;
}

export interface RpcContext {
  management: InstanceManagement;
  endpoints: WebhookEndpoints;
  clock: () => Date;
}

/** The extension's error body (HttpRequestMessageExtensions.CreateErrorResponse). */
function errorAnswer(status: number, message: string, exception?: { message: string; type: string }): RpcAnswer {
  const body = exception === undefined ? { Message: message } : { Message: message, ExceptionMessage: exception.message, ExceptionType: exception.type, StackTrace: null };
  return { status, body };
}

const notFound: RpcAnswer = { status: 404 };

/** The JSON text of a request body (empty: none), or undefined when it is not JSON. */
function jsonText(body: string): string | null | undefined {
  if (body.trim() === '') return null;
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return undefined;
  }
}

function invalidJson(body: string): RpcAnswer {
  let message = 'Invalid JSON';
  try {
    JSON.parse(body);
  } catch (error) {
    message = error instanceof Error ? error.message : message;
  }
  return errorAnswer(400, 'Invalid JSON content', { message, type: 'Newtonsoft.Json.JsonReaderException' });
}

async function startOrchestration(request: RpcRequest, context: RpcContext, name: string, instanceId: string | undefined): Promise<RpcAnswer> {
  const input = jsonText(request.body);
  if (input === undefined) return invalidJson(request.body);
  try {
    const id = await context.management.startNew(name, instanceId, input);
    const links = managementLinks(context.endpoints, id);
    const { rewindPostUri: _rewind, ...payload } = links;
    return { status: 202, headers: { location: links.statusQueryGetUri ?? '', 'retry-after': '10' }, body: payload };
  } catch (error) {
    if (!(error instanceof DurableRequestError)) throw error;
    const exception = { message: error.message, type: error.exceptionType };
    if (error instanceof InstanceAlreadyExistsError) return errorAnswer(500, 'Something went wrong while processing your request', exception);
    return errorAnswer(400, 'One or more of the arguments submitted is incorrect', exception);
  }
}

function instanceStatus(request: RpcRequest, context: RpcContext, instanceId: string, query: QueryParameters): RpcAnswer {
  const record = context.management.instance(instanceId);
  if (record === undefined) return notFound;
  const showInput = query.boolean('showInput') ?? true;
  const showHistory = query.boolean('showHistory') ?? false;
  const historyOptions = { showInput, showHistoryOutput: query.boolean('showHistoryOutput') ?? false };
  const historyEvents = showHistory && record.runtimeStatus !== 'Pending' ? historyView(context.management.history(instanceId), historyOptions) : undefined;
  const body = statusPayload(record, { showInput, ...(historyEvents === undefined ? {} : { historyEvents }) });
  switch (record.runtimeStatus) {
    case 'Pending':
    case 'Running':
    case 'Suspended':
      return { status: 202, headers: { location: request.url, 'retry-after': '5' }, body };
    case 'Failed':
      return { status: query.boolean('returnInternalServerErrorOnFailure') === true ? 500 : 200, body };
    default:
      return { status: 200, body };
  }
}

function listInstances(context: RpcContext, query: QueryParameters): RpcAnswer {
  const prefix = query.get('instanceIdPrefix');
  const showInput = query.boolean('showInput') ?? true;
  const records = context.management
    .instances({ createdTimeFrom: query.time('createdTimeFrom'), createdTimeTo: query.time('createdTimeTo'), runtimeStatus: query.statuses('runtimeStatus') })
    .filter((record) => prefix === undefined || record.instanceId.startsWith(prefix));
  return { status: 200, body: records.map((record) => statusPayload(record, { showInput })) };
}

async function purgeBy(context: RpcContext, query: QueryParameters): Promise<RpcAnswer> {
  const createdTimeFrom = query.time('createdTimeFrom');
  if (createdTimeFrom === undefined) return { status: 400, body: "Please provide value for 'createdTimeFrom' parameter." };
  const createdTimeTo = query.time('createdTimeTo') ?? context.clock().toISOString();
  const deleted = await context.management.purgeBy({ createdTimeFrom, createdTimeTo, runtimeStatus: query.statuses('runtimeStatus') });
  return deleted === 0 ? notFound : { status: 200, body: { instancesDeleted: deleted } };
}

function controlAnswer(outcome: ControlOutcome): RpcAnswer {
  return outcome === 'accepted' ? { status: 202 } : outcome === 'gone' ? { status: 410 } : notFound;
}

async function raiseEvent(request: RpcRequest, context: RpcContext, instanceId: string, eventName: string): Promise<RpcAnswer> {
  const record = context.management.instance(instanceId);
  if (record === undefined) return notFound;
  if (record.runtimeStatus === 'Completed' || record.runtimeStatus === 'Failed' || record.runtimeStatus === 'Terminated') return { status: 410 };
  const mediaType = request.contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return errorAnswer(400, 'Only application/json request content is supported');
  const input = jsonText(request.body);
  if (input === undefined) return invalidJson(request.body);
  return controlAnswer(await context.management.raiseEvent(instanceId, eventName, input));
}

async function instanceOperation(request: RpcRequest, context: RpcContext, instanceId: string, operation: string, query: QueryParameters): Promise<RpcAnswer> {
  const reason = query.trailing('reason') ?? null;
  switch (operation.toLowerCase()) {
    case 'terminate':
      return controlAnswer(await context.management.terminate(instanceId, reason));
    case 'suspend':
      return controlAnswer(await context.management.suspend(instanceId, reason));
    case 'resume':
      return controlAnswer(await context.management.resume(instanceId, reason));
    case 'rewind':
    case 'restart':
      return errorAnswer(501, `The local durable runner does not support ${operation}.`);
    default:
      return notFound;
  }
}

/** Answers one RPC request; throws only on a fault of the runner itself. */
export async function answerRpc(request: RpcRequest, context: RpcContext): Promise<RpcAnswer> {
  const segments = request.path === '' ? [] : request.path.split('/').map(decodeLeniently);
  const query = parseQuery(request.query);
  const method = request.method.toUpperCase();
  const [area, first, second, third, ...rest] = segments;
  if (rest.length > 0 || first === '') return notFound;
  if (area === 'orchestrators' && first !== undefined && third === undefined) {
    return method === 'POST' ? startOrchestration(request, context, first, second) : notFound;
  }
  if (area === 'entities') return errorAnswer(501, 'The local durable runner does not support entities.');
  if (area !== 'instances') return notFound;
  if (first === undefined) {
    if (method === 'GET') return listInstances(context, query);
    return method === 'DELETE' ? purgeBy(context, query) : notFound;
  }
  if (second === undefined) {
    if (method === 'GET') return instanceStatus(request, context, first, query);
    if (method !== 'DELETE') return notFound;
    const deleted = await context.management.purge(first);
    return deleted === undefined ? notFound : { status: 200, body: { instancesDeleted: deleted } };
  }
  if (method !== 'POST') return notFound;
  if (third !== undefined) return second.toLowerCase() === 'raiseevent' && third !== '' ? raiseEvent(request, context, first, third) : notFound;
  return instanceOperation(request, context, first, second, query);
}
