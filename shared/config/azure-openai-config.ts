// The `azureOpenAi` and `experts` sections of Config: the Azure OpenAI endpoint, deployments and
// API version the expert tools use (absent endpoint: no experts), with the rule that keeps API keys
// out of Azure, the resilience policy of its calls, and the bounds of one expert turn.
import type { AzureOpenAiConfig, ExpertsConfig } from './config.js';
import { policySettingsOf } from './resilience-settings.js';
import type { RawSettings } from './settings-schema.js';

/** The GA data-plane version used when AZURE_OPENAI_API_VERSION is unset (tool calls, parallel tool calls). */
export const DEFAULT_AZURE_OPENAI_API_VERSION = '2024-10-21';

export interface AzureOpenAiConfigInput {
  settings: RawSettings;
  inAzure: boolean;
}

type Built = { azureOpenAi: AzureOpenAiConfig | undefined; experts: ExpertsConfig } | { problems: string[] };

/** Builds both sections, or returns one line per problem (ConfigError lines). */
export function buildAzureOpenAiConfig({ settings: s, inAzure }: AzureOpenAiConfigInput): Built {
  const problems: string[] = [];
  const endpoint = s.AZURE_OPENAI_ENDPOINT;
  if (endpoint === undefined) {
    for (const name of ['AZURE_OPENAI_CHAT_DEPLOYMENT', 'AZURE_OPENAI_EMBEDDING_DEPLOYMENT', 'AZURE_OPENAI_API_KEY'] as const) {
      if (s[name] !== undefined) problems.push(`${name}: has no effect without AZURE_OPENAI_ENDPOINT; set the endpoint or remove it`);
    }
  } else if (s.AZURE_OPENAI_CHAT_DEPLOYMENT === undefined) {
    problems.push('AZURE_OPENAI_CHAT_DEPLOYMENT: required with AZURE_OPENAI_ENDPOINT (the name of the chat model deployment the experts use)');
  }
  if (inAzure && s.AZURE_OPENAI_API_KEY !== undefined) {
    problems.push("AZURE_OPENAI_API_KEY: API keys are for local use and are refused in Azure; grant the app's managed identity the Cognitive Services OpenAI User role instead");
  }
  // The turn's own budget cuts any attempt (and retry) still running, so no bound against it here.
  const policy = policySettingsOf(s, 'AZURE_OPENAI');
  if ('problems' in policy) problems.push(...policy.problems);
  if (problems.length > 0 || 'problems' in policy) return { problems };
  const experts: ExpertsConfig = { maxSteps: s.EXPERT_MAX_STEPS, timeBudgetSeconds: s.EXPERT_TIME_BUDGET_SECONDS };
  if (endpoint === undefined || s.AZURE_OPENAI_CHAT_DEPLOYMENT === undefined) return { azureOpenAi: undefined, experts };
  return {
    azureOpenAi: {
      endpoint,
      chatDeployment: s.AZURE_OPENAI_CHAT_DEPLOYMENT,
      apiVersion: s.AZURE_OPENAI_API_VERSION ?? DEFAULT_AZURE_OPENAI_API_VERSION,
      embeddingDeployment: s.AZURE_OPENAI_EMBEDDING_DEPLOYMENT,
      apiKey: s.AZURE_OPENAI_API_KEY,
      managedIdentityClientId: s.AZURE_CLIENT_ID,
      policy: policy.policy,
    },
    experts,
  };
}
