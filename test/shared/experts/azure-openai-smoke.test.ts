// A smoke test against a real Azure OpenAI deployment: runs only when AZURE_OPENAI_ENDPOINT and
// AZURE_OPENAI_CHAT_DEPLOYMENT are set in the test's environment (with AZURE_OPENAI_API_KEY, or a
// signed-in Azure CLI / managed identity for Entra ID), and is skipped, saying so, otherwise.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startInProcessMcp } from '../../support/in-process-mcp.js';

const SETTINGS = ['AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_CHAT_DEPLOYMENT', 'AZURE_OPENAI_API_VERSION', 'AZURE_OPENAI_EMBEDDING_DEPLOYMENT', 'AZURE_OPENAI_API_KEY', 'AZURE_CLIENT_ID'];
const env = Object.fromEntries(SETTINGS.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
const skip =
  env.AZURE_OPENAI_ENDPOINT && env.AZURE_OPENAI_CHAT_DEPLOYMENT
    ? false
    : 'no real deployment: set AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_CHAT_DEPLOYMENT (and AZURE_OPENAI_API_KEY, or sign in for Entra ID) to run this smoke test';

describe('Azure OpenAI smoke test (real deployment)', () => {
  it('the billing expert answers a question about the bill-shock customer with a tool trace, and a second turn resumes it', { skip, timeout: 240_000 }, async () => {
    const mcp = await startInProcessMcp({ customerCount: 5, env });
    try {
      const first = await mcp.call('ask_billing_expert', { question: 'Customer 251 says the last bill is far too high. Look at the billing summary and data usage and explain why.' });
      assert.equal(first.isError, false, first.text);
      const out = first.structured as { answer: string; conversation_id: string; tools_used: Array<{ name: string; outcome: string }> };
      assert.ok(out.answer.length > 20, out.answer);
      assert.ok(out.tools_used.some((use) => use.outcome === 'ok'), `no tool was used: ${JSON.stringify(out.tools_used)}`);
      const second = await mcp.call('ask_billing_expert', { question: 'In one sentence: what should the agent do next?', conversation_id: out.conversation_id });
      assert.equal(second.isError, false, second.text);
      assert.equal((await mcp.ctx.conversations.get(out.conversation_id))?.entries.length, 4);
      if (env.AZURE_OPENAI_EMBEDDING_DEPLOYMENT) {
        const vectors = await mcp.ctx.azureOpenAi.models!.embeddings!.embed(['roaming charges abroad'], new AbortController().signal);
        assert.ok(vectors[0]!.length > 100 && vectors[0]!.some((value) => value !== 0));
      }
    } finally {
      await mcp.close();
    }
  });
});
