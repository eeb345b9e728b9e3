// POST /api/callback: the external scheduler reports a follow-up event. Anonymous at the host and
// authenticated by its signature (callback-signature.ts) with the callback secret from the secrets
// provider (current or previous, during a rotation). The signature is checked before the body is
// parsed; the event is appended to its follow-up conversation once per event id (a replay is
// answered 200 and stored once). Every refusal is logged and audited without the secret or the
// content. The contract: docs/callback.md.
import type { AuditTrail } from '../audit/audit-trail.js';
import type { ConversationStore } from '../conversations/conversation-store.js';
import {
  InvalidArgumentError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthenticatedError,
  UnavailableError,
  UnsupportedMediaTypeError,
  DomainError,
} from '../errors/domain-error.js';
import { httpErrorResponse } from '../errors/to-http.js';
import { isJsonContentType } from '../http/media-types.js';
import { readLimitedBody } from '../http/read-limited-body.js';
import type { RequestScope } from '../request/request-scope.js';
import type { SecretsProvider } from '../secrets/secrets-provider.js';
import type { Logger } from '../telemetry/logger.js';
import type { Clock } from '../time/clock.js';
import { MAX_CALLBACK_BODY_BYTES, parseCallbackPayload, type CallbackEvent } from './callback-payload.js';
import { CALLBACK_TIMESTAMP_HEADER, verifyCallbackSignature } from './callback-signature.js';

/** How callbacks are named in the audit trail. */
export const CALLBACK_OPERATION = 'callback';

export interface CallbackHandlerOptions {
  conversations: ConversationStore;
  secrets: SecretsProvider;
  clock: Clock;
  logger: Logger;
  audit: AuditTrail;
}

export type CallbackHandler = (request: Request, scope: RequestScope) => Promise<Response>;

/** What the audit record and log line of one callback say (never the content or the secret). */
interface CallbackFacts {
  signed: boolean;
  tenantId: string;
  conversationId?: string;
  eventId?: string;
}

/** Why a callback was refused, for the log and the audit record: a signature reason or an error code. */
class CallbackRefused extends Error {
  constructor(
    readonly reason: string,
    readonly error: DomainError,
  ) {
    super(error.message);
  }
}

export function createCallbackHandler(options: CallbackHandlerOptions): CallbackHandler {
  const { conversations, secrets, clock, logger, audit } = options;

  async function secretsForVerification(): Promise<readonly [string, string | undefined]> {
    const [current, previous] = await Promise.all([secrets.get('SCHEDULER-CALLBACK-SECRET'), secrets.get('SCHEDULER-CALLBACK-SECRET-PREVIOUS')]);
    if (current === undefined) throw new CallbackRefused('not_configured', new UnavailableError('The callback is not configured on this app; try again later'));
    return [current, previous];
  }

  /** Verifies, parses and stores one callback; throws CallbackRefused (or an UnavailableError from a dependency). */
  async function accept(request: Request, facts: CallbackFacts): Promise<{ duplicate: boolean }> {
    if (!isJsonContentType(request.headers.get('content-type'))) {
      throw new CallbackRefused('unsupported_media_type', new UnsupportedMediaTypeError('Content-Type must be application/json'));
    }
    const body = await readLimitedBody(request, MAX_CALLBACK_BODY_BYTES);
    if (!body.ok) {
      if (body.reason === 'too_large') throw new CallbackRefused('too_large', new PayloadTooLargeError(`The body exceeds ${MAX_CALLBACK_BODY_BYTES} bytes`));
      throw new CallbackRefused('unreadable', new InvalidArgumentError('The body could not be read'));
    }
    const verification = verifyCallbackSignature(request.headers, body.bytes, await secretsForVerification(), clock.now());
    if (!verification.ok) throw new CallbackRefused(verification.reason, new UnauthenticatedError('The request signature was not accepted'));
    facts.signed = true;
    const timestamp = Number(request.headers.get(CALLBACK_TIMESTAMP_HEADER));
    const parsed = parseCallbackPayload(body.bytes, timestamp);
    if (!parsed.ok) throw new CallbackRefused(parsed.reason, new InvalidArgumentError(`Invalid callback: ${parsed.issues.join('; ')}`, { issues: parsed.issues }));
    const event: CallbackEvent = parsed.event;
    facts.conversationId = event.conversationId;
    facts.eventId = event.eventId;
    const conversation = await conversations.get(event.conversationId);
    if (conversation === undefined || conversation.kind !== 'follow_up') {
      throw new CallbackRefused('unknown_conversation', new NotFoundError('Conversation', event.conversationId));
    }
    facts.tenantId = conversation.owner.tenant_id;
    const outcome = await conversations.append(event.conversationId, [
      { type: 'follow_up', event_id: event.eventId, status: event.status, content: event.content, received_at: clock.now().toISOString() },
    ]);
    return { duplicate: outcome.duplicates.length > 0 };
  }

  /** The audit write of one callback: awaited for a stored one, left in the background for a refusal. */
  function record(facts: CallbackFacts, requestId: string, outcome: 'granted' | 'refused', result: string | null, reason: string | null): Promise<unknown> {
    const argumentIds: Record<string, string> = {};
    if (facts.conversationId !== undefined) argumentIds.conversation_id = facts.conversationId;
    if (facts.eventId !== undefined) argumentIds.event_id = facts.eventId.slice(0, 64);
    return audit.write({ requestId, callerId: facts.signed ? 'scheduler' : 'unverified', tenantId: facts.tenantId, tool: CALLBACK_OPERATION, argumentIds, outcome, result, reason });
  }

  return async function handleCallback(request, scope) {
    const { requestId } = scope;
    const facts: CallbackFacts = { signed: false, tenantId: '-' };
    try {
      const { duplicate } = await accept(request, facts);
      logger.info('callback stored', { requestId, conversationId: facts.conversationId, eventId: facts.eventId, duplicate });
      await record(facts, requestId, 'granted', duplicate ? 'replayed' : 'ok', null);
      return Response.json({ success: true });
    } catch (error) {
      const refused = error instanceof CallbackRefused ? error : undefined;
      const reason = refused?.reason ?? (error instanceof DomainError ? error.code.toLowerCase() : 'internal');
      const cause = refused?.error ?? error;
      const level = cause instanceof UnauthenticatedError ? 'warn' : cause instanceof UnavailableError || refused === undefined ? 'error' : 'info';
      logger[level]('callback refused', { requestId, reason, signed: facts.signed, conversationId: facts.conversationId, eventId: facts.eventId });
      // Refusals are audited in the background: answering an unsigned flood never waits on the audit log.
      void record(facts, requestId, 'refused', null, reason);
      return httpErrorResponse(refused?.error ?? error, requestId);
    }
  };
}
