// App role names as they appear in tokens (configurable: READ_ROLE, WRITE_ROLE, SECURITY_ROLE,
// ADMIN_ROLE) mapped to the roles tools declare (ROLES). One mapping for tokens and the
// development identity.
import { ROLES, type Role } from '../identity/principal.js';

/** The app role name standing for each role tools declare. */
export interface AppRoleNames {
  readonly read: string;
  readonly write: string;
  readonly security: string;
  readonly admin: string;
}

/** Maps `appRoles` to tool roles; names that map to no role are dropped, duplicates removed. */
export function toPrincipalRoles(appRoles: readonly string[], names: AppRoleNames): Role[] {
  const byName = new Map<string, Role>([
    [names.read, ROLES.read],
    [names.write, ROLES.write],
    [names.security, ROLES.security],
    [names.admin, ROLES.admin],
  ]);
  return [...new Set(appRoles.flatMap((name) => byName.get(name) ?? []))];
}
