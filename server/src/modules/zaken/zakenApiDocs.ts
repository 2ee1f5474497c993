import { z } from 'zod';
import type { ApiOperation, OpenApiRegistry } from '../../http/openapi.js';
import { auditPageSchema } from '../audit/index.js';
import { EIGENSCHAP_FORMATEN } from '../catalogus/index.js';
import {
  notitieSchema,
  zaakDetailSchema,
  zaakEigenschapSchema,
  zaakPageSchema,
} from './responseSchemas.js';
import {
  addNotitieSchema,
  addRolSchema,
  eigenschapParamsSchema,
  setEigenschapSchema,
  afsluitenSchema,
  createZaakSchema,
  redenSchema,
  searchZakenSchema,
  setResultaatSchema,
  setStatusSchema,
  verlengenSchema,
  zaakAuditQuerySchema,
  zaakIdParamsSchema,
} from './schemas.js';

/** Staff read zaken, subject to zaaktype authorisation; see visibility.ts. */
export const zaakReaderRoles = [
  'behandelaar',
  'coordinator',
  'manager',
  'beheerder',
  'service',
] as const;
/** Who creates zaken and acts on them: people handling them and the job workers. */
export const zaakActorRoles = ['behandelaar', 'coordinator', 'service'] as const;

const tags = ['zaken'];
const hidden = 'Answered as 404 as well when the caller is not authorised for the zaak';
const zaakAnswer = {
  200: {
    description: 'The zaak as it is now (also when the call changed nothing)',
    schema: zaakDetailSchema,
  },
  404: { description: hidden },
};

const actions: [string, string, z.ZodType, string][] = [
  [
    'status',
    'Set a status (eindstatus closes the zaak; needs a resultaat)',
    setStatusSchema,
    'Closed zaak, or eindstatus without resultaat',
  ],
  ['resultaat', 'Set or replace the resultaat', setResultaatSchema, 'The zaak is closed'],
  [
    'afsluiten',
    'Close the zaak: resultaat (optional) and eindstatus',
    afsluitenSchema,
    'No resultaat, or closed with another one',
  ],
  ['heropenen', 'Reopen a closed zaak', redenSchema, 'The zaak is not closed'],
  [
    'opschorten',
    'Suspend the zaak (Awb 4:15): the clock stops',
    redenSchema,
    'Not allowed by the zaaktype, or already suspended for another reason',
  ],
  [
    'hervatten',
    'Resume: the deadlines move by the days suspended',
    z.object({}),
    'Never suspended',
  ],
  [
    'verlengen',
    'Extend the legal term once (Awb 4:14)',
    verlengenSchema,
    'Already extended, not allowed, or the deadline has passed',
  ],
];

export function registerZakenOperations(openApi: OpenApiRegistry): void {
  const operations: ApiOperation[] = [
    {
      method: 'post',
      path: '/api/zaken',
      summary: 'Register a zaak and start its process',
      description:
        'Idempotent per Idempotency-Key header (per user): the same key and body answer the same zaak again.',
      tags,
      body: createZaakSchema,
      responses: {
        201: {
          description: 'Registered; its process starts shortly (outbox)',
          schema: zaakDetailSchema,
        },
        409: { description: 'The Idempotency-Key was used for another body' },
      },
      access: { roles: zaakActorRoles },
    },
    {
      method: 'get',
      path: '/api/zaken',
      summary: 'Search the zaken the caller is authorised for',
      tags,
      query: searchZakenSchema,
      responses: {
        200: { description: 'A page of zaken with the total count', schema: zaakPageSchema },
      },
      access: { roles: zaakReaderRoles },
    },
    {
      method: 'get',
      path: '/api/zaken/:id',
      summary: 'A zaak with its history',
      tags,
      params: zaakIdParamsSchema,
      responses: zaakAnswer,
      access: { roles: zaakReaderRoles },
    },
    ...actions.map(([path, summary, body, conflict]): ApiOperation => ({
      method: 'post',
      path: `/api/zaken/:id/${path}`,
      summary,
      tags,
      params: zaakIdParamsSchema,
      body,
      responses: { ...zaakAnswer, 409: { description: conflict } },
      access: { roles: zaakActorRoles },
    })),
    {
      method: 'post',
      path: '/api/zaken/:id/rollen',
      summary: 'Add a rol of the zaaktype',
      tags,
      params: zaakIdParamsSchema,
      body: addRolSchema,
      responses: { 201: { description: 'Added', schema: zaakDetailSchema }, ...zaakAnswer },
      access: { roles: zaakActorRoles },
    },
    {
      method: 'get',
      path: '/api/zaken/:id/eigenschappen',
      summary: "The zaaktype's eigenschappen with their waarde on this zaak",
      tags,
      params: zaakIdParamsSchema,
      responses: {
        200: {
          description:
            'Every eigenschap of the zaaktype, in catalogue order; waarde null when not set',
          schema: z.object({
            eigenschappen: z.array(
              zaakEigenschapSchema.extend({
                definitie: z.string(),
                formaat: z.enum(EIGENSCHAP_FORMATEN),
                waarde: z.string().nullable(),
              }),
            ),
          }),
        },
        404: { description: hidden },
      },
      access: { roles: zaakReaderRoles },
    },
    {
      method: 'put',
      path: '/api/zaken/:id/eigenschappen/:naam',
      summary: 'Set an eigenschap of the zaaktype on this zaak',
      description:
        'The waarde is text in every formaat: getal as 1250.50, datum as YYYY-MM-DD, datum_tijd as ISO 8601 with offset (stored in UTC). The same waarde again changes nothing.',
      tags,
      params: eigenschapParamsSchema,
      body: setEigenschapSchema,
      responses: {
        200: { description: 'Stored', schema: zaakEigenschapSchema },
        400: {
          description:
            'Not an eigenschap of the zaaktype, or a waarde that does not fit its formaat',
        },
        404: { description: hidden },
        409: { description: 'The zaak is closed' },
      },
      access: { roles: zaakActorRoles },
    },
    {
      method: 'delete',
      path: '/api/zaken/:id/eigenschappen/:naam',
      summary: 'Clear an eigenschap on this zaak',
      tags,
      params: eigenschapParamsSchema,
      responses: {
        204: { description: 'Cleared (also when it was not set)' },
        404: { description: hidden },
        409: { description: 'The zaak is closed' },
      },
      access: { roles: zaakActorRoles },
    },
    {
      method: 'get',
      path: '/api/zaken/:id/notities',
      summary: 'Notes on a zaak',
      tags,
      params: zaakIdParamsSchema,
      responses: {
        200: {
          description: 'Oldest first',
          schema: z.object({ notities: z.array(notitieSchema) }),
        },
        404: { description: hidden },
      },
      access: { roles: zaakReaderRoles },
    },
    {
      method: 'post',
      path: '/api/zaken/:id/notities',
      summary: 'Add a note',
      tags,
      params: zaakIdParamsSchema,
      body: addNotitieSchema,
      responses: {
        201: { description: 'Added', schema: notitieSchema },
        404: { description: hidden },
      },
      access: { roles: zaakActorRoles },
    },
    {
      method: 'get',
      path: '/api/zaken/:id/audit',
      summary: "The zaak's audit trail, newest first",
      tags,
      params: zaakIdParamsSchema,
      query: zaakAuditQuerySchema,
      responses: {
        200: { description: 'A page of entries', schema: auditPageSchema },
        404: { description: hidden },
      },
      access: { roles: zaakReaderRoles },
    },
  ];
  for (const operation of operations) openApi.register(operation);
}
