// The ToolContext a call's handler receives: the process's services, the call's scope and audit
// id, its progress reporter, and two things made on first read: its signal (call-signal.ts) and
// its logger (the app's, with the tool's name and the request id; most calls log nothing). A
// class with prototype getters: an object literal with a getter is built on V8's slow path
// (measured here: 1.6 µs per call against 0.2 µs for this class).
import type { CallerScope } from '../request/request-scope.js';
import type { Logger } from '../telemetry/logger.js';
import type { CallSignal } from './call-signal.js';
import type { ToolContext } from './define-tool.js';
import type { ToolServices } from './tool-services.js';

/** Sends one `notifications/progress` for the call. */
export type ProgressReporter = (done: number, total: number, message?: string) => Promise<void>;

export interface ToolCallContextInit {
  toolName: string;
  scope: CallerScope;
  /** The app's logger; the context's is its child for this call. */
  appLogger: Logger;
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
  readonly progressRequested: boolean;
  readonly auditId: string | undefined;
  readonly #callSignal: CallSignal;
  readonly #reportProgress: ProgressReporter | undefined;
  readonly #toolName: string;
  readonly #appLogger: Logger;
  #logger: Logger | undefined;

  constructor(services: ToolServices, init: ToolCallContextInit) {
    // Every service, as its own field: a new service needs no change here.
    Object.assign(this, services);
    this.scope = init.scope;
    this.caller = init.scope.caller;
    this.requestId = init.scope.requestId;
    this.#toolName = init.toolName;
    this.#appLogger = init.appLogger;
    this.progressRequested = init.reportProgress !== undefined;
    this.auditId = init.auditId;
    this.#callSignal = init.callSignal;
    this.#reportProgress = init.reportProgress;
  }

  get logger(): Logger {
    this.#logger ??= this.#appLogger.child({ tool: this.#toolName, requestId: this.requestId });
    return this.#logger;
  }

  get signal(): AbortSignal {
    return this.#callSignal.signal;
  }

  async progress(done: number, total: number, message?: string): Promise<void> {
    if (this.#reportProgress === undefined || this.#callSignal.signal.aborted) return;
    await this.#reportProgress(done, total, message);
  }
}
