import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

type Io = 'input' | 'output';

/** Stands in for a component reference until every schema is known and the names can be chosen. */
const placeholderPrefix = '#zod-def/';

/**
 * Turns zod schemas into OpenAPI 3.1 schema objects (JSON Schema 2020-12) with zod 4's own
 * `z.toJSONSchema`. Schemas given an id with `.meta({ id })` become shared components: zod puts
 * them under `$defs`, which a `$ref` inside an OpenAPI document cannot reach, so they are
 * collected here and emitted under `components.schemas` by `finish`.
 * A schema can look different as request (input) and response (output), e.g. a field with a
 * default is optional in and required out; the output form gets the plain name and a differing
 * input form the name `<id>Input`.
 */
export class SchemaConverter {
  readonly #definitions = new Map<string, Partial<Record<Io, JsonSchema>>>();

  convert(schema: z.ZodType, io: Io): JsonSchema {
    const json = z.toJSONSchema(schema, { io, unrepresentable: representDates }) as JsonSchema;
    const { $defs: defs, ...rest } = json;
    delete rest.$schema; // the document's dialect is OpenAPI 3.1's, stated once at the top
    for (const [id, definition] of Object.entries((defs ?? {}) as Record<string, JsonSchema>)) {
      this.#remember(id, io, withPlaceholders(definition, io) as JsonSchema);
    }
    return withPlaceholders(rest, io) as JsonSchema;
  }

  /** The component schemas, and `value` with every placeholder replaced by a component reference. */
  finish<T>(value: T): { value: T; components: Record<string, JsonSchema> } {
    const names = new Map<string, string>();
    const components: Record<string, JsonSchema> = {};
    for (const [id, variants] of this.#definitions) {
      const { input, output } = variants;
      const sameShape = input && output && sameIgnoringIo(input, output);
      names.set(`output/${id}`, id);
      names.set(`input/${id}`, !output || sameShape ? id : `${id}Input`);
      if (output) components[id] = output;
      if (input && !sameShape) components[output ? `${id}Input` : id] = input;
    }
    const resolve = (item: unknown) => resolvePlaceholders(item, names);
    const resolved = Object.entries(components).map(
      ([name, schema]) => [name, resolve(schema) as JsonSchema] as const,
    );
    return { value: resolve(value) as T, components: Object.fromEntries(resolved) };
  }

  #remember(id: string, io: Io, definition: JsonSchema): void {
    const variants = this.#definitions.get(id) ?? {};
    const existing = variants[io];
    if (existing && JSON.stringify(existing) !== JSON.stringify(definition)) {
      throw new Error(
        `OpenAPI: two different schemas use the id "${id}"; give one of them another id`,
      );
    }
    variants[io] = definition;
    this.#definitions.set(id, variants);
  }
}

/** Dates leave the server as ISO 8601 strings (res.json); say so instead of an empty schema. */
function representDates(ctx: { zodSchema: z.core.$ZodType }): JsonSchema | 'any' {
  return ctx.zodSchema._zod.def.type === 'date' ? { type: 'string', format: 'date-time' } : 'any';
}

function withPlaceholders(value: unknown, io: Io): unknown {
  return mapRefs(value, (ref) =>
    ref.startsWith('#/$defs/') ? `${placeholderPrefix}${io}/${ref.slice(8)}` : ref,
  );
}

function resolvePlaceholders(value: unknown, names: Map<string, string>): unknown {
  return mapRefs(value, (ref) => {
    if (!ref.startsWith(placeholderPrefix)) return ref;
    const key = ref.slice(placeholderPrefix.length);
    return `#/components/schemas/${names.get(key) ?? key}`;
  });
}

function sameIgnoringIo(a: JsonSchema, b: JsonSchema): boolean {
  const neutral = (schema: JsonSchema) =>
    JSON.stringify(schema).replaceAll(/#zod-def\/(input|output)\//g, '#zod-def/');
  return neutral(a) === neutral(b);
}

function mapRefs(value: unknown, map: (ref: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapRefs(item, map));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === '$ref' && typeof item === 'string' ? map(item) : mapRefs(item, map),
    ]),
  );
}
