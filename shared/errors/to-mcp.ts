// Maps any error thrown by a tool to the MCP tool result the client sees. Domain errors keep
// their message and code; anything else becomes a generic message with the request id so an
// operator can find the logged cause. Never a protocol-level failure, never a 500. An UNAVAILABLE
// error also names, in `_meta["contoso/error"]`, the dependency and when to retry, so an agent can
// wait rather than parse the message.
import type { CallToolResult } from '@modelcontextprotocol/server';
import { DomainError, UnavailableError } from './domain-error.js';

export interface ToolErrorView {
  code: string;
  message: string;
}

/** The client-facing view of `error`; `expected` tells whether it is a domain error. */
export function describeToolError(error: unknown, requestId: string): ToolErrorView & { expected: boolean } {
  if (error instanceof DomainError) return { code: error.code, message: error.message, expected: true };
  return { code: 'INTERNAL', message: `The tool failed unexpectedly (request id ${requestId}).`, expected: false };
}

export function toToolErrorResult(error: unknown, requestId: string): CallToolResult {
  const view = describeToolError(error, requestId);
  return {
    isError: true,
    content: [{ type: 'text', text: `${view.code}: ${view.message}` }],
    _meta: { 'contoso/error': { code: view.code, request_id: requestId, ...retryHintOf(error) } },
  };
}

/** `dependency` and `retry_after_seconds` of an UnavailableError, when it carries them. */
function retryHintOf(error: unknown): { dependency?: string; retry_after_seconds?: number } {
  if (!(error instanceof UnavailableError)) return {};
  const { dependency, retry_after_seconds: seconds } = error.details;
  return {
    ...(typeof dependency === 'string' ? { dependency } : {}),
    ...(typeof seconds === 'number' && Number.isFinite(seconds) ? { retry_after_seconds: seconds } : {}),
  };
}
