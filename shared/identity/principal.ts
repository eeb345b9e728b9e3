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

/**
 * Every role a tool or route may declare. Reading customer data needs `read`; the write and
 * security roles imply it (see hasRoles); `admin` is for operating the app and implies nothing.
 */
export const ROLES = { read: 'support.read', write: 'support.write', security: 'security', admin: 'admin' } as const;
export type Role = (typeof ROLES)[keyof typeof ROLES];
export const ALL_ROLES: readonly Role[] = Object.values(ROLES);

/** Roles that holding another role grants as well. */
const IMPLIED_BY: Readonly<Record<string, readonly Role[]>> = {
  [ROLES.write]: [ROLES.read],
  [ROLES.security]: [ROLES.read],
};

export const LOCAL_TENANT_ID = '00000000-0000-0000-0000-00000000c0de';

/** The identity used while no authentication is configured (local development). */
export function developmentPrincipal(roles: readonly string[] = ALL_ROLES): Principal {
  return { callerId: 'local-developer', tenantId: LOCAL_TENANT_ID, roles, source: 'development' };
}

/** Whether `principal` holds every role in `required`, directly or through a role that implies it. */
export function hasRoles(principal: Principal, required: readonly string[]): boolean {
  return required.every((role) => principal.roles.includes(role) || principal.roles.some((held) => IMPLIED_BY[held]?.includes(role as Role) === true));
}
