import { can, capabilities, type Role, type SessionInfo } from '@ciao/domain';
import type { tenants, webUsers } from '../../db/schema/index.js';

/** What the back-office receives about the signed-in user; its menus follow `capabilities`. */
export function presentSessionInfo(
  user: typeof webUsers.$inferSelect,
  tenant: typeof tenants.$inferSelect,
): SessionInfo {
  const role = user.role as Role;
  return {
    user: {
      id: user.id,
      login: user.login,
      displayName: user.displayName,
      email: user.email,
      language: user.language,
      role,
    },
    company: { code: tenant.code, name: tenant.name },
    capabilities: capabilities.filter((capability) => can(role, capability)),
    secondFactor: {
      enabled: user.totpEnabledAt !== null,
      enrolmentRequired:
        role === 'ADMIN' && tenant.settings.requireTwoFactorForAdmins === true && !user.totpEnabledAt,
    },
  };
}
