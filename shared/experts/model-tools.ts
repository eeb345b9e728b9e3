// Contoso tools as the model sees them: name, description and the input's JSON Schema as MCP
// clients see it (client-json-schema.ts), computed once per tool. The idempotency_key argument
// is left out: the expert sets it itself (see ticket-idempotency.ts), so a model can neither
// choose nor reuse one.
import * as z from 'zod';
import type { ModelTool } from '../azure-openai/chat-model.js';
import { forClients } from '../mcp/client-json-schema.js';
import type { AnyTool } from '../mcp/define-tool.js';

/** The argument the expert fills in itself on tools that take one. */
export const IDEMPOTENCY_ARGUMENT = 'idempotency_key';

const cache = new WeakMap<AnyTool, ModelTool>();

export function modelToolOf(tool: AnyTool): ModelTool {
  let modelTool = cache.get(tool);
  if (modelTool === undefined) {
    modelTool = Object.freeze({ name: tool.name, description: tool.description, parameters: Object.freeze(parametersOf(tool)) });
    cache.set(tool, modelTool);
  }
  return modelTool;
}

function parametersOf(tool: AnyTool): Record<string, unknown> {
  const schema = forClients(z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' }));
  const properties = { ...(schema.properties as Record<string, unknown> | undefined) };
  if (!(IDEMPOTENCY_ARGUMENT in properties)) return schema;
  delete properties[IDEMPOTENCY_ARGUMENT];
  const required = Array.isArray(schema.required) ? schema.required.filter((name) => name !== IDEMPOTENCY_ARGUMENT) : undefined;
  return { ...schema, properties, ...(required ? { required } : {}) };
}

/** Whether `tool` takes an idempotency key (the expert then derives one per call). */
export function takesIdempotencyKey(tool: AnyTool): boolean {
  return IDEMPOTENCY_ARGUMENT in tool.input.shape;
}
