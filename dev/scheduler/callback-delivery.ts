// Delivers one scheduled callback the way the real scheduler is expected to: POST the JSON body
// `{ conversationId, status, content, eventId }` to the callback URL with the headers `sign`
// computes over the exact body (signed again per attempt, so the timestamp stays fresh), retrying
// 5xx, 408, 429 and connection failures with exponential backoff (cockatiel) and giving up after
// `maxAttempts` or at the first other answer. Development tooling.
import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import { HttpStatusError } from '../../shared/resilience/http-status-error.js';
import { classifyFailure } from '../../shared/resilience/transient-failure.js';

/** The callback body (the Contoso shape, plus the event id that makes redelivery idempotent). */
export interface CallbackBody {
  readonly conversationId: string;
  readonly status: string;
  readonly content: string;
  readonly eventId: string;
}

/** Computes the signature headers for a body; the dev scheduler never sees the secret itself. */
export type CallbackSigner = (body: string) => Record<string, string>;

export interface DeliveryRecord {
  readonly schedule_id: string;
  readonly callback_url: string;
  readonly body: CallbackBody;
  /** The signature headers sent with the last attempt. */
  readonly headers: Record<string, string>;
  readonly attempts: number;
  readonly outcome: 'delivered' | 'gave_up';
  /** HTTP status of the last answer, when there was one. */
  readonly last_status?: number;
  /** Why the last attempt failed (a class such as `http_503` or `network`), when it did. */
  readonly failure?: string;
}

export interface DeliveryPolicy {
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Time allowed for one POST. */
  readonly timeoutMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 5_000, timeoutMs: 10_000 };

export interface DeliverOptions {
  scheduleId: string;
  callbackUrl: string;
  body: CallbackBody;
  sign: CallbackSigner;
  policy: DeliveryPolicy;
  fetch: typeof fetch;
  /** Aborted when the dev scheduler closes. */
  signal: AbortSignal;
}

/** A 5xx or a transient answer/failure is worth another attempt; any other 4xx is final. */
function worthRetrying(error: unknown): boolean {
  if (error instanceof HttpStatusError) return error.status >= 500 || classifyFailure(error).transient;
  return classifyFailure(error).transient;
}

export async function deliverCallback(options: DeliverOptions): Promise<DeliveryRecord> {
  const text = JSON.stringify(options.body);
  let attempts = 0;
  let headers: Record<string, string> = {};
  let lastStatus: number | undefined;
  const policy = retry(handleWhen(worthRetrying), {
    maxAttempts: options.policy.maxAttempts - 1,
    backoff: new ExponentialBackoff({ initialDelay: options.policy.initialDelayMs, maxDelay: options.policy.maxDelayMs }),
  });
  const base = { schedule_id: options.scheduleId, callback_url: options.callbackUrl, body: options.body };
  try {
    await policy.execute(async function postCallback() {
      attempts += 1;
      lastStatus = undefined;
      headers = options.sign(text);
      const response = await options.fetch(options.callbackUrl, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: text,
        signal: AbortSignal.any([options.signal, AbortSignal.timeout(options.policy.timeoutMs)]),
      });
      lastStatus = response.status;
      await response.body?.cancel().catch(() => {});
      if (!response.ok) throw new HttpStatusError(response.status, response.headers, 'the callback');
    }, options.signal);
    return { ...base, headers, attempts, outcome: 'delivered', ...(lastStatus === undefined ? {} : { last_status: lastStatus }) };
  } catch (error) {
    return { ...base, headers, attempts, outcome: 'gave_up', failure: classifyFailure(error).errorClass, ...(lastStatus === undefined ? {} : { last_status: lastStatus }) };
  }
}
