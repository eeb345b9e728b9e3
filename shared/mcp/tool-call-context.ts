// The ToolContext a call's handler receives: the process's services, the call's scope, logger
// and audit id, its progress reporter, and its signal, made on first read (call-signal.ts). A
// class with the signal as a prototype getter: an object literal with a getter is built on V8's
// slow path (measured here: 1.6 µs per call against 0.2 µs for this class).
import type { CallerScope } from '../request/request-scope.js';
import type { Logger } from '../telemetry/logger.js';
import type { CallSignal } from './call-signal.js';
import type { ToolContext } from './define-tool.js';
import type { ProgressReporter } from './run-tool.js';
import type { ToolServices } from './tool-services.js';

export interface ToolCallContextInit {
  scope: CallerScope;
  logger: Logger;
  callSignal: CallSignal;
  reportProgress: ProgressReporter | undefined;
  auditId: string | undefined;
}

export function createToolCallContext(services: ToolServices, init: ToolCallContextInit): ToolContext {
  // The constructor copies every service onto the context (Object.assign), which TypeScript cannot see.
  return new ToolCallContext(services, init) as ToolCallContext & ToolServices;
}

class ToolCallContext {
  readonly scope: CallerScope;
  readonly caller: CallerScope['caller'];
  readonly requestId: string;
  readonly logger: Logger;
  readonly progressRequested: boolean;
  readonly auditId: string | undefined;
  readonly #callSignal: CallSignal;
  readonly #reportProgress: ProgressReporter | undefined;

  constructor(services: ToolServices, init: ToolCallContextInit) {
    // Every service, as its own field: a new service needs no change here.
    Object.assign(this, services);
    this.scope = init.scope;
    this.caller = init.scope.caller;
    this.requestId = init.scope.requestId;
    this.logger = init.logger;
    this.progressRequested = init.reportProgress !== undefined;
    this.auditId = init.auditId;
    this.#callSignal = init.callSignal;
    this.#reportProgress = init.reportProgress;
  }

  get signal(): AbortSignal {
    return this.#callSignal.signal;
  }

  async progress(done: number, total: number, message?: string): Promise<void> {
    if (this.#reportProgress === undefined || this.#callSignal.signal.aborted) return;
    await this.#reportProgress(done, total, message);
  }
}
