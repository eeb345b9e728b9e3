// Customer account security events (sign-ins, locks, unlocks): what get_security_logs shows.
// Operator audit records are a different thing and live in their own store.

export const SECURITY_EVENT_TYPES = [
  'login_success',
  'login_failed',
  'account_locked',
  'account_unlocked',
  'password_reset',
  'mfa_enrolled',
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

export interface SecurityEvent {
  eventId: string;
  customerId: number;
  eventType: SecurityEventType;
  /** ISO date-time */
  occurredAt: string;
  ipAddress: string | null;
  detail: string;
}
