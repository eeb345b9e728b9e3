// Azure OpenAI as the app sees it: the chat model (the expert tools) and the embedding model (the
// knowledge base), both built from AZURE_OPENAI_* settings under one resilience policy (the
// azure_openai breaker), or none when no endpoint is set. check() tells /api/ready which, and the
// breaker's state; it does not call the endpoint (a readiness probe must not spend tokens).
import type { AzureOpenAiConfig } from '../config/config.js';
import type { CheckedDependency, DependencyCheck } from '../health/dependency-check.js';
import type { PolicyObserver } from '../resilience/policy-observer.js';
import type { Clock } from '../time/clock.js';
import { createAzureOpenAiChat } from './azure-openai-chat.js';
import { lazyAzureOpenAi } from './azure-openai-client.js';
import { createAzureOpenAiEmbeddings } from './azure-openai-embeddings.js';
import type { ChatModel } from './chat-model.js';
import type { EmbeddingModel } from './embedding-model.js';
import { lazyModelCallPolicy, type ModelCallPolicy } from './model-call-policy.js';
import { AZURE_OPENAI_DEPENDENCY } from './openai-errors.js';

export interface AzureOpenAiModels {
  readonly chat: ChatModel;
  /** Undefined without AZURE_OPENAI_EMBEDDING_DEPLOYMENT. */
  readonly embeddings: EmbeddingModel | undefined;
}

export interface AzureOpenAi extends CheckedDependency {
  readonly name: string;
  /** Undefined without AZURE_OPENAI_ENDPOINT: the expert tools are not listed, search is lexical. */
  readonly models: AzureOpenAiModels | undefined;
}

export interface AzureOpenAiOptions {
  /** Reads Retry-After dates and the breaker's pause (default: system time). */
  clock?: Clock | undefined;
  /** Wraps each model in client spans `azure_openai.<method>` (Tracing.port, with telemetry on). */
  tracePort?: (<T extends object>(dependency: string, port: T) => T) | undefined;
  /** Told of the azure_openai policy once it is built (breaker metrics and logs). */
  observePolicy?: PolicyObserver | undefined;
}

export const NOT_CONFIGURED_DETAIL = 'not configured (AZURE_OPENAI_ENDPOINT is not set): the expert tools are not listed and knowledge-base search is lexical only';

export function createAzureOpenAi(config: AzureOpenAiConfig | undefined, options: AzureOpenAiOptions = {}): AzureOpenAi {
  if (config === undefined) {
    return { name: AZURE_OPENAI_DEPENDENCY, models: undefined, check: () => Promise.resolve({ name: AZURE_OPENAI_DEPENDENCY, status: 'ok', detail: NOT_CONFIGURED_DETAIL }) };
  }
  const { tracePort } = options;
  const policy = lazyModelCallPolicy({ settings: config.policy, clock: options.clock, observe: options.observePolicy });
  const traced = <T extends object>(model: T): T => (tracePort ? tracePort(AZURE_OPENAI_DEPENDENCY, model) : model);
  const load = lazyAzureOpenAi(config);
  const embeddingDeployment = config.embeddingDeployment;
  return {
    name: AZURE_OPENAI_DEPENDENCY,
    models: {
      chat: traced(createAzureOpenAiChat({ load, deployment: config.chatDeployment, policy })),
      embeddings: embeddingDeployment === undefined ? undefined : traced(createAzureOpenAiEmbeddings({ load, deployment: embeddingDeployment, policy })),
    },
    check: () => Promise.resolve(configuredCheck(config, policy)),
  };
}

function configuredCheck(config: AzureOpenAiConfig, policy: ModelCallPolicy): DependencyCheck {
  const breaker = policy.state;
  const deployments = `chat deployment "${config.chatDeployment}"${config.embeddingDeployment ? `, embedding deployment "${config.embeddingDeployment}"` : ''}`;
  const signIn = config.apiKey === undefined ? 'Entra ID' : 'API key';
  const open = breaker === 'open' ? `; circuit breaker open (last failure: ${policy.lastErrorClass ?? 'unknown'}); next probe in ${policy.retryAfterSeconds()} s` : '';
  return {
    name: AZURE_OPENAI_DEPENDENCY,
    status: breaker === 'open' ? 'down' : 'ok',
    breaker,
    detail: `${deployments} at ${new URL(config.endpoint).host} (${signIn})${open}`,
  };
}
