import { z } from 'zod';
import { SchemaConverter, type JsonSchema } from './openapiSchemas.js';
import type { ApiOperation, ApiResponseSpec, ApiSecurity } from './openapiTypes.js';

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: OpenApiInfo;
  paths: Record<string, Record<string, JsonSchema>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, Record<string, unknown>>;
  };
}

/** The body every error response has (see errorMiddleware). */
const errorBodySchema = z
  .object({
    error: z.object({
      name: z.string().meta({ description: 'Error class, e.g. InputError, AuthenticationError' }),
      message: z.string().meta({ description: 'What was wrong and what to do about it' }),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: 'ApiError' });

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } };

const standardErrors: Record<number, string> = {
  400: 'The request is invalid; the message names each wrong field',
  401: 'Not signed in, or the session or token has expired',
  403: 'Signed in, but without a required role (or the CSRF token is missing or wrong)',
};

export function buildOpenApiDocument(
  info: OpenApiInfo,
  operations: ApiOperation[],
  security: ApiSecurity | undefined,
): OpenApiDocument {
  const converter = new SchemaConverter();
  converter.convert(errorBodySchema, 'output'); // makes the ApiError component that errorContent refers to
  const paths: OpenApiDocument['paths'] = {};
  const sorted = [...operations].sort(
    (a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
  );
  for (const operation of sorted) {
    const path = operation.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][operation.method] = describeOperation(operation, converter, security);
  }
  const { value: resolvedPaths, components } = converter.finish(paths);
  return {
    openapi: '3.1.0',
    info,
    paths: resolvedPaths,
    components: { schemas: components, securitySchemes: security?.schemes ?? {} },
  };
}

function describeOperation(
  operation: ApiOperation,
  converter: SchemaConverter,
  security: ApiSecurity | undefined,
): JsonSchema {
  const isPublic = 'public' in operation.access;
  const roles = 'roles' in operation.access ? (operation.access.roles ?? []) : [];
  const described: JsonSchema = {
    operationId: operationIdOf(operation),
    summary: operation.summary,
    ...(operation.tags ? { tags: operation.tags } : {}),
  };
  const notes = [
    operation.description,
    roles.length > 0 ? `Requires one of the roles: ${roles.join(', ')}.` : undefined,
  ];
  const description = notes.filter(Boolean).join('\n\n');
  if (description) described.description = description;
  if (roles.length > 0) described['x-roles'] = roles;

  const parameters = [
    ...pathParameters(operation, converter),
    ...queryParameters(operation, converter),
  ];
  if (parameters.length > 0) described.parameters = parameters;
  if (operation.body) {
    const schema = converter.convert(operation.body, 'input');
    const mediaTypes = operation.bodyMediaTypes ?? ['application/json'];
    described.requestBody = {
      required: true,
      content: Object.fromEntries(mediaTypes.map((type) => [type, { schema }])),
    };
  }
  described.responses = responsesOf(operation, converter, isPublic);
  if (isPublic) described.security = [];
  else if (security) described.security = security.requirementsFor(operation.method);
  return described;
}

function pathParameters(operation: ApiOperation, converter: SchemaConverter): JsonSchema[] {
  const names = [...operation.path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '');
  const properties = operation.params
    ? objectProperties(converter.convert(operation.params, 'input'))
    : {};
  return names.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: properties[name] ?? { type: 'string' },
  }));
}

function queryParameters(operation: ApiOperation, converter: SchemaConverter): JsonSchema[] {
  if (!operation.query) return [];
  const schema = converter.convert(operation.query, 'input');
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(objectProperties(schema)).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: 'query',
      required: required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: propertySchema,
    };
  });
}

function objectProperties(schema: JsonSchema): Record<string, JsonSchema> {
  return (schema.properties ?? {}) as Record<string, JsonSchema>;
}

function responsesOf(
  operation: ApiOperation,
  converter: SchemaConverter,
  isPublic: boolean,
): Record<string, JsonSchema> {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, spec] of Object.entries(operation.responses)) {
    responses[status] = describeResponse(Number(status), spec, converter);
  }
  const hasInput = Boolean(operation.body ?? operation.query ?? operation.params);
  // 403 also for signed-in calls without a role: a missing or wrong CSRF token.
  const errors = [hasInput ? 400 : 0, isPublic ? 0 : 401, isPublic ? 0 : 403].filter(Boolean);
  for (const status of errors) {
    responses[String(status)] ??= {
      description: standardErrors[status] ?? 'Error',
      content: errorContent,
    };
  }
  return responses;
}

/** Error statuses without a schema of their own get the common error body. */
function describeResponse(
  status: number,
  spec: ApiResponseSpec,
  converter: SchemaConverter,
): JsonSchema {
  const response: JsonSchema = { description: spec.description };
  if (spec.schema)
    response.content = { 'application/json': { schema: converter.convert(spec.schema, 'output') } };
  else if (status >= 400) response.content = errorContent;
  if (spec.headers) {
    response.headers = Object.fromEntries(
      Object.entries(spec.headers).map(([name, header]) => [
        name,
        { description: header.description, schema: converter.convert(header.schema, 'output') },
      ]),
    );
  }
  return response;
}

/** `GET /api/zaken/:id/audit` → `getZakenByIdAudit`: stable, readable names for generated clients. */
function operationIdOf(operation: ApiOperation): string {
  const words = operation.path
    .split('/')
    .filter((segment) => segment !== '' && segment !== 'api')
    .map((segment) =>
      segment.startsWith(':') ? `By${capitalize(segment.slice(1))}` : camelWords(segment),
    );
  return operation.method + words.join('');
}

function camelWords(segment: string): string {
  return segment.split(/[-_.]/).map(capitalize).join('');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
