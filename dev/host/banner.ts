// What `npm start` prints once the server is ready: where it is, the development token, and
// how to connect clients with it.

export interface BannerInput {
  baseUrl: string;
  functionKey: string;
  functionKeyGenerated: boolean;
  readiness: string;
  authMode: string;
  /** A token with every role (local auth mode only). */
  token: string | undefined;
  /** The MCP conformance suite's fixtures are served next to the Contoso tools. */
  conformanceFixtures?: boolean;
  /**
   * Settings `npm run inspect` must share with this host to reach it and mint a token it accepts
   * (PORT, DATA_DIR, issuer and audience settings), as given to the host; printed before the command.
   */
  inspectEnv?: Readonly<Record<string, string>>;
}

/** Settings the inspect command must share with the host (see BannerInput.inspectEnv). */
export const INSPECT_SHARED_SETTINGS = ['PORT', 'DATA_DIR', 'LOCAL_ISSUER_KEY_FILE', 'AUTH_AUDIENCE', 'ALLOWED_TENANTS', 'REQUIRED_SCOPE'] as const;

/** `NAME=value ` pairs for a POSIX shell, quoted where needed. */
function shellAssignments(env: Readonly<Record<string, string>>): string {
  return Object.entries(env)
    .map(([name, value]) => `${name}=${/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`} `)
    .join('');
}

export function renderBanner(input: BannerInput): string {
  const mcpUrl = `${input.baseUrl}/api/mcp`;
  const inspect = `${shellAssignments(input.inspectEnv ?? {})}npm run inspect --`;
  const vscode = JSON.stringify(
    { inputs: [{ type: 'promptString', id: 'contoso-token', description: 'Token from npm run token', password: true }], servers: { contoso: { type: 'http', url: mcpUrl, headers: { Authorization: 'Bearer ${input:contoso-token}' } } } },
    null,
    2,
  );
  const auth =
    input.token !== undefined
      ? [
          `  Auth           AUTH_MODE=local (tokens from the local issuer; mint others with npm run token -- --roles …)`,
          '  Token (all roles, 12 h):',
          `    ${input.token}`,
        ]
      : [`  Auth           AUTH_MODE=${input.authMode}${input.authMode === 'disabled' || input.authMode === 'passthrough' ? '  (DEVELOPMENT ONLY: tokens are not verified)' : ''}`];
  return [
    '',
    'Contoso MCP server is running (local Functions host).',
    '',
    `  MCP endpoint   ${mcpUrl}`,
    `  Health         ${input.baseUrl}/api/health   Ready: ${input.baseUrl}/api/ready (${input.readiness})`,
    `  Function key   ${input.functionKey}${input.functionKeyGenerated ? '   (generated; set LOCAL_FUNCTION_KEY to keep one)' : ''}`,
    '                 send it as x-functions-key (with an admin token) for api/manage/* routes',
    ...auth,
    ...(input.conformanceFixtures ? ['  Fixtures       MCP conformance suite fixtures (test_* tools, resources, prompts): DEVELOPMENT ONLY'] : []),
    '',
    'Connect a client (header Authorization: Bearer <token>):',
    '  MCP Inspector CLI (pinned in this repo), in another terminal — it mints a token itself:',
    `    ${inspect} --method tools/list`,
    `    ${inspect} --method tools/call --tool-name get_customer_detail --tool-arg customer_id=251`,
    '',
    '  VS Code: .vscode/mcp.json in this repo prompts for the token; or paste:',
    ...vscode.split('\n').map((line) => `    ${line}`),
    '',
    '  Claude Code:',
    `    claude mcp add --transport http contoso ${mcpUrl} --header "Authorization: Bearer <token>"`,
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
