// The dev scheduler's MCP server: one fresh server per request (createMcpHandler, both protocol
// eras) offering `schedule_conversation` with the contract's zod schemas. A request is refused as
// a tool error when `when` is in the past or its idempotency key was used for another request.
import { createMcpHandler, McpServer, type CallToolResult, type McpHttpHandler } from '@modelcontextprotocol/server';
import {
  SCHEDULE_CONVERSATION_TOOL,
  scheduleConversationInput,
  scheduleConversationOutput,
  type ScheduleConversationInput,
} from '../../shared/scheduler/schedule-conversation-contract.js';
import type { Clock } from '../../shared/time/clock.js';
import type { DevJob, JobBook } from './job-book.js';

const SERVER_INFO = { name: 'contoso-dev-scheduler', version: '0.1.0' };

/** How far in the past `when` may be (clock skew between the app and the scheduler). */
const PAST_TOLERANCE_MS = 60_000;

export interface ScheduleToolOptions {
  book: JobBook;
  clock: Clock;
  /** Called once per new job (not for a replay): arms its delivery. */
  onScheduled: (job: DevJob) => void;
  /** Largest request body accepted. */
  maxBodyBytes: number;
}

export function createScheduleHandler(options: ScheduleToolOptions): McpHttpHandler {
  const { book, clock, onScheduled } = options;

  function schedule(input: ScheduleConversationInput, clientId: string | undefined): CallToolResult {
    if (Date.parse(input.when) < clock.now().getTime() - PAST_TOLERANCE_MS) return refusal(`when (${input.when}) is in the past`);
    const outcome = book.book(input, clientId);
    if (outcome.kind === 'key_reused') return refusal('idempotency_key was already used for a different request');
    if (!outcome.replayed) onScheduled(outcome.job);
    const answer = { schedule_id: outcome.job.schedule_id, when: outcome.job.when, replayed: outcome.replayed };
    return { content: [{ type: 'text', text: JSON.stringify(answer) }], structuredContent: answer };
  }

  return createMcpHandler(
    function createDevSchedulerServer({ requestInfo }) {
      const clientId = requestInfo?.headers.get('x-client-id') ?? undefined;
      const server = new McpServer(SERVER_INFO, { capabilities: { tools: { listChanged: false } } });
      server.registerTool(
        SCHEDULE_CONVERSATION_TOOL,
        {
          description: 'Schedules a call back to callback_url at `when` about a conversation; the same idempotency_key schedules once.',
          inputSchema: scheduleConversationInput,
          outputSchema: scheduleConversationOutput,
        },
        (input) => schedule(input, clientId),
      );
      return server;
    },
    { maxRequestBodySize: options.maxBodyBytes },
  );
}

function refusal(reason: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: `Refused: ${reason}` }] };
}
