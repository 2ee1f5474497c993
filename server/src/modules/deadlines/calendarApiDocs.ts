import { z } from 'zod';
import type { ApiOperation, OpenApiRegistry } from '../../http/openapi.js';
import {
  calendarDateSchema,
  extraDayInputSchema,
  extraDayParamsSchema,
  rangeQuerySchema,
  termQuerySchema,
  yearQuerySchema,
} from './schemas.js';

const daySchema = z
  .object({ datum: calendarDateSchema, omschrijving: z.string() })
  .meta({ id: 'Kalenderdag' });
const tags = ['kalender'];

const operations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/kalender/feestdagen',
    summary: 'National feestdagen and extra days of a year',
    query: yearQuerySchema,
    responses: {
      200: {
        description: 'The days, by date',
        schema: z.object({ jaar: z.number().int(), feestdagen: z.array(daySchema) }),
      },
    },
    access: {},
  },
  {
    method: 'get',
    path: '/api/kalender/extra-dagen',
    summary: 'Days made equal to feestdagen by royal decree',
    query: rangeQuerySchema,
    responses: {
      200: { description: 'The extra days', schema: z.object({ extraDagen: z.array(daySchema) }) },
    },
    access: {},
  },
  {
    method: 'post',
    path: '/api/kalender/extra-dagen',
    summary: 'Add a day made equal to a feestdag',
    body: extraDayInputSchema,
    responses: {
      201: { description: 'Added', schema: daySchema },
      409: { description: 'Already a feestdag or an extra day' },
    },
    access: { roles: ['beheerder'] },
  },
  {
    method: 'delete',
    path: '/api/kalender/extra-dagen/:datum',
    summary: 'Remove an extra day',
    params: extraDayParamsSchema,
    responses: { 204: { description: 'Removed' }, 404: { description: 'Not an extra day' } },
    access: { roles: ['beheerder'] },
  },
  {
    method: 'get',
    path: '/api/kalender/termijn',
    summary: 'End of a term from a date of receipt, under the Algemene termijnenwet',
    query: termQuerySchema,
    responses: {
      200: {
        description: 'The end, with and without the Algemene termijnenwet',
        schema: z.object({
          startdatum: calendarDateSchema,
          duur: z.string(),
          einddatum: calendarDateSchema,
          einddatumZonderTermijnenwet: calendarDateSchema,
        }),
      },
    },
    access: {},
  },
];

export function registerCalendarOperations(registry: OpenApiRegistry): void {
  for (const operation of operations) registry.register({ ...operation, tags });
}
