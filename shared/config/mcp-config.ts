// The `mcp` section of Config: the tool time budget, the key that seals multi-round-trip
// requestState, and the development-only conformance profile, with the rules that keep
// development defaults out of Azure and other production-like starts (NODE_ENV=production).
import type { McpConfig } from './config.js';
import type { RawSettings } from './settings-schema.js';

/**
 * The requestState key used outside Azure when MCP_REQUEST_STATE_KEY is unset. It is public (it is
 * in this repository), so it only suits a loopback development host; every local process shares
 * it, which keeps multi-round-trip flows working across restarts and test processes.
 */
export const DEVELOPMENT_REQUEST_STATE_KEY = 'contoso-mcp-development-request-state-key-not-a-secret';

export interface McpConfigInput {
  settings: RawSettings;
  inAzure: boolean;
  /** In Azure, or NODE_ENV=production: no development defaults. */
  productionLike: boolean;
}

/** Builds the mcp section, or returns one line per problem (ConfigError lines). */
export function buildMcpConfig({ settings: s, inAzure, productionLike }: McpConfigInput): { mcp: McpConfig } | { problems: string[] } {
  const problems: string[] = [];
  if (inAzure && s.MCP_CONFORMANCE_FIXTURES) {
    problems.push('MCP_CONFORMANCE_FIXTURES: the conformance test fixtures are for the local development host and are refused in Azure');
  }
  if (productionLike && s.MCP_REQUEST_STATE_KEY === DEVELOPMENT_REQUEST_STATE_KEY) {
    problems.push(
      `MCP_REQUEST_STATE_KEY: the public development key is refused ${inAzure ? 'in Azure' : 'when NODE_ENV=production'}; set a secret of your own (32+ characters) that every instance shares`,
    );
  }
  if (problems.length > 0) return { problems };
  return {
    mcp: {
      toolTimeoutMs: s.TOOL_TIMEOUT_MS,
      // In production there is no default: a key every instance shares must come from the settings
      // (a per-process key would break a flow whose rounds land on different instances).
      requestStateKey: s.MCP_REQUEST_STATE_KEY ?? (productionLike ? undefined : DEVELOPMENT_REQUEST_STATE_KEY),
      conformanceFixtures: s.MCP_CONFORMANCE_FIXTURES,
    },
  };
}
