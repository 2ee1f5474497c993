import { z } from 'zod';

const configSchema = z.object({
  ZEEBE_ADDRESS: z.string().trim().min(1).default('localhost:26500'),
  PLATFORM_URL: z.url().default('http://localhost:8080'),
  WORKER_CLIENT_ID: z.string().trim().min(1, 'is required: the service credential the workers use'),
  WORKER_CLIENT_SECRET: z.string().min(1, 'is required: the secret of WORKER_CLIENT_ID'),
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().trim().optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  WORKER_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** Set (with the other CAMUNDA_* settings) for a secured cluster: the SDK then reads its own environment. */
  CAMUNDA_OAUTH_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type WorkersConfig = z.infer<typeof configSchema>;

/** Reads the workers' settings once; fails with every problem listed. */
export function loadConfig(env: Record<string, string | undefined> = process.env): WorkersConfig {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
  );
  throw new Error(`Invalid worker configuration:\n${problems.join('\n')}`);
}
