import type { ApiOperation, OpenApiRegistry } from '../../http/openapi.js';
import {
  authorisationListResponseSchema,
  authorisationResponseSchema,
  zaaktypeListResponseSchema,
  zaaktypeResponseSchema,
  zaaktypeVersionResponseSchema,
} from './responseSchemas.js';
import {
  authorisationFilterSchema,
  authorisationParamsSchema,
  grantBodySchema,
  peildatumQuerySchema,
  versionParamsSchema,
  zaaktypeParamsSchema,
} from './routeSchemas.js';
import { newZaaktypeSchema, publishRequestSchema, versionInputSchema } from './schemas.js';

const tags = ['catalogus'];
const BASE = '/api/catalogus/zaaktypen';
const VERSION = `${BASE}/:identificatie/versies/:versie`;
const AUTHORISATION = '/api/catalogus/autorisaties/:groep/:identificatie';
const anyUser = {};
const beheerder = { roles: ['beheerder'] };
const version = (description: string) => ({ description, schema: zaaktypeVersionResponseSchema });
const notFound = { description: 'No such zaaktype or version' };
const conflict = (description: string) => ({ description });

const operations: ApiOperation[] = [
  {
    method: 'get',
    path: BASE,
    summary: 'All zaaktypen with a summary of each version',
    responses: {
      200: { description: 'Zaaktypen by identificatie', schema: zaaktypeListResponseSchema },
    },
    access: anyUser,
  },
  {
    method: 'post',
    path: BASE,
    summary: 'Create a zaaktype with its first concept version',
    body: newZaaktypeSchema,
    responses: { 201: version('The concept version'), 409: conflict('The identificatie is taken') },
    access: beheerder,
  },
  {
    method: 'get',
    path: `${BASE}/:identificatie`,
    summary: 'A zaaktype with all its versions',
    params: zaaktypeParamsSchema,
    responses: {
      200: { description: 'The zaaktype', schema: zaaktypeResponseSchema },
      404: notFound,
    },
    access: anyUser,
  },
  {
    method: 'get',
    path: `${BASE}/:identificatie/geldige-versie`,
    summary: 'The published version valid on a date',
    params: zaaktypeParamsSchema,
    query: peildatumQuerySchema,
    responses: {
      200: version('The valid version'),
      404: { description: 'No version valid on that date' },
    },
    access: anyUser,
  },
  {
    method: 'get',
    path: VERSION,
    summary: 'One version of a zaaktype',
    params: versionParamsSchema,
    responses: { 200: version('The version'), 404: notFound },
    access: anyUser,
  },
  {
    method: 'put',
    path: VERSION,
    summary: 'Replace the content of a concept version',
    params: versionParamsSchema,
    body: versionInputSchema,
    responses: {
      200: version('The changed concept'),
      404: notFound,
      409: conflict('The version is published'),
    },
    access: beheerder,
  },
  {
    method: 'delete',
    path: VERSION,
    summary: 'Delete a concept version (and the zaaktype, when it was its only version)',
    params: versionParamsSchema,
    responses: {
      204: { description: 'Deleted' },
      404: notFound,
      409: conflict('The version is published'),
    },
    access: beheerder,
  },
  {
    method: 'post',
    path: `${VERSION}/kopie`,
    summary: 'Copy a version to a new concept version',
    params: versionParamsSchema,
    responses: {
      201: version('The new concept'),
      404: notFound,
      409: conflict('A concept version exists already'),
    },
    access: beheerder,
  },
  {
    method: 'post',
    path: `${VERSION}/publiceren`,
    summary: 'Publish a concept version',
    description:
      'Checks completeness and that every statustype and resultaattype the bound process uses exists; ' +
      'closes the validity of the previous published version the day before beginGeldigheid.',
    params: versionParamsSchema,
    body: publishRequestSchema,
    responses: {
      200: version('The published version'),
      404: notFound,
      409: conflict(
        'Already published, overlapping validity, or problems (listed in details.problems)',
      ),
    },
    access: beheerder,
  },
  {
    method: 'get',
    path: '/api/catalogus/autorisaties',
    summary: 'Zaaktype authorisations of groups',
    query: authorisationFilterSchema,
    responses: { 200: { description: 'Authorisations', schema: authorisationListResponseSchema } },
    access: anyUser,
  },
  {
    method: 'put',
    path: AUTHORISATION,
    summary: 'Let a group see zaken of a zaaktype up to a vertrouwelijkheidaanduiding',
    params: authorisationParamsSchema,
    body: grantBodySchema,
    responses: {
      200: { description: 'The authorisation', schema: authorisationResponseSchema },
      404: notFound,
    },
    access: beheerder,
  },
  {
    method: 'delete',
    path: AUTHORISATION,
    summary: "Revoke a group's authorisation for a zaaktype",
    params: authorisationParamsSchema,
    responses: { 204: { description: 'Revoked' }, 404: { description: 'No such authorisation' } },
    access: beheerder,
  },
];

export function registerCatalogusOperations(registry: OpenApiRegistry): void {
  for (const operation of operations) registry.register({ ...operation, tags });
}
