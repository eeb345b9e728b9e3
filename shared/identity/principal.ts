// Who is calling, and the role names tools declare: built from a verified token or, in
// development, from the development identity. Tools see it through their context; no tool reads
// tokens. A leaf: auth, config, mcp and tools import it, it imports nothing of the app.

export interface Principal {
  /** Stable caller id: the token's `oid`, else its `sub`. */
  callerId: string;
  tenantId: string;
  roles: readonly string[];
  /** How the identity was established. */
  source: 'token' | 'development';
}

/** Every role a tool may declare. Read tools declare none: any allowed caller may use them. */
export const ROLES = { write: 'support.write', security: 'security', admin: 'admin' } as const;
export type Role = (typeof ROLES)[keyof typeof ROLES];
export const ALL_ROLES: readonly Role[] = Object.values(ROLES);

export const LOCAL_TENANT_ID = '00000000-0000-0000-0000-00000000c0de';

/** The identity used while no authentication is configured (local development). */
export function developmentPrincipal(roles: readonly string[] = ALL_ROLES): Principal {
  return { callerId: 'local-developer', tenantId: LOCAL_TENANT_ID, roles, source: 'development' };
}

export function hasRoles(principal: Principal, required: readonly string[]): boolean {
  return required.every((role) => principal.roles.includes(role));
}
