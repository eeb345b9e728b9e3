// Decides whether a failed call is worth another attempt, and names the failure with a short,
// fixed class (`http_503`, `network`, `timeout` …) for readiness and telemetry. It reads the HTTP
// status wherever the common clients keep it: our HttpStatusError, the MCP client's SdkHttpError
// (`status`), Azure SDK RestError (`statusCode`, `response.headers`), the Cosmos DB SDK's
// ErrorResponse (a numeric `code` beside `headers`), anything with `response`, walking the
// `cause` chain, since SDKs wrap the error they received.
import { DomainError } from '../errors/domain-error.js';
import { TRANSIENT_HTTP_STATUSES } from './http-status-error.js';
import { retryAfterFromHeaders, type HeaderSource } from './retry-after.js';

export interface FailureClass {
  /** Another attempt may succeed: throttling, overload, gateway errors, timeouts, broken connections. */
  transient: boolean;
  /** A short name without data: `http_<status>`, `network`, `timeout`, `validation`, `malformed_answer`, `protocol_error` … */
  errorClass: string;
  /** How long the server asked us to wait (Retry-After), when it said. */
  retryAfterMs?: number;
}

/** Socket and DNS error codes (node, undici) that mean the connection failed or broke. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  // Azure core's RestError for a request that never got an answer.
  'REQUEST_SEND_ERROR',
]);

/** MCP client SdkError codes: the request timed out, or the connection went away. */
const MCP_TIMEOUT_CODES = new Set(['REQUEST_TIMEOUT']);
const MCP_NETWORK_CODES = new Set(['CONNECTION_CLOSED', 'SEND_FAILED']);

/** How deep the `cause` chain is followed. */
const MAX_CAUSE_DEPTH = 6;

type Fields = Record<string, unknown>;

/** Classifies `error`; `now` turns a Retry-After date into a wait. */
export function classifyFailure(error: unknown, now: Date = new Date()): FailureClass {
  for (const link of causeChain(error)) {
    const found = classifyOne(link, now);
    if (found !== undefined) return found;
  }
  return { transient: false, errorClass: 'unexpected' };
}

/** Shorthand for `classifyFailure(error).transient`. */
export function isTransientFailure(error: unknown): boolean {
  return classifyFailure(error).transient;
}

function classifyOne(error: unknown, now: Date): FailureClass | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const fields = error as Fields;
  // Our own decisions are final (a refused argument stays refused), except a timeout.
  if (error instanceof DomainError) return { transient: error.code === 'TIMEOUT', errorClass: error.code.toLowerCase() };
  // cockatiel's TaskCancelledError (its own isTaskCancelledError tests the wrong flag in 3.2.1).
  if (fields.isTaskCancelledError === true) return { transient: true, errorClass: 'timeout' };
  const name = typeof fields.name === 'string' ? fields.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return { transient: true, errorClass: 'timeout' };
  if (name === 'ZodError' || name === '$ZodError') return { transient: false, errorClass: 'validation' };
  // An answer that is not even JSON: retrying the same server will not fix it.
  if (name === 'SyntaxError') return { transient: false, errorClass: 'malformed_answer' };
  const status = httpStatusOf(fields);
  if (status !== undefined) {
    const transient = TRANSIENT_HTTP_STATUSES.has(status);
    const retryAfterMs = transient ? retryAfterFromHeaders(headersOf(fields), now) : undefined;
    return { transient, errorClass: `http_${status}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  if (code !== undefined && NETWORK_CODES.has(code)) return { transient: true, errorClass: 'network' };
  if (code !== undefined && MCP_TIMEOUT_CODES.has(code)) return { transient: true, errorClass: 'timeout' };
  if (code !== undefined && MCP_NETWORK_CODES.has(code)) return { transient: true, errorClass: 'network' };
  // A JSON-RPC error answer: the server understood and refused.
  if (name === 'ProtocolError' || (typeof fields.code === 'number' && Number.isInteger(fields.code) && fields.code < 0)) {
    return { transient: false, errorClass: 'protocol_error' };
  }
  // undici's `TypeError: fetch failed` carries the socket error as its cause (read next).
  return undefined;
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (current !== undefined && current !== null && chain.length < MAX_CAUSE_DEPTH && !chain.includes(current)) {
    chain.push(current);
    current = typeof current === 'object' ? (current as Fields).cause : undefined;
  }
  return chain;
}

/**
 * `status` (fetch Response, SdkHttpError, HttpStatusError), `statusCode` (RestError),
 * `response.status`, or a numeric `code` with `headers` (@azure/cosmos ErrorResponse).
 */
function httpStatusOf(fields: Fields): number | undefined {
  const response = typeof fields.response === 'object' && fields.response !== null ? (fields.response as Fields) : undefined;
  const cosmosCode = typeof fields.headers === 'object' && fields.headers !== null ? fields.code : undefined;
  for (const value of [fields.status, fields.statusCode, response?.status, cosmosCode]) {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599) return value;
  }
  return undefined;
}

function headersOf(fields: Fields): HeaderSource | undefined {
  const response = typeof fields.response === 'object' && fields.response !== null ? (fields.response as Fields) : undefined;
  const headers = fields.headers ?? response?.headers;
  return typeof headers === 'object' && headers !== null ? (headers as HeaderSource) : undefined;
}
