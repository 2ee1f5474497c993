import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * Turns zod schemas into OpenAPI 3.1 schema objects (JSON Schema 2020-12) with zod 4's own
 * `z.toJSONSchema`. Schemas given an id with `.meta({ id })` become shared components: zod puts
 * them under `$defs`, which a `$ref` inside an OpenAPI document cannot reach, so they are moved
 * to `components.schemas` and the references rewritten.
 */
export class SchemaConverter {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const json = z.toJSONSchema(schema, { io, unrepresentable: representDates }) as JsonSchema;
    const { $schema: _dialect, $defs: defs, ...rest } = json;
    const definitions = Object.entries((defs ?? {}) as Record<string, JsonSchema>);
    const unchanged = new Map(definitions.map(([id]) => [id, id]));
    // Names first (definitions may refer to each other), then store them with the final references.
    const names = new Map(
      definitions.map(([id, definition]) => [id, this.#nameFor(id, rewriteRefs(definition, unchanged), io)]),
    );
    for (const [id, definition] of definitions) {
      this.components[names.get(id) ?? id] = rewriteRefs(definition, names) as JsonSchema;
    }
    return rewriteRefs(rest, names) as JsonSchema;
  }

  /** Reuses an identical component; an input variant that differs (defaults, coercion) gets an `Input` suffix. */
  #nameFor(id: string, definition: unknown, io: 'input' | 'output'): string {
    const candidates = io === 'input' ? [id, `${id}Input`] : [id];
    const text = JSON.stringify(definition);
    for (const name of candidates) {
      const existing = this.components[name];
      if (existing === undefined || JSON.stringify(existing) === text) return name;
    }
    throw new Error(`OpenAPI: two different schemas use the id "${id}"; give one of them another id`);
  }
}

/** Dates leave the server as ISO 8601 strings (res.json); say so instead of an empty schema. */
function representDates(ctx: { zodSchema: z.core.$ZodType }): JsonSchema | 'any' {
  return ctx.zodSchema._zod.def.type === 'date' ? { type: 'string', format: 'date-time' } : 'any';
}

function rewriteRefs(value: unknown, renamed: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, renamed));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string' && item.startsWith('#/$defs/')) {
      const id = item.slice('#/$defs/'.length);
      result[key] = `#/components/schemas/${renamed.get(id) ?? id}`;
    } else {
      result[key] = rewriteRefs(item, renamed);
    }
  }
  return result;
}
