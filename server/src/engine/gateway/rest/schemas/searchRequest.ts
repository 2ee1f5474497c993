import { z } from 'zod';

/** Camunda's default and our upper bound for `page.limit`. */
export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 10_000;

export interface SortCriterion<F extends string = string> {
  field: F;
  order: 'ASC' | 'DESC';
}

/** Offset pagination, or a cursor from a previous response's `startCursor` / `endCursor`. */
export type PageRequest =
  | { kind: 'offset'; from: number; limit: number }
  | { kind: 'after'; cursor: string; limit: number }
  | { kind: 'before'; cursor: string; limit: number };

const cursorSchema = z.string().min(2).max(300);

const pageSchema = z
  .strictObject({
    from: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(MAX_PAGE_LIMIT).optional(),
    after: cursorSchema.optional(),
    before: cursorSchema.optional(),
  })
  .superRefine((page, ctx) => {
    const used = (['from', 'after', 'before'] as const).filter((key) => page[key] !== undefined);
    if (used.length > 1) {
      ctx.addIssue({
        code: 'custom',
        message: `Use only one of ${used.map((key) => `'${key}'`).join(', ')}: offset and cursor pagination do not mix`,
      });
    }
  })
  .transform((page): PageRequest => {
    const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
    if (page.after !== undefined) return { kind: 'after', cursor: page.after, limit };
    if (page.before !== undefined) return { kind: 'before', cursor: page.before, limit };
    return { kind: 'offset', from: page.from ?? 0, limit };
  });

function sortSchema<F extends readonly [string, ...string[]]>(fields: F) {
  return z.array(
    z.strictObject({
      field: z.enum(fields, {
        message: `Expected one of the sortable fields: ${fields.join(', ')}`,
      }),
      // Camunda documents ASC / DESC; older clients send lower case.
      order: z
        .enum(['ASC', 'DESC', 'asc', 'desc'])
        .optional()
        .transform((order) => (order?.toUpperCase() ?? 'ASC') as 'ASC' | 'DESC'),
    }),
  );
}

/** `{ filter?, sort?, page? }` with this resource's filter schema and sortable fields. */
export function searchRequestSchema<F extends z.ZodType, S extends readonly [string, ...string[]]>(
  filter: F,
  sortFields: S,
) {
  return z
    .strictObject({
      filter: filter.optional(),
      sort: sortSchema(sortFields).optional(),
      page: pageSchema.optional(),
    })
    .transform((request): SearchRequest<z.output<F>, S[number]> => ({
      filter: request.filter,
      sort: request.sort ?? [],
      page: request.page ?? { kind: 'offset', from: 0, limit: DEFAULT_PAGE_LIMIT },
    }));
}

export interface SearchRequest<F, S extends string> {
  filter: F | undefined;
  sort: SortCriterion<S>[];
  page: PageRequest;
}

/** The page block of every search response. */
export interface PageResponse {
  totalItems: number;
  hasMoreTotalItems: boolean;
  startCursor?: string;
  endCursor?: string;
}

export interface SearchResponse<T> {
  items: T[];
  page: PageResponse;
}
