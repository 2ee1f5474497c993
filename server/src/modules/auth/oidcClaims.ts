import { accountRoles, type AccountRole } from './roles.js';

/** Who the identity provider says signed in, in our terms. */
export interface ExternalIdentity {
  subject: string;
  username: string;
  displayName: string;
  email: string | null;
  /** Our roles named in the roles claim; other values are ignored. */
  roles: AccountRole[];
  /** Codes of our groups named in the groups claim; other values are ignored. */
  groups: string[];
}

export interface ClaimMapping {
  /** Claim name; dots reach into nested objects (`realm_access.roles`). */
  rolesClaim: string;
  groupsClaim: string;
}

/**
 * Maps ID token (and userinfo) claims to an identity. Names and roles compare case-insensitively;
 * a group may come as `/code` (Keycloak's group paths).
 */
export function identityFromClaims(
  claims: Record<string, unknown>,
  mapping: ClaimMapping,
  knownGroupCodes: readonly string[],
): ExternalIdentity {
  const subject = stringClaim(claims, 'sub');
  if (!subject) throw new Error('the ID token has no subject (sub)');
  const username = (stringClaim(claims, 'preferred_username') ?? subject).trim().toLowerCase();
  const roleNames = new Set(claimValues(claims, mapping.rolesClaim).map(lowerCase));
  const groupNames = new Set(
    claimValues(claims, mapping.groupsClaim).map((value) => lowerCase(value).replace(/^\//, '')),
  );
  return {
    subject,
    username: username.slice(0, 100),
    displayName: (stringClaim(claims, 'name') ?? username).slice(0, 200),
    email: stringClaim(claims, 'email')?.slice(0, 320) ?? null,
    roles: accountRoles.filter((role) => roleNames.has(role)),
    groups: knownGroupCodes.filter((code) => groupNames.has(lowerCase(code))),
  };
}

/** The strings in a claim: an array of strings, or one string with values split on spaces or commas. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  for (const key of path.split('.')) {
    value = isRecord(value) ? value[key] : undefined;
  }
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

function stringClaim(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lowerCase(value: string): string {
  return value.trim().toLowerCase();
}
