// Client spans around calls to the app's dependencies, from one helper: the store's port methods
// (one span per repo call, e.g. `customers.get`), the durable job engine, and an injected fetch
// (the JWKS endpoint). Applied once when the app is built, only with telemetry on. A span names
// the operation, never its arguments; a failure records its class, not its message (messages can
// carry data). Domain outcomes (NOT_FOUND, CONFLICT …) are answers, not dependency failures.
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import { DomainError } from '../../errors/domain-error.js';
import { setErrorType } from './error-type.js';
import { ATTR } from './telemetry-names.js';

/** Domain errors that mean the dependency itself failed. */
const DEPENDENCY_FAILURE_CODES: ReadonlySet<string> = new Set(['UNAVAILABLE', 'TIMEOUT']);

/** Runs `call` under a client span named `name`; marks the span failed when the dependency failed. */
export function inClientSpan<T>(tracer: Tracer, name: string, attributes: Attributes, call: () => T): T {
  const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes });
  const fail = (error: unknown) => {
    if (error instanceof DomainError && !DEPENDENCY_FAILURE_CODES.has(error.code)) {
      span.setAttribute(ATTR.DEPENDENCY_OUTCOME, error.code);
    } else {
      setErrorType(span, error instanceof DomainError ? error.code : error instanceof Error ? error.name : 'error');
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
  };
  let result: T;
  try {
    result = context.with(trace.setSpan(context.active(), span), call);
  } catch (error) {
    fail(error);
    span.end();
    throw error;
  }
  if (!(result instanceof Promise)) {
    span.end();
    return result;
  }
  return result.then(
    (value: unknown) => {
      span.end();
      return value;
    },
    (error: unknown) => {
      fail(error);
      span.end();
      throw error;
    },
  ) as T;
}

/**
 * A copy of `target` whose every method runs in a client span `<prefix>.<method>` (that name also
 * under `operationAttribute`, when given); other members are kept as they are. Methods run with
 * `target` as `this`.
 */
export function withMethodSpans<T extends object>(tracer: Tracer, target: T, prefix: string, attributes: Attributes, operationAttribute?: string): T {
  const traced: Record<string, unknown> = {};
  for (const key of Object.keys(target)) {
    const member = (target as Record<string, unknown>)[key];
    if (typeof member !== 'function') {
      traced[key] = member;
      continue;
    }
    const operation = `${prefix}.${key}`;
    const spanAttributes = operationAttribute === undefined ? attributes : { ...attributes, [operationAttribute]: operation };
    traced[key] = function tracedMethod(...args: unknown[]) {
      return inClientSpan(tracer, operation, spanAttributes, () => (member as (...a: unknown[]) => unknown).apply(target, args));
    };
  }
  return traced as T;
}

/**
 * `target` behind a proxy whose every method, own or inherited (class instances such as the Blob
 * conversation store keep theirs on the prototype), runs in a client span `<prefix>.<method>`;
 * other members, getters included, read through live. Methods run with `target` itself as `this`,
 * so private fields keep working.
 */
export function withPortSpans<T extends object>(tracer: Tracer, target: T, prefix: string, attributes: Attributes): T {
  const wrapped = new Map<string, (...args: unknown[]) => unknown>();
  return new Proxy(target, {
    get(object, key) {
      const member: unknown = Reflect.get(object, key, object);
      if (typeof key !== 'string' || key === 'constructor' || typeof member !== 'function') return member;
      let traced = wrapped.get(key);
      if (traced === undefined) {
        const method = member as (...args: unknown[]) => unknown;
        const operation = `${prefix}.${key}`;
        traced = function tracedPortMethod(...args: unknown[]) {
          return inClientSpan(tracer, operation, attributes, () => method.apply(object, args));
        };
        wrapped.set(key, traced);
      }
      return traced;
    },
  });
}
