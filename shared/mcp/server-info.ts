// The server's identity, as MCP clients and the health endpoint see it. A leaf, so the health
// check and the fast path need not load the SDK server factory.

export const SERVER_INFO = { name: 'contoso-mcp', title: 'Contoso customer support', version: '0.1.0' } as const;
