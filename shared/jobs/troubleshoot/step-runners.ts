// What each troubleshoot activity does, by activity name (troubleshoot-steps.ts has the order
// and the progress messages). A step may run more than once (retries, a restart mid-step).
import type { Finding, TroubleshootResult } from './troubleshoot-job.js';
import { accountAndBilling, verifySubscription } from './steps/account-steps.js';
import { deviceAndOrders, knowledgeBase, supportHistory } from './steps/history-steps.js';
import { areaIncidents, lineTest, usagePattern } from './steps/service-steps.js';
import type { StepContext } from './steps/step-context.js';
import { summarise } from './steps/summarise.js';

export type StepRunner = (ctx: StepContext) => Promise<Finding | TroubleshootResult>;

export const STEP_RUNNERS: Readonly<Record<string, StepRunner>> = {
  troubleshootVerifySubscription: verifySubscription,
  troubleshootAccountAndBilling: accountAndBilling,
  troubleshootAreaIncidents: areaIncidents,
  troubleshootUsagePattern: usagePattern,
  troubleshootDeviceAndOrders: deviceAndOrders,
  troubleshootSupportHistory: supportHistory,
  troubleshootLineTest: lineTest,
  troubleshootKnowledgeBase: knowledgeBase,
  troubleshootSummarise: summarise,
};
