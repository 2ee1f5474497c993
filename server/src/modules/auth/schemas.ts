import { z } from 'zod';
import { roleSchema } from './roles.js';

export const loginBodySchema = z.object({
  username: z.string().trim().min(1, 'enter a username').max(100),
  // Bounded so nobody makes the server hash megabytes.
  password: z.string().min(1, 'enter a password').max(1024),
});

/** OAuth 2.0 client credentials grant (RFC 6749 §4.4), as JSON or form-encoded. */
export const tokenBodySchema = z.object({
  grant_type: z.literal('client_credentials', {
    error: 'only grant_type=client_credentials is supported',
  }),
  client_id: z.string().min(1).max(100),
  client_secret: z.string().min(1).max(1024),
});

export const groupSchema = z.object({ code: z.string(), naam: z.string() }).meta({ id: 'Group' });

export const userSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['user', 'service']),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    roles: z.array(roleSchema),
    groups: z.array(groupSchema),
  })
  .meta({ id: 'User' });

export const sessionResponseSchema = z
  .object({
    user: userSchema,
    csrfToken: z.string().nullable().meta({
      description:
        'Send as X-CSRF-Token on every POST, PUT, PATCH and DELETE; null for bearer tokens',
    }),
    expiresAt: z.iso
      .datetime()
      .meta({ description: 'When the session or token ends if not used (sliding)' }),
  })
  .meta({ id: 'Session' });

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().meta({ description: 'Seconds until the token expires' }),
});

export const groupsResponseSchema = z.object({ groups: z.array(groupSchema) });

export const authConfigResponseSchema = z.object({
  oidc: z.boolean().meta({ description: 'Whether "Inloggen met gemeente-account" is offered' }),
});
