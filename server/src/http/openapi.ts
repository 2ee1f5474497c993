import { buildOpenApiDocument, type OpenApiDocument, type OpenApiInfo } from './openapiDocument.js';
import type { ApiOperation, ApiSecurity } from './openapiTypes.js';

/**
 * Where routers describe their operations, next to the code that serves them; the document at
 * `GET /api/openapi.json` is generated from it. One registry per app, passed in (no singleton).
 */
export class OpenApiRegistry {
  readonly #operations = new Map<string, ApiOperation>();
  #security: ApiSecurity | undefined;

  register(operation: ApiOperation): void {
    if (!/^\/[\w\-./:]*$/.test(operation.path)) {
      throw new Error(
        `OpenAPI: path ${operation.path} uses syntax other than literal segments and :params`,
      );
    }
    const key = `${operation.method.toUpperCase()} ${operation.path}`;
    if (this.#operations.has(key)) throw new Error(`OpenAPI: ${key} is registered twice`);
    this.#operations.set(key, operation);
  }

  /** Set once by the auth module, which owns the cookie, CSRF header and bearer tokens. */
  useSecurity(security: ApiSecurity): void {
    this.#security = security;
  }

  operations(): ApiOperation[] {
    return [...this.#operations.values()];
  }

  toDocument(info: OpenApiInfo): OpenApiDocument {
    return buildOpenApiDocument(info, this.operations(), this.#security);
  }
}

export type { OpenApiDocument, OpenApiInfo };
export type * from './openapiTypes.js';
