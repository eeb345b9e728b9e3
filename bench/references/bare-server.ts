// The floor of framework overhead: a node:http server that answers `tools/list` and
// `tools/call add` with hand-written JSON-RPC, and nothing else (no MCP SDK, no validation
// beyond JSON.parse, no auth). Every other server's rate is reported as a fraction of this one.
import http from 'node:http';
import { announceListening, referencePort, TRIVIAL_TOOL_DESCRIPTION, TRIVIAL_TOOL_NAME } from './trivial-tool.js';

const TOOLS_LIST_RESULT = JSON.stringify({
  tools: [
    {
      name: TRIVIAL_TOOL_NAME,
      description: TRIVIAL_TOOL_DESCRIPTION,
      inputSchema: {
        type: 'object',
        properties: { a: { type: 'number' }, b: { type: 'number' } },
        required: ['a', 'b'],
      },
    },
  ],
});

interface JsonRpcRequest {
  id?: string | number;
  method?: string;
  params?: { name?: string; arguments?: { a?: unknown; b?: unknown } };
}

function answer(message: JsonRpcRequest): { status: number; body: string } {
  const id = JSON.stringify(message.id ?? null);
  if (message.method === 'tools/list') return { status: 200, body: `{"jsonrpc":"2.0","id":${id},"result":${TOOLS_LIST_RESULT}}` };
  const args = message.params?.arguments;
  if (message.method === 'tools/call' && message.params?.name === TRIVIAL_TOOL_NAME && typeof args?.a === 'number' && typeof args.b === 'number') {
    const text = JSON.stringify(String(args.a + args.b));
    return { status: 200, body: `{"jsonrpc":"2.0","id":${id},"result":{"content":[{"type":"text","text":${text}}]}}` };
  }
  return { status: 200, body: `{"jsonrpc":"2.0","id":${id},"error":{"code":-32601,"message":"Method not found"}}` };
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let reply: { status: number; body: string };
    try {
      reply = answer(JSON.parse(Buffer.concat(chunks).toString('utf8')) as JsonRpcRequest);
    } catch {
      reply = { status: 400, body: '{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}' };
    }
    res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(reply.body) });
    res.end(reply.body);
  });
});
server.listen(referencePort(process.env), '127.0.0.1', () => announceListening(server));
