// Writes the audit trail of mutating and restricted tools: every call, granted or refused, to
// the audit log and to the logs. Refusal reasons go here, never to the client. An audit write
// that fails is logged loudly but does not turn a done action into an error.
import { hasRoles } from '../identity/principal.js';
import type { Clock } from '../time/clock.js';
import { idArguments, type AuditRecord } from '../domain/audit/audit-record.js';
import type { AuditLog } from '../storage/audit-log.js';
import type { Logger } from '../telemetry/logger.js';
import type { AnyTool } from './define-tool.js';
import type { RequestCaller } from './request-caller.js';

export interface ToolAuditOptions {
  tools: readonly AnyTool[];
  audit: AuditLog;
  clock: Clock;
  newId: () => string;
  logger: Logger;
}

export interface ToolAudit {
  /** Whether calls of `tool` are audited (it mutates or needs a role). */
  covers(tool: AnyTool): boolean;
  granted(tool: AnyTool, args: unknown, caller: RequestCaller, result: string): Promise<void>;
  /**
   * Audits, before dispatch, the tools/calls in a JSON-RPC body that will not reach run-tool: a
   * tool the caller may not use (refused) and a covered tool whose arguments fail its schema
   * (granted, result INVALID_ARGUMENT: the SDK answers those before any handler runs).
   */
  callsStoppedBeforeHandler(body: unknown, caller: RequestCaller): Promise<void>;
}

export function createToolAudit(options: ToolAuditOptions): ToolAudit {
  const byName = new Map(options.tools.map((tool) => [tool.name, tool]));
  const covers = (tool: AnyTool) => tool.roles.length > 0 || tool.annotations.readOnlyHint !== true;

  async function write(entry: Omit<AuditRecord, 'auditId' | 'at'>): Promise<void> {
    const record: AuditRecord = { auditId: options.newId(), at: options.clock.now().toISOString(), ...entry };
    options.logger.info('audit', { audit: record });
    try {
      await options.audit.append(record);
    } catch (error) {
      options.logger.error('audit record could not be written', { error, auditId: record.auditId, tool: record.tool });
    }
  }

  function base(tool: AnyTool, args: unknown, caller: RequestCaller) {
    return {
      requestId: caller.requestId,
      callerId: caller.principal.callerId,
      tenantId: caller.principal.tenantId,
      tool: tool.name,
      argumentIds: idArguments(args),
    };
  }

  return {
    covers,
    async granted(tool, args, caller, result) {
      if (covers(tool)) await write({ ...base(tool, args, caller), outcome: 'granted', result, reason: null });
    },
    async callsStoppedBeforeHandler(body, caller) {
      for (const message of Array.isArray(body) ? body : [body]) {
        if (message === null || typeof message !== 'object') continue;
        const { method, params } = message as { method?: unknown; params?: { name?: unknown; arguments?: unknown } };
        if (method !== 'tools/call' || typeof params?.name !== 'string') continue;
        const tool = byName.get(params.name);
        if (!tool || !covers(tool)) continue;
        if (!hasRoles(caller.principal, tool.roles)) {
          const missing = tool.roles.filter((role) => !caller.principal.roles.includes(role));
          await write({ ...base(tool, params.arguments, caller), outcome: 'refused', result: null, reason: `missing_role:${missing.join(',')}` });
        } else if (!tool.input.safeParse(params.arguments ?? {}).success) {
          await write({ ...base(tool, params.arguments, caller), outcome: 'granted', result: 'INVALID_ARGUMENT', reason: null });
        }
      }
    },
  };
}
