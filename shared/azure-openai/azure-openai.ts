// Azure OpenAI as the app sees it: the chat model (the expert tools) and the embedding model (the
// knowledge base), both built from AZURE_OPENAI_* settings and under the model-call policy, or
// none when no endpoint is set. check() tells /api/ready which, and the breaker's state; it does
// not call the endpoint (a readiness probe must not spend tokens).
import type { AzureOpenAiConfig } from '../config/config.js';
import type { CheckedDependency, DependencyCheck } from '../health/dependency-check.js';
import { createAzureOpenAiChat } from './azure-openai-chat.js';
import { lazyAzureOpenAi } from './azure-openai-client.js';
import { createAzureOpenAiEmbeddings } from './azure-openai-embeddings.js';
import type { ChatModel } from './chat-model.js';
import type { EmbeddingModel } from './embedding-model.js';
import type { ModelCallPolicy } from './model-call-policy.js';
import { AZURE_OPENAI_DEPENDENCY } from './openai-errors.js';

export interface AzureOpenAiModels {
  readonly chat: ChatModel;
  /** Undefined without AZURE_OPENAI_EMBEDDING_DEPLOYMENT. */
  readonly embeddings: EmbeddingModel | undefined;
}

export interface AzureOpenAi extends CheckedDependency {
  /** Undefined without AZURE_OPENAI_ENDPOINT: the expert tools are not listed, search is lexical. */
  readonly models: AzureOpenAiModels | undefined;
}

export const NOT_CONFIGURED_DETAIL = 'not configured (AZURE_OPENAI_ENDPOINT is not set): the expert tools are not listed and knowledge-base search is lexical only';

export function createAzureOpenAi(config: AzureOpenAiConfig | undefined, policy: ModelCallPolicy): AzureOpenAi {
  if (config === undefined) {
    return { models: undefined, check: () => Promise.resolve({ name: AZURE_OPENAI_DEPENDENCY, status: 'ok', detail: NOT_CONFIGURED_DETAIL }) };
  }
  const load = lazyAzureOpenAi(config);
  const embeddingDeployment = config.embeddingDeployment;
  return {
    models: {
      chat: createAzureOpenAiChat({ load, deployment: config.chatDeployment, policy }),
      embeddings: embeddingDeployment === undefined ? undefined : createAzureOpenAiEmbeddings({ load, deployment: embeddingDeployment, policy }),
    },
    check: () => Promise.resolve(configuredCheck(config, policy)),
  };
}

function configuredCheck(config: AzureOpenAiConfig, policy: ModelCallPolicy): DependencyCheck {
  const breaker = policy.breakerState?.();
  const deployments = `chat deployment "${config.chatDeployment}"${config.embeddingDeployment ? `, embedding deployment "${config.embeddingDeployment}"` : ''}`;
  const signIn = config.apiKey === undefined ? 'Entra ID' : 'API key';
  return {
    name: AZURE_OPENAI_DEPENDENCY,
    status: breaker === 'open' ? 'down' : 'ok',
    ...(breaker === undefined ? {} : { breaker }),
    detail: `${deployments} at ${new URL(config.endpoint).host} (${signIn})${breaker === 'open' ? '; circuit open after repeated failures' : ''}`,
  };
}
