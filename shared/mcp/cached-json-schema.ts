// A zod schema wrapped so its JSON Schema is computed once per process instead of on every
// request: the SDK converts tool schemas each time a per-request server lists or calls a tool,
// which profiling showed as the largest single cost. Validation still runs through zod. What is
// kept is the schema as clients see it (client-json-schema.ts: no `$schema`, no ±2^53 bounds).
import type { StandardSchemaWithJSON } from '@modelcontextprotocol/server';
import type * as z from 'zod';
import { forClients } from './client-json-schema.js';

type Io = 'input' | 'output';

export interface CachedJsonSchemaOptions {
  /**
   * run-tool validates with the same zod schema itself (tool arguments, so a failure carries our
   * error code and request id; tool output, parsed before it is returned), so the SDK's own
   * validation passes values as they are instead of parsing them a second time.
   */
  alreadyValidated?: boolean;
}

export function withCachedJsonSchema<S extends z.ZodType>(
  schema: S,
  options: CachedJsonSchemaOptions = {},
): StandardSchemaWithJSON<z.input<S>, z.output<S>> {
  const standard = schema['~standard'] as unknown as StandardSchemaWithJSON<z.input<S>, z.output<S>>['~standard'];
  const cache = new Map<string, Record<string, unknown>>();
  const converted = (io: Io) => (options: { target: string }) => {
    const key = `${io}:${options.target}`;
    let result = cache.get(key);
    if (result === undefined) {
      result = deepFreeze(forClients(standard.jsonSchema[io](options as Parameters<typeof standard.jsonSchema.input>[0])));
      cache.set(key, result);
    }
    return result;
  };
  return {
    '~standard': {
      version: 1,
      vendor: standard.vendor,
      validate: options.alreadyValidated ? (value: unknown) => ({ value: value as z.output<S> }) : (value: unknown) => standard.validate(value),
      jsonSchema: { input: converted('input'), output: converted('output') },
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
