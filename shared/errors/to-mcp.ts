// Maps any error thrown by a tool to the MCP tool result the client sees. Domain errors keep
// their message and code; anything else becomes a generic message with the request id so an
// operator can find the logged cause. Never a protocol-level failure, never a 500. An
// UNAVAILABLE error from a dependency's resilience policy also says, in `_meta`, which
// dependency failed and when to retry (docs/resilience.md).
import type { CallToolResult } from '@modelcontextprotocol/server';
import { DomainError } from './domain-error.js';

export interface ToolErrorView {
  code: string;
  message: string;
}

/** What `_meta["contoso/error"]` carries: always the code and request id, and for a failed dependency its name and retry hint. */
export interface ToolErrorMeta {
  code: string;
  request_id: string;
  dependency?: string;
  retry_after_seconds?: number;
  error_class?: string;
}

/** The client-facing view of `error`; `expected` tells whether it is a domain error. */
export function describeToolError(error: unknown, requestId: string): ToolErrorView & { expected: boolean } {
  if (error instanceof DomainError) return { code: error.code, message: error.message, expected: true };
  return { code: 'INTERNAL', message: `The tool failed unexpectedly (request id ${requestId}).`, expected: false };
}

/** Only these details reach the client: a dependency's name, whole seconds, a fixed error class (never data). */
function dependencyFields(error: unknown): Pick<ToolErrorMeta, 'dependency' | 'retry_after_seconds' | 'error_class'> {
  if (!(error instanceof DomainError) || error.code !== 'UNAVAILABLE') return {};
  const { dependency, retry_after_seconds: seconds, error_class: errorClass } = error.details;
  if (typeof dependency !== 'string') return {};
  return {
    dependency,
    ...(typeof seconds === 'number' && Number.isSafeInteger(seconds) && seconds >= 0 ? { retry_after_seconds: seconds } : {}),
    ...(typeof errorClass === 'string' && /^[a-z0-9_]{1,40}$/.test(errorClass) ? { error_class: errorClass } : {}),
  };
}

export function toToolErrorResult(error: unknown, requestId: string): CallToolResult {
  const view = describeToolError(error, requestId);
  const meta: ToolErrorMeta = { code: view.code, request_id: requestId, ...dependencyFields(error) };
  return {
    isError: true,
    content: [{ type: 'text', text: `${view.code}: ${view.message}` }],
    _meta: { 'contoso/error': meta },
  };
}
