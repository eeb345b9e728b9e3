// The numbers Contoso's policies promise (fees, windows, lead times). The knowledge base quotes
// them and the seeded records obey them, so an agent that reads a policy and then the data
// finds the two agree (an overage line is priced per GB exactly as the overage policy says).

/** Days from an invoice's issue date to its due date. */
export const PAYMENT_TERM_DAYS = 14;
/** EUR charged per started GB above a plan's monthly data allowance. */
export const DATA_OVERAGE_EUR_PER_GB = 10;
/** Days after the invoice date within which an upgrade re-rates that invoice's period. */
export const RETROACTIVE_UPGRADE_DAYS = 30;
/** Days after a failed direct debit before it is retried (once). */
export const DIRECT_DEBIT_RETRY_DAYS = 7;
/** Days past the due date after which an unpaid invoice suspends the service. */
export const SUSPEND_AFTER_OVERDUE_DAYS = 14;
/** Days past the due date after which an unpaid invoice incurs the late-payment fee. */
export const LATE_FEE_AFTER_OVERDUE_DAYS = 7;
/** EUR late-payment fee, added to the customer's next invoice. */
export const LATE_PAYMENT_FEE_EUR = 7.5;
/** Hours to restore a suspended service once the overdue balance is paid. */
export const REINSTATEMENT_HOURS = 4;
/** Longest hardship payment plan, in monthly instalments. */
export const HARDSHIP_MAX_INSTALMENTS = 3;
/** Days after delivery within which a device or accessory may be returned. */
export const RETURN_WINDOW_DAYS = 30;
/** Days after a return is received by which the refund is issued. */
export const REFUND_DAYS = 14;
/** Hours roaming can take to become active after it is switched on. */
export const ROAMING_ACTIVATION_HOURS = 24;
/** EUR per day for roaming outside the EU (a day pass). */
export const ROAMING_DAY_PASS_EUR = 5;
/** Failed sign-ins within 15 minutes that lock an account. */
export const FAILED_SIGN_INS_BEFORE_LOCK = 5;
/** Hours an incident must degrade a service before an incident credit applies. */
export const INCIDENT_CREDIT_AFTER_HOURS = 24;
/** Open dropped-call tickets from one area within 30 days that trigger a network investigation. */
export const DROPPED_CALL_INVESTIGATION_THRESHOLD = 3;
/** Business days the network team has to report on a dropped-call investigation. */
export const DROPPED_CALL_SLA_BUSINESS_DAYS = 5;
/** Percent of the monthly fee credited per week a confirmed coverage fault stays unfixed. */
export const DROPPED_CALL_CREDIT_PERCENT_PER_WEEK = 10;
