// Every input field of every registered tool, read from the JSON Schema its zod input schema
// publishes (nested objects such as update_subscription's `update` included), and a helper that
// builds a call with one field changed, made harmless if the tool mutates.
import * as z from 'zod';
import { CONTOSO_TOOLS } from '../../../shared/tools/registry.js';
import type { AnyTool } from '../../../shared/mcp/define-tool.js';
import { post, type Category, type Expectation, type FuzzCase } from './fuzz-case.js';
import { poisonIfValid } from './mutation-guard.js';
import { expectFromBody } from './oracle.js';
import { json, toolCall, validArguments, type Json, type JsonObject } from './requests.js';

export interface FieldSchema {
  type?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: Json[];
  anyOf?: FieldSchema[];
  const?: Json;
  properties?: Record<string, FieldSchema>;
  required?: string[];
  additionalProperties?: boolean;
}

export interface ToolField {
  tool: AnyTool;
  /** Path inside the arguments, e.g. ['update', 'status']. */
  path: string[];
  schema: FieldSchema;
  required: boolean;
}

export function inputSchemaOf(tool: AnyTool): FieldSchema {
  return z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' }) as FieldSchema;
}

function collect(tool: AnyTool, schema: FieldSchema, prefix: string[]): ToolField[] {
  const fields: ToolField[] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = [...prefix, name];
    fields.push({ tool, path, schema: field, required: (schema.required ?? []).includes(name) });
    if (field.type === 'object' && field.properties) fields.push(...collect(tool, field, path));
  }
  return fields;
}

/** All fields of all tools, in registry order. */
export function allToolFields(): ToolField[] {
  return CONTOSO_TOOLS.flatMap((tool) => collect(tool, inputSchemaOf(tool), []));
}

export const REMOVE_FIELD = Symbol('remove');

/** The tool's valid arguments with the field at `path` set to `value` (or removed). */
export function argumentsWith(tool: AnyTool, path: readonly string[], value: Json | typeof REMOVE_FIELD): JsonObject {
  const args = validArguments(tool.name);
  let node: JsonObject = args;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node = node[key] = {};
    else node = next;
  }
  const last = path[path.length - 1]!;
  if (value === REMOVE_FIELD) delete node[last];
  else node[last] = value;
  return args;
}

/**
 * A tools/call case for `tool` with `args`; a mutating tool's arguments are poisoned first
 * when its schema would accept them. Undefined when they cannot be made invalid.
 */
export function toolCase(category: Category, name: string, tool: AnyTool, args: Json, expect?: Expectation): FuzzCase | undefined {
  const safe = poisonIfValid(tool.name, args);
  if (safe === undefined) return undefined;
  const body = json(toolCall(tool.name, safe));
  const judged = expectFromBody(body, { allow: ['status4xx', 'rpcError', 'toolError'] });
  return post(category, name, body, safe === args ? (expect ?? judged) : judged);
}
