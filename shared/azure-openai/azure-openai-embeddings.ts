// The EmbeddingModel adapter on Azure OpenAI embeddings (loaded on first use, under the model-call
// policy, whose outcome is mapped after it). Every vector is checked before it is used: finite
// numbers, one length, and never all zeros (a zero vector ranks every document alike, the fault
// the Contoso reference shipped with).
import type { LoadedOpenAi } from './azure-openai-client.js';
import type { EmbeddingModel } from './embedding-model.js';
import type { ModelCallPolicy } from './model-call-policy.js';
import { AZURE_OPENAI_DEPENDENCY, fromOpenAiError } from './openai-errors.js';
import { UnavailableError } from '../errors/domain-error.js';

export interface AzureOpenAiEmbeddingsOptions {
  load: () => Promise<LoadedOpenAi>;
  deployment: string;
  policy: ModelCallPolicy;
}

export function createAzureOpenAiEmbeddings(options: AzureOpenAiEmbeddingsOptions): EmbeddingModel {
  const what = `embedding deployment "${options.deployment}"`;
  return {
    name: options.deployment,
    async embed(texts, signal) {
      if (texts.length === 0) return [];
      const { client, sdk } = await options.load();
      const response = await options.policy
        .execute(
          function callEmbeddings(attemptSignal) {
            return client.embeddings.create({ model: options.deployment, input: [...texts], encoding_format: 'float' }, { signal: AbortSignal.any([signal, attemptSignal]) });
          },
          { signal },
        )
        .catch((error: unknown) => {
          throw signal.aborted ? signal.reason : fromOpenAiError(error, sdk, what);
        });
      const vectors = [...response.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
      return checkedVectors(vectors, texts.length, what);
    },
  };
}

/** `vectors` if there is one usable vector per text; UnavailableError naming what is wrong otherwise. */
export function checkedVectors(vectors: readonly (readonly number[])[], expected: number, what: string): number[][] {
  const fail = (problem: string) => new UnavailableError(`Azure OpenAI returned unusable embeddings (${what}): ${problem}`, { dependency: AZURE_OPENAI_DEPENDENCY });
  if (vectors.length !== expected) throw fail(`${vectors.length} vectors for ${expected} texts`);
  const dimensions = vectors[0]?.length ?? 0;
  for (const vector of vectors) {
    if (vector.length === 0 || vector.length !== dimensions) throw fail('vectors of different or zero length');
    if (!vector.every(Number.isFinite)) throw fail('a vector holds a value that is not a finite number');
    if (vector.every((value) => value === 0)) throw fail('an all-zero vector');
  }
  return vectors.map((vector) => [...vector]);
}
