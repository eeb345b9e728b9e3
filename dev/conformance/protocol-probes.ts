// Diagnostic fixtures the 2026-07-28 protocol scenarios look for by name: server-stateless
// (capability refusal, response streams, logLevel gating, list-changed events on listen streams),
// json-schema-2020-12 (a schema advertised verbatim) and SEP-2243 parameter headers.
import { fromJsonSchema, inputRequired, type McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import type { ServerExtensionContext } from '../../shared/mcp/server-extension.js';
import { textResult } from './fixture-content.js';
import { askModel, sampledText } from './input-requests.js';

const NO_ARGUMENTS = z.object({});

/** Registers the protocol probes; the list-changed triggers publish through `context.notify`. */
export function registerProtocolProbes(server: McpServer, context: ServerExtensionContext): void {
  // Called without the sampling capability: the SDK refuses the sampling input request (-32021).
  server.registerTool(
    'test_missing_capability',
    { description: 'Needs the sampling client capability', inputSchema: NO_ARGUMENTS },
    (_args, ctx) => {
      if (sampledText(ctx.mcpReq.inputResponses, 'llm_answer') === undefined) {
        return inputRequired({ inputRequests: { llm_answer: askModel('Reply with the single word: pong', 16) } });
      }
      return textResult('sampling round-trip complete');
    },
  );

  server.registerTool('test_streaming_elicitation', { description: 'A plain call whose response stream carries only its result', inputSchema: NO_ARGUMENTS }, () =>
    textResult('stream observed: result frames only, no top-level requests'),
  );

  server.registerTool('test_logging_tool', { description: 'Logs through the request, which delivers only when _meta.logLevel asks', inputSchema: NO_ARGUMENTS }, async (_args, ctx) => {
    await ctx.mcpReq.log('info', 'test_logging_tool ran');
    return textResult('logged through the request-scoped, logLevel-gated channel');
  });

  server.registerTool('test_trigger_tool_change', { description: 'Publishes tools/list_changed to open listen streams', inputSchema: NO_ARGUMENTS }, () => {
    context.notify.toolsChanged();
    return textResult('tools_list_changed published');
  });

  server.registerTool('test_trigger_prompt_change', { description: 'Publishes prompts/list_changed to open listen streams', inputSchema: NO_ARGUMENTS }, () => {
    context.notify.promptsChanged();
    return textResult('prompts_list_changed published');
  });

  server.registerTool(
    'json_schema_2020_12_tool',
    { description: 'Advertises a JSON Schema 2020-12 input schema verbatim', inputSchema: fromJsonSchema(JSON_SCHEMA_2020_12) },
    (args) => textResult(`JSON Schema 2020-12 tool called with: ${JSON.stringify(args)}`),
  );

  server.registerTool(
    'test_x_mcp_header',
    {
      description: 'Mirrors its region argument into the Mcp-Param-Region header (SEP-2243)',
      inputSchema: fromJsonSchema<{ region?: string; level?: number }>({
        type: 'object',
        properties: {
          region: REGION_PROPERTY,
          level: { type: 'integer', description: 'not mirrored' },
        },
      }),
    },
    (args) => textResult(`region=${args.region ?? '<none>'}`),
  );
}

/** The SEP-2243 annotation is an extension keyword, outside the SDK's JSON Schema type. */
const REGION_PROPERTY = { type: 'string', description: 'mirrored into Mcp-Param-Region', 'x-mcp-header': 'Region' } as const;

const JSON_SCHEMA_2020_12 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  $defs: { address: { $anchor: 'addressDef', type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } } } },
  properties: {
    name: { type: 'string' },
    address: { $ref: '#/$defs/address' },
    contactMethod: { type: 'string', enum: ['phone', 'email'] },
    phone: { type: 'string' },
    email: { type: 'string' },
  },
  allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
  if: { properties: { contactMethod: { const: 'phone' } }, required: ['contactMethod'] },
  then: { required: ['phone'] },
  else: { required: ['email'] },
  additionalProperties: false,
} as const;
