// The troubleshoot job's steps in order, by name: each runs as its own durable activity
// (registered under `activity`) and reports `message` as progress. The first eight add one
// finding each; the last decides and returns the result. What each step does is in
// step-runners.ts (loaded only when an activity runs).

export interface TroubleshootStep {
  readonly activity: string;
  readonly message: string;
}

export const TROUBLESHOOT_STEPS: readonly TroubleshootStep[] = [
  { activity: 'troubleshootVerifySubscription', message: 'Checking the customer and the subscription' },
  { activity: 'troubleshootAccountAndBilling', message: 'Checking the account status, locks and billing' },
  { activity: 'troubleshootAreaIncidents', message: 'Looking for open incidents in the area' },
  { activity: 'troubleshootUsagePattern', message: 'Looking for usage anomalies' },
  { activity: 'troubleshootDeviceAndOrders', message: 'Checking the plan and the device on record' },
  { activity: 'troubleshootSupportHistory', message: 'Reading the support history of the line' },
  { activity: 'troubleshootLineTest', message: 'Running a line test' },
  { activity: 'troubleshootKnowledgeBase', message: 'Searching the knowledge base for the symptom' },
  { activity: 'troubleshootSummarise', message: 'Deciding the remediation and summarising' },
];

/** Steps in all (the findings, then the summary). */
export const TROUBLESHOOT_STEP_COUNT = TROUBLESHOOT_STEPS.length;
