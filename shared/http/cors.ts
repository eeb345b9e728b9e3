// CORS for browser-based MCP clients: preflights are answered only for allowed origins, and
// responses expose the MCP headers a client must read.
import type { HttpAnswer } from './http-answer.js';

const ALLOWED_METHODS = 'POST, OPTIONS';
const ALLOWED_HEADERS = [
  'content-type',
  'accept',
  'authorization',
  'mcp-protocol-version',
  'mcp-method',
  'mcp-name',
  'mcp-session-id',
  'last-event-id',
].join(', ');
const EXPOSED_HEADERS = ['mcp-session-id', 'mcp-protocol-version', 'www-authenticate'].join(', ');

export function preflightAnswer(origin: string): HttpAnswer {
  return {
    status: 204,
    body: '',
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': ALLOWED_METHODS,
      'access-control-allow-headers': ALLOWED_HEADERS,
      'access-control-max-age': '600',
      vary: 'Origin',
    },
  };
}

/** Adds the CORS response headers for an allowed browser origin. */
export function withCorsHeaders(answer: HttpAnswer, origin: string | null): HttpAnswer {
  if (origin === null) return answer;
  const vary = answer.headers.vary;
  return {
    ...answer,
    headers: { ...answer.headers, 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED_HEADERS, vary: vary ? `${vary}, Origin` : 'Origin' },
  };
}

/** withCorsHeaders for a web Response (answers the SDK streams or writes itself). */
export function withCorsHeadersOnResponse(response: Response, origin: string | null): Response {
  if (origin === null) return response;
  const headers = new Headers(response.headers);
  headers.set('access-control-allow-origin', origin);
  headers.set('access-control-expose-headers', EXPOSED_HEADERS);
  headers.append('vary', 'Origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
