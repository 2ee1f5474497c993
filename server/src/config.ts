import { z } from 'zod';

/** Boolean settings arrive as strings; accept the usual spellings and nothing else. */
const booleanSetting = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** 0 asks the operating system for a free port (tests run servers side by side this way). */
const portSetting = z.coerce
  .number({ error: 'expected a port number (0-65535)' })
  .int('expected a whole port number')
  .min(0, 'expected a port number (0-65535)')
  .max(65535, 'expected a port number (0-65535)');

const serverConfigSchema = z.object({
  PORT: portSetting.default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres://user@host:port/database URL')
    .optional(),
  ZEEBE_GATEWAY_PORT: portSetting.default(26500),
  /** An external Zeebe / Camunda 8 gateway (host:port): the server then runs no embedded engine. */
  ZEEBE_ADDRESS: z.string().regex(/^[^\s/:]+:\d+$/, 'expected host:port of a Zeebe gateway, e.g. zeebe.example:26500').optional(),
  /** The SDK's newer form of ZEEBE_ADDRESS, with the protocol (grpcs:// for TLS); also switches the embedded engine off. */
  ZEEBE_GRPC_ADDRESS: z.string().regex(/^grpcs?:\/\/[^\s/:]+:\d+$/, 'expected grpc://host:port or grpcs://host:port').optional(),
  /** The external cluster's REST v2 API; derived from ZEEBE_ADDRESS (same host, port 8080) when not set. */
  ZEEBE_REST_ADDRESS: z.string().regex(/^https?:\/\/[^\s]+$/, 'expected an http(s):// URL of the REST v2 API').optional(),
  /** With it, /metrics also answers `Authorization: Bearer <token>` from other hosts than loopback. */
  METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
  /** How often open user tasks are checked against the engine, to close those it cancelled. */
  TASK_RECONCILE_INTERVAL_SECONDS: z.coerce.number({ error: 'expected seconds' }).int().positive().default(60),
  ENGINE_CLOCK_CONTROL: booleanSetting.default(false),
  SEED_DEMO: booleanSetting.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** The gRPC gateway has no authentication of its own, so it listens on loopback unless told otherwise. */
  ZEEBE_GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
  SESSION_TTL_MINUTES: z.coerce.number({ error: 'expected minutes' }).int().positive().default(60),
  SESSION_MAX_HOURS: z.coerce.number({ error: 'expected hours' }).int().positive().default(12),
  SERVICE_TOKEN_TTL_MINUTES: z.coerce.number({ error: 'expected minutes' }).int().positive().default(10),
  WORKER_CLIENT_ID: z.string().min(1).default('zaakstroom-workers'),
  WORKER_CLIENT_SECRET: z.string().min(32, 'expected at least 32 characters').optional(),
  /** Run the standard job workers inside the server (the embedded default); false with `npm run workers`. */
  WORKERS_IN_PROCESS: booleanSetting.default(true),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'expected an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Gemeente <noreply@gemeente.example>'),
  /** The municipality's RSIN, used as bronorganisatie of new zaken that do not name one. */
  BRONORGANISATIE: z.string().regex(/^\d{9}$/, 'expected the RSIN of the municipality: 9 digits').optional(),
  /** Base URL of the citizens' status pages in mails (e.g. https://zaken.gemeente.nl); default this server's own URL. */
  PUBLIC_URL: z.url({ error: 'expected an http(s):// URL' }).optional(),
  /** Days a citizen's status link stays valid while the zaak has no archiefactiedatum; with one, the link lives until then. */
  STATUSLINK_DAYS: z.coerce.number({ error: 'expected days' }).int().positive().max(36_500).default(730),
  /** Requests per minute per IP address on the public status pages (in-memory, per server process). */
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number({ error: 'expected requests per minute' }).int().positive().default(30),
  /** How long an abonnement's callback may take to answer a notificatie, in seconds. */
  NOTIFICATIE_TIMEOUT_SECONDS: z.coerce.number({ error: 'expected seconds' }).int().positive().max(300).default(10),
  /** Attempts per notificatie and abonnement (a minute apart, doubling up to a day) before it counts as failed. */
  NOTIFICATIE_MAX_ATTEMPTS: z.coerce.number({ error: 'expected a number of attempts' }).int().positive().max(100).default(12),
  /** Largest document upload, in megabytes (MiB). */
  MAX_UPLOAD_MB: z.coerce
    .number({ error: 'expected megabytes' })
    .positive('expected more than 0 megabytes')
    .max(1024, 'expected at most 1024 megabytes')
    .default(20),
  /** The identity provider for "Inloggen met gemeente-account"; unset switches OpenID Connect off. */
  OIDC_ISSUER: z
    .url({ error: 'expected the https:// URL of the OpenID Connect issuer' })
    .refine(isSecureOrLoopback, 'expected https:// (plain http:// only for localhost or 127.0.0.1)')
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where the provider sends people back; default PUBLIC_URL (else this server's URL) + /api/auth/oidc/callback. */
  OIDC_REDIRECT_URI: z.url({ error: 'expected an http(s):// URL ending in /api/auth/oidc/callback' }).optional(),
  OIDC_SCOPES: z
    .string()
    .regex(/(^|\s)openid(\s|$)/, 'expected space-separated scopes that include openid')
    .default('openid profile email'),
  /** Claim with the role names (beheerder, behandelaar, coordinator, manager); dots reach nested claims. */
  OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
  /** Claim with the group (afdeling) codes; dots reach nested claims. */
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
});

function isSecureOrLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || (protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname));
}

/** The REST v2 address of an external engine: ZEEBE_REST_ADDRESS, or the gateway's host on Camunda's port 8080. */
export function engineRestAddress(config: ExternalEngineSettings): string | undefined {
  if (config.ZEEBE_REST_ADDRESS) return config.ZEEBE_REST_ADDRESS.replace(/\/+$/, '');
  const gateway = externalGateway(config);
  if (!gateway) return undefined;
  return `http://${gateway.slice(0, gateway.lastIndexOf(':'))}:8080`;
}

type ExternalEngineSettings = Pick<ServerConfig, 'ZEEBE_ADDRESS' | 'ZEEBE_GRPC_ADDRESS' | 'ZEEBE_REST_ADDRESS'>;

/** host:port of the external gateway, or undefined when the embedded engine runs. */
export function externalGateway(config: ExternalEngineSettings): string | undefined {
  return config.ZEEBE_GRPC_ADDRESS?.replace(/^grpcs?:\/\//, '') ?? config.ZEEBE_ADDRESS;
}

/** The RSIN the demo municipality uses when BRONORGANISATIE is not set (passes the 11-proef). */
export const DEMO_BRONORGANISATIE = '002220647';

export type ServerConfig = z.infer<typeof serverConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the settings once; throws a ConfigError naming every wrong setting and the form expected. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const relevant = Object.fromEntries(
    Object.keys(serverConfigSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const result = serverConfigSchema
    .refine((config) => !config.OIDC_ISSUER || config.OIDC_CLIENT_ID, {
      path: ['OIDC_CLIENT_ID'],
      message: 'required when OIDC_ISSUER is set: the client id registered at the identity provider',
    })
    .safeParse(relevant);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.')}=${JSON.stringify(relevant[String(issue.path[0])])}: ${issue.message}`,
  );
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}
