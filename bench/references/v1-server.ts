// The v1 SDK reference (`@modelcontextprotocol/sdk` 1.x): a new McpServer and a stateless
// StreamableHTTPServerTransport per request, closed when the response closes, as the SDK's
// simpleStatelessStreamableHttp example does (on plain node:http instead of Express, so the
// transport reads the body itself). One trivial tool; nothing shared between requests.
import http from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import * as z from 'zod';
import { announceListening, referencePort, TRIVIAL_TOOL_DESCRIPTION, TRIVIAL_TOOL_NAME } from './trivial-tool.js';

function getServer(): McpServer {
  const server = new McpServer({ name: 'v1-reference', version: '1.0.0' });
  server.registerTool(
    TRIVIAL_TOOL_NAME,
    { description: TRIVIAL_TOOL_DESCRIPTION, inputSchema: { a: z.number(), b: z.number() } },
    async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
  );
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
