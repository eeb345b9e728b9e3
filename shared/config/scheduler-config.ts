// The `scheduler` section of Config: the scheduler's MCP endpoint (SCHEDULER_URL; no URL, no
// scheduler), how the app authenticates to it (SCHEDULER_AUTH, with a managed-identity default in
// Azure, where `none` is refused) and its resilience policy (SCHEDULER_TIMEOUT_MS …), whose
// longest call must fit in one tool call's time budget.
import type { SchedulerAuthConfig, SchedulerConfig } from './config.js';
import { policySettingsOf, worstCaseCallMs } from './resilience-settings.js';
import type { RawSettings } from './settings-schema.js';

export interface SchedulerConfigInput {
  settings: RawSettings;
  inAzure: boolean;
}

/** Builds the scheduler section (undefined without SCHEDULER_URL), or returns one line per problem. */
export function buildSchedulerConfig({ settings: s, inAzure }: SchedulerConfigInput): { scheduler: SchedulerConfig | undefined } | { problems: string[] } {
  if (s.SCHEDULER_URL === undefined) return { scheduler: undefined };
  const problems: string[] = [];
  const kind = s.SCHEDULER_AUTH ?? (inAzure ? 'managed-identity' : 'none');
  if (kind === 'none' && inAzure) problems.push('SCHEDULER_AUTH: none is refused in Azure; use managed-identity or api-key');
  if (kind === 'managed-identity' && s.SCHEDULER_AUDIENCE === undefined) {
    problems.push("SCHEDULER_AUDIENCE: required with SCHEDULER_AUTH=managed-identity (the scheduler's app ID URI or client id)");
  }
  if (kind === 'api-key' && s.KEYVAULT_URI === undefined && s.SCHEDULER_API_KEY === undefined) {
    problems.push('SCHEDULER_API_KEY: required with SCHEDULER_AUTH=api-key when there is no KEYVAULT_URI (with one, the key is the secret SCHEDULER-API-KEY)');
  }
  const policy = policySettingsOf(s, 'SCHEDULER');
  if ('problems' in policy) problems.push(...policy.problems);
  else if (worstCaseCallMs(policy.policy) >= s.TOOL_TIMEOUT_MS) {
    problems.push(
      `SCHEDULER_TIMEOUT_MS: a scheduler call may take ${worstCaseCallMs(policy.policy)} ms (SCHEDULER_RETRY_MAX_ATTEMPTS × SCHEDULER_TIMEOUT_MS + the pauses up to SCHEDULER_RETRY_MAX_DELAY_MS), which must stay below TOOL_TIMEOUT_MS (${s.TOOL_TIMEOUT_MS})`,
    );
  }
  if (problems.length > 0 || 'problems' in policy) return { problems };
  const auth: SchedulerAuthConfig =
    kind === 'managed-identity'
      ? { kind, scope: tokenScopeOf(s.SCHEDULER_AUDIENCE ?? ''), managedIdentityClientId: s.AZURE_CLIENT_ID }
      : { kind };
  return { scheduler: { url: s.SCHEDULER_URL, auth, policy: policy.policy } };
}

/** The token scope for an audience: `<audience>/.default`, unless it already names one. */
export function tokenScopeOf(audience: string): string {
  return audience.endsWith('/.default') ? audience : `${audience.replace(/\/+$/, '')}/.default`;
}
