// POST api/manage/seed: (re)seeds the store on request. The body `{ customer_count?, force?,
// anchor_date? }` is validated strictly; requests are serialised in-process, and a store
// already seeded with the same settings is left as it is, so repeats never duplicate data.
// Every authenticated request is audited: refused without the admin role, or granted with its outcome.
import * as z from 'zod';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { RequestAuthenticator } from '../auth/authenticate-request.js';
import { hasRoles, ROLES, type Principal } from '../identity/principal.js';
import type { RequestScope } from '../request/request-scope.js';
import type { Clock } from '../time/clock.js';
import { ConflictError, DomainError, ForbiddenError, InvalidArgumentError, UnsupportedMediaTypeError } from '../errors/domain-error.js';
import { httpErrorResponse } from '../errors/to-http.js';
import { toWebResponse } from '../http/http-answer.js';
import { isJsonContentType } from '../http/media-types.js';
import { readJsonBody } from '../http/read-json-body.js';
import { seedStore } from '../seed/ensure-seeded.js';
import { isSeededWith, type SeedSettings } from '../seed/seed-settings.js';
import type { ContosoStore } from '../storage/contoso-store.js';
import type { SeedState } from '../storage/seed-dataset.js';
import type { Logger } from '../telemetry/logger.js';
import { calendarDate } from '../tools/common/schemas.js';

const MAX_SEED_BODY_BYTES = 16 * 1024;

/** How seeding requests are named in the audit trail. */
export const SEED_OPERATION = 'manage/seed';

export const seedRequestSchema = z
  .object({
    customer_count: z.number().int().min(0).max(10_000).optional(),
    force: z.boolean().optional(),
    anchor_date: calendarDate.optional(),
  })
  .strict();

export interface SeedRequestOptions {
  store: ContosoStore;
  defaults: SeedSettings;
  clock: Clock;
  logger: Logger;
  audit: AuditTrail;
  /** The caller must authenticate and hold the admin role (on top of the host's function key). */
  authenticate: RequestAuthenticator;
}

export type SeedRequestHandler = (request: Request, scope: RequestScope) => Promise<Response>;

/** The JSON answer of a seeding request. */
interface SeedAnswer {
  action: 'seeded' | 'skipped';
  reason: string;
  state: SeedState | null;
  counts: Record<string, number> | null;
  duration_ms: number;
}

export function createSeedRequestHandler(options: SeedRequestOptions): SeedRequestHandler {
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
    return run;
  };

  const auditOf = (caller: Principal, requestId: string) => ({
    requestId,
    callerId: caller.callerId,
    tenantId: caller.tenantId,
    tool: SEED_OPERATION,
    argumentIds: {},
  });

  return async function handleSeedRequest(request, scope) {
    const { requestId } = scope;
    const auth = await options.authenticate(request);
    if (!auth.ok) return toWebResponse(auth.answer);
    if (!hasRoles(auth.principal, [ROLES.admin])) {
      options.logger.warn('admin route refused', { requestId, callerId: auth.principal.callerId, reason: 'missing_role:admin' });
      void options.audit.write({ ...auditOf(auth.principal, requestId), outcome: 'refused', result: null, reason: 'missing_role:admin' });
      return httpErrorResponse(new ForbiddenError('this operation needs the admin role'), requestId);
    }
    try {
      const answer = await seedOnRequest(request, requestId);
      await options.audit.write({ ...auditOf(auth.principal, requestId), outcome: 'granted', result: answer.action === 'skipped' ? 'skipped' : 'ok', reason: null });
      return Response.json(answer);
    } catch (error) {
      const result = error instanceof DomainError ? error.code : 'INTERNAL';
      await options.audit.write({ ...auditOf(auth.principal, requestId), outcome: 'granted', result, reason: null });
      return httpErrorResponse(error, requestId);
    }
  };

  /** Parses the body and seeds (or skips), one request at a time; throws a DomainError to refuse. */
  async function seedOnRequest(request: Request, requestId: string): Promise<SeedAnswer> {
    const body = await parseBody(request);
    const settings: SeedSettings = {
      customerCount: body.customer_count ?? options.defaults.customerCount,
      anchorDate: body.anchor_date ?? options.defaults.anchorDate,
    };
    return serialised(async (): Promise<SeedAnswer> => {
      const state = await options.store.seedState();
      const same = isSeededWith(state, settings);
      if (same && !body.force) {
        return { action: 'skipped', reason: 'already seeded with these settings', state, counts: null, duration_ms: 0 };
      }
      if (state !== null && !same && !body.force) {
        throw new ConflictError(
          `the store is already seeded (${state.customerCount} customers, anchor ${state.anchorDate}, generator v${state.generatorVersion}); pass "force": true to replace its data`,
        );
      }
      const outcome = await seedStore(options.store, settings, options.clock);
      options.logger.info('store seeded on request', { requestId, counts: outcome.counts, durationMs: outcome.durationMs });
      return {
        action: 'seeded',
        reason: body.force ? 'force' : state === null ? 'the store was empty' : 'settings changed',
        state: await options.store.seedState(),
        counts: outcome.counts,
        duration_ms: outcome.durationMs,
      };
    });
  }
}

async function parseBody(request: Request): Promise<z.output<typeof seedRequestSchema>> {
  const body = await readJsonBody(request, MAX_SEED_BODY_BYTES);
  if (body.kind === 'too_large') throw new InvalidArgumentError(`the body exceeds ${MAX_SEED_BODY_BYTES} bytes`);
  if (body.kind === 'unreadable') throw new InvalidArgumentError('the body could not be read');
  if (body.kind === 'empty') return {};
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new UnsupportedMediaTypeError('Content-Type must be application/json');
  }
  if (body.kind === 'not_json') throw new InvalidArgumentError('the body is not valid JSON');
  const parsed = seedRequestSchema.safeParse(body.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    throw new InvalidArgumentError(`invalid seed request: ${problems.join('; ')}`, { problems });
  }
  return parsed.data;
}
