// What one dependency (conversation store, scheduler, Key Vault, ...) reports to /api/ready.
export interface DependencyCheck {
  /** conversations, scheduler, key_vault, ... */
  name: string;
  status: 'ok' | 'degraded' | 'down';
  /** Circuit breaker state, where the dependency is behind one. */
  breaker?: 'closed' | 'open' | 'half_open';
  /** A short description without secrets, credentials in URLs, or content. */
  detail?: string;
}

/** Something /api/ready can ask. */
export interface CheckedDependency {
  /** The name its checks carry (used when a check throws or times out). */
  readonly name?: string;
  check(): Promise<DependencyCheck>;
}
