// The conformance suite's tasks-extension fixtures (the tasks-* scenarios, 2026-07-28): `greet`, an
// ordinary tool, and six tools a task provider runs over an in-memory task table. Each task tool
// is also registered as an ordinary tool, so it is listed in both eras and a client that cannot
// take a task gets the ordinary answer: slow_compute runs inline, the others say they need tasks.
import { acceptedContent, inputRequired, ProtocolError, ProtocolErrorCode, type InputRequiredResult, type McpServer } from '@modelcontextprotocol/server';
import { setTimeout as delay } from 'node:timers/promises';
import * as z from 'zod';
import { InvalidArgumentError } from '../../shared/errors/domain-error.js';
import { describeInputIssues } from '../../shared/mcp/input-issues.js';
import type { TaskProvider, TaskSupport } from '../../shared/mcp/tasks/task-provider.js';
import type { Clock } from '../../shared/time/clock.js';
import { textResult } from './fixture-content.js';
import { answeredText, askForText } from './input-requests.js';
import { createInMemoryTasks, type RunningTask, type TaskJob } from './in-memory-tasks.js';

interface TaskFixture<I extends z.ZodObject = z.ZodObject> {
  readonly description: string;
  readonly input: I;
  readonly support: TaskSupport;
  /** The task's work for the call's arguments, or an input_required round to finish first. */
  prepare(args: z.output<I>, answers: Readonly<Record<string, unknown>> | undefined): TaskJob | InputRequiredResult;
}

/** Declares a fixture: the identity function that types `prepare` by `input` (a method, so checked bivariantly). */
function fixture<I extends z.ZodObject>(definition: TaskFixture<I>): TaskFixture {
  return definition;
}

/** The arguments parsed by the fixture's schema, or an INVALID_ARGUMENT error naming each problem. */
function parseArguments(name: string, definition: TaskFixture, args: unknown): Record<string, unknown> {
  const parsed = definition.input.safeParse(args ?? {});
  if (!parsed.success) throw new InvalidArgumentError(`Invalid arguments for ${name}: ${describeInputIssues(parsed.error.issues)}`);
  return parsed.data;
}

const CONFIRMATION = z.object({ confirm: z.boolean() });

function askConfirmation(message: string) {
  return inputRequired.elicit({ message, requestedSchema: { type: 'object', properties: { confirm: { type: 'boolean' } }, required: ['confirm'] } });
}

const FIXTURES: Readonly<Record<string, TaskFixture>> = {
  slow_compute: fixture({
    description: 'Sleeps for `seconds`, then reports; settles to cancelled when cancelled',
    input: z.object({ seconds: z.number().min(0).max(3600), label: z.string().max(200).optional() }),
    support: 'optional',
    prepare: ({ seconds, label }) => async (task) => {
      await task.sleep(seconds * 1000);
      return textResult(`slow_compute${label ? ` ${label}` : ''} finished after ${seconds} s`);
    },
  }),
  failing_job: fixture({
    description: 'A task whose tool reports an error (completed, isError)',
    input: z.object({}),
    support: 'required',
    prepare: () => async (task) => {
      await task.sleep(300);
      return { isError: true, content: [{ type: 'text', text: 'failing_job failed, as it always does' }] };
    },
  }),
  protocol_error_job: fixture({
    description: 'A task that breaks at the protocol level (failed, with a JSON-RPC error)',
    input: z.object({}),
    support: 'required',
    prepare: () => async (task) => {
      await task.sleep(100);
      throw new ProtocolError(ProtocolErrorCode.InternalError, 'protocol_error_job broke, as it always does');
    },
  }),
  confirm_delete: fixture({
    description: 'Asks for one confirmation (input_required), then reports',
    input: z.object({ filename: z.string().max(500) }),
    support: 'required',
    prepare: ({ filename }) => async (task) => {
      const answers = await task.ask({ confirm: askConfirmation(`Delete ${filename}?`) });
      return textResult(acceptedContent(answers, 'confirm', CONFIRMATION)?.confirm === true ? `Deleted ${filename}` : `Kept ${filename}`);
    },
  }),
  multi_input: fixture({
    description: 'Asks two questions at once (input_required until both are answered)',
    input: z.object({}),
    support: 'required',
    prepare: () => async (task) => {
      const answers = await task.ask({ name: askForText('name', 'What is your name?'), confirm: askConfirmation('Proceed?') });
      return textResult(`Hello, ${answeredText(answers, 'name', 'name') ?? 'stranger'}: both answers received`);
    },
  }),
  test_tool_with_task: fixture({
    description: 'Asks for a name first (input_required), then runs a task that greets it',
    input: z.object({}),
    support: 'required',
    prepare: (_args, answers) => {
      const name = answeredText(answers, 'user_name', 'name');
      if (name === undefined) return inputRequired({ inputRequests: { user_name: askForText('name', 'What is your name?') } });
      return async (task) => {
        await task.sleep(100);
        return textResult(`Hello, ${name}!`);
      };
    },
  }),
};

/** The fixtures' task provider; its tasks live in this process only. */
export function createTaskFixtureProvider(clock: Clock): TaskProvider {
  const tasks = createInMemoryTasks({ clock, ttlMs: 10 * 60_000, pollIntervalMs: 250 });
  return {
    name: 'conformance-task-fixtures',
    tools: new Map(Object.entries(FIXTURES).map(([name, fixture]) => [name, fixture.support])),
    async create(call) {
      const definition = FIXTURES[call.toolName];
      if (definition === undefined) throw new Error(`${call.toolName} is not a task fixture`);
      const prepared = definition.prepare(parseArguments(call.toolName, definition, call.arguments), call.inputResponses);
      return typeof prepared === 'function' ? tasks.start(call.scope, prepared) : prepared;
    },
    get: async (taskId, scope) => tasks.get(taskId, scope),
    cancel: async (taskId, scope) => tasks.cancel(taskId, scope),
    update: async (taskId, scope, responses) => tasks.update(taskId, scope, responses),
  };
}

/** A job run inside the request, for a client that cannot take a task (it cannot ask for input). */
const inline = (signal: AbortSignal): RunningTask => ({
  signal,
  sleep: (ms) => delay(ms, undefined, { signal }),
  ask: () => Promise.reject(new Error('input requests need a task')),
});

/** Registers `greet` and every task fixture as ordinary tools (listing, and the answer without a task). */
export function registerTaskFixtureTools(server: McpServer): void {
  server.registerTool('greet', { description: 'Greets synchronously, never as a task', inputSchema: z.object({ name: z.string().max(200) }) }, ({ name }) =>
    textResult(`Hello, ${name}!`),
  );
  for (const [name, definition] of Object.entries(FIXTURES)) {
    server.registerTool(name, { description: definition.description, inputSchema: definition.input }, async (args: Record<string, unknown>, ctx) => {
      if (definition.support === 'required') {
        return { isError: true, content: [{ type: 'text' as const, text: `${name} runs only as a task: call it over 2026-07-28 declaring io.modelcontextprotocol/tasks` }] };
      }
      const prepared = definition.prepare(args, undefined);
      return typeof prepared === 'function' ? prepared(inline(ctx.mcpReq.signal)) : prepared;
    });
  }
}
