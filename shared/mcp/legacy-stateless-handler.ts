// Serves 2025-era (initialize-based) requests statelessly: a fresh server and transport per
// request. Unlike the SDK's built-in fallback, it answers plain JSON unless the request asks
// for progress, so SSE is used only when the call will send notifications.
import {
  WebStandardStreamableHTTPServerTransport,
  type AuthInfo,
  type McpServerFactory,
} from '@modelcontextprotocol/server';

export type LegacyHandler = (request: Request, parsedBody: unknown, authInfo: AuthInfo) => Promise<Response>;

/** True when any request in the body carries `_meta.progressToken`. */
export function wantsProgress(body: unknown): boolean {
  const messages = Array.isArray(body) ? body : [body];
  return messages.some((message) => {
    if (message === null || typeof message !== 'object' || !('params' in message)) return false;
    const params = (message as { params?: unknown }).params;
    if (params === null || typeof params !== 'object' || !('_meta' in params)) return false;
    const meta = (params as { _meta?: unknown })._meta;
    return meta !== null && typeof meta === 'object' && 'progressToken' in meta;
  });
}

export function createLegacyStatelessHandler(factory: McpServerFactory, maxBodyBytes: number): LegacyHandler {
  return async (request, parsedBody, authInfo) => {
    const server = await factory({ era: 'legacy', authInfo, requestInfo: request });
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: !wantsProgress(parsedBody),
      maxRequestBodySize: maxBodyBytes,
    });
    await server.connect(transport);
    const teardown = () => {
      transport.close().catch(() => {});
      server.close().catch(() => {});
    };
    const response = await transport.handleRequest(request, { authInfo, parsedBody });
    if (response.body === null || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      // A complete JSON answer leaves nothing open (no pending request, timer or stream), so the
      // per-request server and transport are simply dropped: closing them only builds a
      // "Connection closed" error with a stack trace for nobody (measured: ~3% of a call).
      return response;
    }
    // Streamed: close the per-request server once the stream ends or the client goes away.
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            teardown();
            controller.close();
          } else controller.enqueue(value);
        } catch (error) {
          teardown();
          controller.error(error);
        }
      },
      cancel(reason) {
        teardown();
        return reader.cancel(reason).catch(() => {});
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
