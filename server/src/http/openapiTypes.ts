import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiResponseSpec {
  description: string;
  /** The JSON body as it goes over the wire (dates as ISO strings). */
  schema?: z.ZodType;
  headers?: Record<string, { description: string; schema: z.ZodType }>;
}

/** Who may call an operation: anyone, any signed-in principal, or one of the named roles. */
export type ApiAccess = { public: true } | { roles?: readonly string[] };

export interface ApiOperation {
  method: HttpMethod;
  /** Express-style path, e.g. `/api/zaken/:id`; documented as `/api/zaken/{id}`. */
  path: string;
  summary: string;
  description?: string;
  tags?: string[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Media types the body is accepted in; `application/json` unless given. */
  bodyMediaTypes?: string[];
  /** Keyed by HTTP status; the common error responses (400, 401, 403) are added from the rest. */
  responses: Record<number, ApiResponseSpec>;
  access: ApiAccess;
}

/** Security schemes (e.g. the session cookie) and which of them an operation accepts. */
export interface ApiSecurity {
  schemes: Record<string, Record<string, unknown>>;
  /** Alternatives, as in OpenAPI: any one of the listed requirement objects suffices. */
  requirementsFor(method: HttpMethod): Record<string, string[]>[];
}
