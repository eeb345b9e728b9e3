// The remote scheduler adapter: calls the scheduler's MCP tool `schedule_conversation` over
// Streamable HTTP with the MCP client SDK (imported on the first call, not at start-up). Each
// attempt is one short-lived client (the scheduler is stateless to us) under the scheduler's
// resilience policy: a timeout that aborts the HTTP requests, retries of transient failures
// (5xx/429 answers become HttpStatusError so Retry-After is seen), and the circuit breaker.
import type * as McpClientSdk from '@modelcontextprotocol/client';
import type { SchedulerConfig } from '../config/config.js';
import { DomainError, InvalidArgumentError, UnavailableError } from '../errors/domain-error.js';
import type { DependencyCheck } from '../health/dependency-check.js';
import { SERVER_INFO } from '../mcp/server-info.js';
import { createDependencyPolicy, type DependencyPolicy } from '../resilience/dependency-policy.js';
import { failOnTransientStatus } from '../resilience/http-status-error.js';
import { classifyFailure } from '../resilience/transient-failure.js';
import { systemClock, type Clock } from '../time/clock.js';
import { readScheduleAnswer } from './schedule-answer.js';
import { SCHEDULE_CONVERSATION_TOOL, scheduleConversationInput } from './schedule-conversation-contract.js';
import type { ScheduleRequest, ScheduledConversation, SchedulerClient } from './scheduler-client.js';
import type { SchedulerCredentials } from './scheduler-credentials.js';

type McpClient = McpClientSdk.Client;

/** The dependency's name in errors, readiness and telemetry. */
export const SCHEDULER_DEPENDENCY = 'scheduler';

const CLIENT_INFO = { name: `${SERVER_INFO.name}-scheduler-client`, version: SERVER_INFO.version };

export interface RemoteSchedulerOptions {
  config: SchedulerConfig;
  credentials: SchedulerCredentials;
  clock?: Clock;
  /** fetch for the MCP requests (tests); default globalThis.fetch. */
  fetch?: typeof fetch;
}

/** The adapter, with its policy exposed for telemetry (breaker state changes, retries). */
export interface RemoteSchedulerClient extends SchedulerClient {
  readonly policy: DependencyPolicy;
}

export function createRemoteSchedulerClient(options: RemoteSchedulerOptions): RemoteSchedulerClient {
  const { config, credentials } = options;
  const clock = options.clock ?? systemClock;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const url = new URL(config.url);
  const policy = createDependencyPolicy({ name: SCHEDULER_DEPENDENCY, ...config.policy, clock });
  let sdk: Promise<typeof McpClientSdk> | undefined;

  /** Connects a fresh client for one attempt, runs `work`, and closes the client. */
  async function withClient<T>(signal: AbortSignal, work: (client: McpClient) => Promise<T>): Promise<T> {
    sdk ??= import('@modelcontextprotocol/client');
    const { Client, StreamableHTTPClientTransport } = await sdk;
    const headers = await credentials.headers(signal);
    const transport = new StreamableHTTPClientTransport(url, {
      requestInit: { headers },
      fetch: failOnTransientStatus(fetchImpl, 'the scheduler', signal),
    });
    const client = new Client(CLIENT_INFO, { versionNegotiation: { mode: 'auto' } });
    try {
      await client.connect(transport, { signal, timeout: config.policy.timeoutMs });
      return await work(client);
    } finally {
      await client.close().catch(() => {});
    }
  }

  return {
    policy,
    async schedule(request: ScheduleRequest, callOptions = {}): Promise<ScheduledConversation> {
      const input = scheduleConversationInput.safeParse(request);
      if (!input.success) {
        const fields = [...new Set(input.error.issues.map((issue) => String(issue.path[0] ?? 'request')))];
        throw new InvalidArgumentError(`The follow-up cannot be scheduled: invalid ${fields.join(', ')}`, { fields });
      }
      let result: unknown;
      try {
        result = await policy.execute(
          (signal) => withClient(signal, (client) => client.callTool({ name: SCHEDULE_CONVERSATION_TOOL, arguments: input.data }, { signal, timeout: config.policy.timeoutMs })),
          callOptions.signal ? { signal: callOptions.signal } : {},
        );
      } catch (error) {
        throw callOptions.signal?.aborted ? error : asDomainError(error);
      }
      return readScheduleAnswer(result);
    },
    async check(): Promise<DependencyCheck> {
      if (policy.state === 'open') {
        return {
          name: SCHEDULER_DEPENDENCY,
          status: 'down',
          breaker: 'open',
          detail: `circuit breaker open (last failure: ${policy.lastErrorClass ?? 'unknown'}); next probe in ${policy.retryAfterSeconds()} s`,
        };
      }
      try {
        const offered = await policy.probe((signal) =>
          withClient(signal, async (client) => (await client.listTools(undefined, { signal })).tools.some((tool) => tool.name === SCHEDULE_CONVERSATION_TOOL)),
        );
        if (!offered) return { name: SCHEDULER_DEPENDENCY, status: 'down', breaker: policy.state, detail: `the scheduler does not offer ${SCHEDULE_CONVERSATION_TOOL}` };
        return { name: SCHEDULER_DEPENDENCY, status: 'ok', breaker: policy.state };
      } catch (error) {
        const errorClass = errorClassOf(error, clock);
        return { name: SCHEDULER_DEPENDENCY, status: 'down', breaker: policy.state, detail: `unreachable or failing (${errorClass})` };
      }
    },
  };
}

/** The failure's class for readiness: the one our own errors carry, or the classifier's. */
function errorClassOf(error: unknown, clock: Clock): string {
  if (error instanceof DomainError) {
    const carried = error.details.error_class;
    return typeof carried === 'string' ? carried : error.code.toLowerCase();
  }
  return classifyFailure(error, clock.now()).errorClass;
}

/**
 * A failure the policy let through (not transient) as a DomainError: refused credentials and
 * other refusals become UnavailableError naming the scheduler and the failure's class.
 */
function asDomainError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const { errorClass } = classifyFailure(error);
  const name = error instanceof Error ? error.name : '';
  const noToken = name === 'CredentialUnavailableError' || name === 'AuthenticationError' || name === 'AggregateAuthenticationError';
  const refusedCredentials = errorClass === 'http_401' || errorClass === 'http_403' || name === 'UnauthorizedError';
  const message = noToken
    ? 'The app could not get a token for the scheduler (DefaultAzureCredential: a managed identity in Azure, AZURE_CLIENT_ID for a user-assigned one)'
    : refusedCredentials
      ? `The scheduler refused the app's credentials (${errorClass}); check SCHEDULER_AUTH and its audience or API key`
      : `The scheduler could not take the follow-up (${errorClass})`;
  return new UnavailableError(message, { dependency: SCHEDULER_DEPENDENCY, error_class: errorClass }, { cause: error });
}
