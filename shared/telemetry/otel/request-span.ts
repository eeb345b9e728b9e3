// One server span per MCP request, around both faces of the endpoint. The span's parent is the
// Functions host's request (the invocation's traceparent), everything the endpoint does runs with
// the span active (tool, store and dependency spans become its children, log lines carry its ids),
// and the scope handed on carries the RequestTrace the endpoint's stages report to. A request the
// direct face hands back to the web face keeps its one span. A streamed answer ends its span when
// the stream ends.
import { context, SpanKind, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { answerText, type HttpAnswer } from '../../http/http-answer.js';
import type { McpEndpoint } from '../../mcp/mcp-endpoint.js';
import type { RequestScope } from '../../request/request-scope.js';
import { endRequestSpan, requestRecorder, rpcErrorCode, type RecordedRequest, type RequestEnd } from './request-outcome.js';
import type { TelemetryInstruments } from './telemetry-metrics.js';
import { ATTR } from './telemetry-names.js';
import { withRemoteParent } from './trace-parent.js';

export interface RequestSpanOptions {
  tracer: Tracer;
  instruments: TelemetryInstruments;
}

/** A request's span while it is served. */
interface OpenRequest {
  readonly context: Context;
  readonly scope: RequestScope;
  end(how: RequestEnd): void;
}

export function traceMcpEndpoint(endpoint: McpEndpoint, options: RequestSpanOptions): McpEndpoint {
  const { tracer, instruments } = options;
  /** Requests the direct face handed back, by invocation: the web face continues their span. */
  const handedBack = new WeakMap<object, OpenRequest>();

  function openRequest(scope: RequestScope, httpMethod: string): OpenRequest {
    const parent = withRemoteParent(context.active(), scope.invocation.traceContext?.traceParent);
    const span: Span = tracer.startSpan(`${httpMethod} /api/mcp`, { kind: SpanKind.SERVER, attributes: { [ATTR.HTTP_METHOD]: httpMethod, [ATTR.REQUEST_ID]: scope.requestId } }, parent);
    const recorded: RecordedRequest = {};
    let ended = false;
    return {
      context: trace.setSpan(parent, span),
      scope: Object.freeze({ ...scope, trace: requestRecorder(span, recorded) }),
      end(how) {
        if (ended) return;
        ended = true;
        endRequestSpan(span, recorded, how, instruments);
      },
    };
  }

  return {
    web: async function handleTracedMcpRequest(request, scope) {
      const open = handedBack.get(scope.invocation) ?? openRequest(scope, request.method.toUpperCase());
      handedBack.delete(scope.invocation);
      let response: Response;
      try {
        response = await context.with(open.context, () => endpoint.web(request, open.scope));
      } catch (failure) {
        open.end({ failure });
        throw failure;
      }
      return endWithResponse(open, response);
    },
    direct: async function answerTracedMcpDirectly(head, body, scope) {
      const open = openRequest(scope, head.method);
      let answer: HttpAnswer | undefined;
      try {
        answer = await context.with(open.context, () => endpoint.direct(head, body, open.scope));
      } catch (failure) {
        open.end({ failure });
        throw failure;
      }
      if (answer === undefined) handedBack.set(scope.invocation, open);
      else open.end({ status: answer.status, bodyRpcCode: answer.status >= 400 ? rpcErrorCode(answerText(answer)) : undefined });
      return answer;
    },
  };
}

/** Ends the span with the answer: at once for a JSON or empty body, at the stream's end for a streamed one. */
async function endWithResponse(open: OpenRequest, response: Response): Promise<Response> {
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  if (response.body === null) {
    open.end({ status: response.status });
    return response;
  }
  if ((response.headers.get('content-type') ?? '').startsWith('application/json')) {
    const text = await response.text();
    open.end({ status: response.status, bodyRpcCode: rpcErrorCode(text) });
    return new Response(text, init);
  }
  const reader = response.body.getReader();
  const streamed = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          open.end({ status: response.status });
          controller.close();
        } else controller.enqueue(value);
      } catch (failure) {
        open.end({ failure });
        controller.error(failure);
      }
    },
    cancel(reason) {
      open.end({ status: response.status }); // the client went away: nothing failed on our side
      return reader.cancel(reason).catch(() => {});
    },
  });
  return new Response(streamed, init);
}
