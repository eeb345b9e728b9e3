// The multi-round-trip fixtures (input-required-result-* scenarios, 2026-07-28): each returns
// input_required until the retried request carries the answers it asked for. State that must
// survive between rounds travels in requestState, sealed with the app's key; the server refuses
// a tampered or foreign state before any of these handlers runs.
import { inputRequired, type InputRequests, type McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import type { ServerExtensionContext } from '../../shared/mcp/server-extension.js';
import { textResult } from './fixture-content.js';
import { answeredText, askForText, askModel, declaredCapabilities, listedRoots, sampledText, sealState } from './input-requests.js';

const NO_ARGUMENTS = z.object({});
const MULTI_ROUND_STATE = z.object({ tool: z.literal('multi_round'), round: z.number().int(), name: z.string().optional() });

/** Registers the multi-round-trip tools and prompt; `context.requestState` seals their state. */
export function registerInputRequiredTools(server: McpServer, context: ServerExtensionContext): void {
  const seal = context.requestState;

  server.registerTool(
    'test_input_required_result_elicitation',
    { description: 'Asks for the caller name through an elicitation, then greets', inputSchema: NO_ARGUMENTS },
    (_args, ctx) => {
      const name = answeredText(ctx.mcpReq.inputResponses, 'user_name', 'name');
      if (name === undefined) return inputRequired({ inputRequests: { user_name: askForText('name', 'What is your name?') } });
      return textResult(`Hello, ${name}!`);
    },
  );

  server.registerTool(
    'test_input_required_result_sampling',
    { description: 'Asks the client model a question, then returns its answer', inputSchema: NO_ARGUMENTS },
    (_args, ctx) => {
      const answer = sampledText(ctx.mcpReq.inputResponses, 'capital_question');
      if (answer === undefined) {
        return inputRequired({ inputRequests: { capital_question: askModel('What is the capital of France?', 100) } });
      }
      return textResult(`Sampling response: ${answer}`);
    },
  );

  server.registerTool(
    'test_input_required_result_list_roots',
    { description: 'Asks for the client roots, then lists them', inputSchema: NO_ARGUMENTS },
    (_args, ctx) => {
      const roots = listedRoots(ctx.mcpReq.inputResponses, 'client_roots');
      if (roots === undefined) return inputRequired({ inputRequests: { client_roots: inputRequired.listRoots() } });
      return textResult(`Client exposed ${roots.length} root(s): ${roots.join(', ')}`);
    },
  );

  // Two tools with the same shape: a confirmation plus sealed state; the retry completes only
  // with both (the suite tampers with the state of the second one).
  for (const [name, tool] of [
    ['test_input_required_result_request_state', 'request_state'],
    ['test_input_required_result_tampered_state', 'tampered_state'],
  ] as const) {
    server.registerTool(
      name,
      { description: 'Asks for a confirmation and round-trips integrity-protected requestState', inputSchema: NO_ARGUMENTS },
      async (_args, ctx) => {
        const confirmed = ctx.mcpReq.inputResponses?.['confirm'] !== undefined;
        if (confirmed && ctx.mcpReq.requestState() !== undefined) return textResult('state-ok: requestState verified and confirmation received');
        return inputRequired({
          inputRequests: { confirm: inputRequired.elicit({ message: 'Please confirm', requestedSchema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } }) },
          requestState: await sealState(seal, { tool }, ctx),
        });
      },
    );
  }

  server.registerTool(
    'test_input_required_result_multiple_inputs',
    { description: 'Asks for an elicitation, a sampling answer and the roots in one round', inputSchema: NO_ARGUMENTS },
    async (_args, ctx) => {
      const responses = ctx.mcpReq.inputResponses;
      const name = answeredText(responses, 'user_name', 'name');
      const greeting = sampledText(responses, 'greeting');
      const roots = listedRoots(responses, 'client_roots');
      if (name !== undefined && greeting !== undefined && roots !== undefined) {
        return textResult(`${greeting} ${name} — ${roots.length} root(s) visible`);
      }
      return inputRequired({
        inputRequests: {
          user_name: askForText('name', 'What is your name?'),
          greeting: askModel('Generate a greeting', 50),
          client_roots: inputRequired.listRoots(),
        },
        requestState: await sealState(seal, { tool: 'multiple_inputs' }, ctx),
      });
    },
  );

  server.registerTool(
    'test_input_required_result_multi_round',
    { description: 'Two elicitation rounds; the round number travels in sealed requestState', inputSchema: NO_ARGUMENTS },
    async (_args, ctx) => {
      const state = MULTI_ROUND_STATE.safeParse(ctx.mcpReq.requestState());
      const round = state.success ? state.data.round : 0;
      if (round === 0) {
        return inputRequired({
          inputRequests: { step1: askForText('name', 'Step 1: What is your name?') },
          requestState: await sealState(seal, { tool: 'multi_round', round: 1 }, ctx),
        });
      }
      const name = state.success && state.data.name !== undefined ? state.data.name : answeredText(ctx.mcpReq.inputResponses, 'step1', 'name');
      if (round === 1) {
        return inputRequired({
          inputRequests: { step2: askForText('color', 'Step 2: What is your favorite color?') },
          requestState: await sealState(seal, { tool: 'multi_round', round: 2, name: name ?? 'unknown' }, ctx),
        });
      }
      const color = answeredText(ctx.mcpReq.inputResponses, 'step2', 'color') ?? 'unknown';
      return textResult(`Multi-round complete: ${name ?? 'unknown'} likes ${color}`);
    },
  );

  server.registerTool(
    'test_input_required_result_capabilities',
    { description: 'Asks only for the kinds of input the client declared it can answer', inputSchema: NO_ARGUMENTS },
    (_args, ctx) => {
      if (ctx.mcpReq.inputResponses !== undefined) return textResult('Capability-aware input requests fulfilled');
      const declared = declaredCapabilities(ctx.mcpReq.envelope);
      const inputRequests: InputRequests = {};
      if (declared['elicitation'] !== undefined) inputRequests['user_name'] = askForText('name', 'What is your name?');
      if (declared['sampling'] !== undefined) inputRequests['greeting'] = askModel('Generate a short greeting', 50);
      if (declared['roots'] !== undefined) inputRequests['client_roots'] = inputRequired.listRoots();
      if (Object.keys(inputRequests).length === 0) return textResult('No declared client capability supports an in-band input request');
      return inputRequired({ inputRequests });
    },
  );

  server.registerPrompt(
    'test_input_required_result_prompt',
    { title: 'Input-required prompt', description: 'Asks for context through an elicitation before it renders' },
    (ctx) => {
      const promptContext = answeredText(ctx.mcpReq.inputResponses, 'user_context', 'context');
      if (promptContext === undefined) {
        return inputRequired({ inputRequests: { user_context: askForText('context', 'What context should the prompt use?') } });
      }
      return { messages: [{ role: 'user', content: { type: 'text', text: `Use the following context: ${promptContext}` } }] };
    },
  );
}
