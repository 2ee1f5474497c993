/** Auth: local accounts, cookie sessions with CSRF protection, service tokens for workers, roles and groups. */
export { createAuthModule, type AuthModule, type AuthModuleOptions } from './authModule.js';
export { AuthService, loginFailedMessage, normaliseUsername } from './authService.js';
export { csrfHeaderName } from './authenticate.js';
export { seedDemoAccounts, demoAccounts, demoGroups, demoPassword } from './demoAccounts.js';
export { defaultLoginThrottle, type LoginThrottlePolicy } from './loginThrottle.js';
export { hashPassword, verifyPassword } from './passwordHashing.js';
export {
  auditActorOf,
  auditContextOf,
  principalOf,
  requirePrincipal,
  type AuditContext,
  type Credential,
  type GroupRef,
  type Principal,
} from './principal.js';
export { listMedewerkers, type Medewerker } from './accountRepository.js';
export { requireRole } from './requireRole.js';
export { accountRoles, roles, roleSchema, type AccountRole, type Role } from './roles.js';
export { authPublicRoutes } from './router.js';
export { oidcSettingsOf } from './oidcSettings.js';
export type { OidcSettings } from './oidcRelyingParty.js';
export { sessionCookieName } from './sessionCookie.js';
export {
  ensureServiceCredential,
  generateServiceSecret,
  ServiceTokenService,
  type ServiceCredentialSpec,
} from './serviceTokenService.js';
export { TooManyRequestsError, tooManyRequestsHandler } from './tooManyRequests.js';
