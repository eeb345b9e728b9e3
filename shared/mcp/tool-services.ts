// The process-wide services tool calls use, taken from the AppContext.
import type { Clock } from '../time/clock.js';
import type { ContosoStore } from '../storage/contoso-store.js';
import type { Logger } from '../telemetry/logger.js';
import type { ToolAudit } from './tool-audit.js';

export interface ToolServices {
  store: ContosoStore;
  clock: Clock;
  logger: Logger;
  /** New unique ids for records the tools create (payments, security events). */
  newId: () => string;
  /** Audit trail of mutating and restricted tools. */
  audit: ToolAudit;
}
