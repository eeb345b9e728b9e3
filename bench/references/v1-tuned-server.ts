// The v1 SDK reference as a careful user would tune it: still a new McpServer and a stateless
// StreamableHTTPServerTransport per request (as in v1-server.ts), but one JSON Schema validator
// shared by every per-request server (each McpServer otherwise builds its own Ajv) and the
// tool's zod input schema built once. Nothing else differs, so it raises the "× v1" bar fairly.
import http from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import * as z from 'zod';
import { announceListening, referencePort, TRIVIAL_TOOL_DESCRIPTION, TRIVIAL_TOOL_NAME } from './trivial-tool.js';

const JSON_SCHEMA_VALIDATOR = new AjvJsonSchemaValidator();
const ADD_INPUT = z.object({ a: z.number(), b: z.number() });

function getServer(): McpServer {
  const server = new McpServer({ name: 'v1-tuned-reference', version: '1.0.0' }, { jsonSchemaValidator: JSON_SCHEMA_VALIDATOR });
  server.registerTool(TRIVIAL_TOOL_NAME, { description: TRIVIAL_TOOL_DESCRIPTION, inputSchema: ADD_INPUT }, async ({ a, b }) => ({
    content: [{ type: 'text', text: String(a + b) }],
  }));
  return server;
}

async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST' }).end();
    return;
  }
  const server = getServer();
  try {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    await transport.handleRequest(req, res);
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
  } catch {
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"jsonrpc":"2.0","error":{"code":-32603,"message":"Internal server error"},"id":null}');
    }
  }
}

const httpServer = http.createServer((req, res) => {
  serve(req, res).catch(() => res.destroy());
});
httpServer.listen(referencePort(process.env), '127.0.0.1', () => announceListening(httpServer));
