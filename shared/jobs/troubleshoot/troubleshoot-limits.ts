// Time limits of the troubleshoot job that settings are checked against. A leaf: config and the
// tool both import it.

/** An HTTP call to Azure Functions is cut after this long, whatever the app does. */
export const HTTP_RESPONSE_CAP_SECONDS = 230;

/** The time budget of one trouble_shoot_device call (its live wait must end before it). */
export const TROUBLESHOOT_TOOL_BUDGET_MS = 200_000;
