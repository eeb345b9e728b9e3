// What `npm start` prints once the server is ready: where it is and how to connect clients.

export interface BannerInput {
  baseUrl: string;
  functionKey: string;
  functionKeyGenerated: boolean;
  readiness: string;
}

export function renderBanner(input: BannerInput): string {
  const mcpUrl = `${input.baseUrl}/api/mcp`;
  const vscode = JSON.stringify({ servers: { contoso: { type: 'http', url: mcpUrl } } }, null, 2);
  return [
    '',
    'Contoso MCP server is running (local Functions host).',
    '',
    `  MCP endpoint   ${mcpUrl}`,
    `  Health         ${input.baseUrl}/api/health   Ready: ${input.baseUrl}/api/ready (${input.readiness})`,
    `  Function key   ${input.functionKey}${input.functionKeyGenerated ? '   (generated; set LOCAL_FUNCTION_KEY to keep one)' : ''}`,
    '                 send it as x-functions-key for api/manage/* routes',
    '',
    'Connect a client:',
    '  MCP Inspector CLI (pinned in this repo), in another terminal:',
    '    npm run inspect -- --method tools/list',
    '    npm run inspect -- --method tools/call --tool-name get_customer_detail --tool-arg customer_id=101',
    '',
    '  VS Code: .vscode/mcp.json in this repo already points here; or paste:',
    ...vscode.split('\n').map((line) => `    ${line}`),
    '',
    '  Claude Code:',
    `    claude mcp add --transport http contoso ${mcpUrl}`,
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
