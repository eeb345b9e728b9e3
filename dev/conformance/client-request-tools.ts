// Fixtures that need an answer from the client: sampling and elicitation (tools-call-sampling,
// tools-call-elicitation and the SEP-1034 / SEP-1330 elicitation scenarios). They are written
// once as input_required tools: 2026-07-28 clients answer in a retry; a 2025-era client would need
// a server-initiated request, which this stateless server refuses at once (see create-server.ts).
import { inputRequired, type ElicitInputParams, type McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import { textResult } from './fixture-content.js';
import { askModel, sampledText } from './input-requests.js';
import { ENUM_FORM, FORM_WITH_DEFAULTS } from './elicitation-forms.js';

/** Registers a tool that elicits the form `form(args)` builds, then reports the client's answer. */
function registerElicitingTool(
  server: McpServer,
  name: string,
  description: string,
  form: (args: Readonly<Record<string, unknown>>) => ElicitInputParams,
  input: z.ZodObject = z.object({}),
): void {
  server.registerTool(name, { description, inputSchema: input }, (args, ctx) => {
    const answer = ctx.mcpReq.inputResponses?.['answer'];
    if (answer === undefined) return inputRequired({ inputRequests: { answer: inputRequired.elicit(form(args)) } });
    return textResult(`Elicitation completed: ${JSON.stringify(answer)}`);
  });
}

/** Registers the sampling and elicitation tools. */
export function registerClientRequestTools(server: McpServer): void {
  server.registerTool(
    'test_sampling',
    { description: 'Asks the client model to answer a prompt', inputSchema: z.object({ prompt: z.string().describe('The prompt to send to the model') }) },
    ({ prompt }, ctx) => {
      const answer = sampledText(ctx.mcpReq.inputResponses, 'answer');
      if (answer === undefined) return inputRequired({ inputRequests: { answer: askModel(prompt, 100) } });
      return textResult(`LLM response: ${answer}`);
    },
  );

  registerElicitingTool(
    server,
    'test_elicitation',
    'Asks the user for a response',
    (args) => ({
      message: typeof args['message'] === 'string' ? args['message'] : 'Please respond',
      requestedSchema: { type: 'object', properties: { response: { type: 'string', description: "User's response" } }, required: ['response'] },
    }),
    z.object({ message: z.string().describe('The message to show the user') }),
  );
  registerElicitingTool(server, 'test_elicitation_sep1034_defaults', 'Elicits a form whose fields have defaults (SEP-1034)', () => FORM_WITH_DEFAULTS);
  registerElicitingTool(server, 'test_elicitation_sep1330_enums', 'Elicits every enum form variant (SEP-1330)', () => ENUM_FORM);
}
