// Writes the audit trail of mutating and restricted tools: every call, granted or refused, to
// the audit log and to the logs. Refusal reasons go here, never to the client. An audit write
// that fails is logged loudly but does not turn a done action into an error.
import type { CallerScope } from '../request/request-scope.js';
import { hasRoles } from '../identity/principal.js';
import type { Clock } from '../time/clock.js';
import { idArguments, type AuditRecord } from '../domain/audit/audit-record.js';
import type { AuditLog } from '../storage/audit-log.js';
import type { Logger } from '../telemetry/logger.js';
import type { AnyTool } from './define-tool.js';

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
  granted(tool: AnyTool, args: unknown, scope: CallerScope, result: string): Promise<void>;
  /**
   * Audits, before dispatch, the tools/calls in a JSON-RPC body that will not reach run-tool: a
   * tool the caller may not use (refused). Calls with bad arguments do reach run-tool, which
   * audits them with result INVALID_ARGUMENT.
   */
  callsStoppedBeforeHandler(body: unknown, scope: CallerScope): Promise<void>;
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

  function base(tool: AnyTool, args: unknown, scope: CallerScope) {
    return {
      requestId: scope.requestId,
      callerId: scope.caller.callerId,
      tenantId: scope.caller.tenantId,
      tool: tool.name,
      argumentIds: idArguments(args),
    };
  }

  return {
    covers,
    async granted(tool, args, scope, result) {
      if (covers(tool)) await write({ ...base(tool, args, scope), outcome: 'granted', result, reason: null });
    },
    async callsStoppedBeforeHandler(body, scope) {
      for (const message of Array.isArray(body) ? body : [body]) {
        if (message === null || typeof message !== 'object') continue;
        const { method, params } = message as { method?: unknown; params?: { name?: unknown; arguments?: unknown } };
        if (method !== 'tools/call' || typeof params?.name !== 'string') continue;
        const tool = byName.get(params.name);
        if (!tool || !covers(tool)) continue;
        if (!hasRoles(scope.caller, tool.roles)) {
          const missing = tool.roles.filter((role) => !scope.caller.roles.includes(role));
          await write({ ...base(tool, params.arguments, scope), outcome: 'refused', result: null, reason: `missing_role:${missing.join(',')}` });
        }
      }
    },
  };
}
