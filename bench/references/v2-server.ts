// The v2 SDK reference (`@modelcontextprotocol/server` 2.x): one `createMcpHandler` whose
// factory builds a McpServer with one trivial tool per request (the default stateless legacy
// leg serves 2025-era POSTs), mounted on node:http through a small Node ⇄ web adapter shaped
// like `toNodeHandler` of `@modelcontextprotocol/node` (not installed here).
import http from 'node:http';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import { announceListening, referencePort, TRIVIAL_TOOL_DESCRIPTION, TRIVIAL_TOOL_NAME } from './trivial-tool.js';

const handler = createMcpHandler(() => {
  const server = new McpServer({ name: 'v2-reference', version: '1.0.0' });
  server.registerTool(
    TRIVIAL_TOOL_NAME,
    { description: TRIVIAL_TOOL_DESCRIPTION, inputSchema: z.object({ a: z.number(), b: z.number() }) },
    async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
  );
  return server;
});

/** Node request → web Request, with the body read as text (as `toWebRequest` does). */
async function toWebRequest(req: http.IncomingMessage, signal: AbortSignal): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  let body = '';
  if (method !== 'GET' && method !== 'HEAD') for await (const chunk of req) body += (chunk as Buffer).toString('utf8');
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method, headers, signal, ...(body === '' ? {} : { body }) });
}

async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  let response: Response;
  try {
    response = await handler.fetch(await toWebRequest(req, abort.signal));
  } catch {
    response = Response.json({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal server error' }, id: null }, { status: 500 });
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  res.writeHead(response.status, headers);
  if (response.body !== null) {
    const reader = response.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) res.write(next.value);
  }
  res.end();
}

const httpServer = http.createServer((req, res) => {
  serve(req, res).catch(() => res.destroy());
});
httpServer.listen(referencePort(process.env), '127.0.0.1', () => announceListening(httpServer));
