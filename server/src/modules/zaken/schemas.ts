import { z } from 'zod';
import { VERTROUWELIJKHEIDAANDUIDINGEN } from '../catalogus/index.js';
import { calendarDateSchema, durationSchema } from '../deadlines/index.js';
import { passesElfProef } from './elfProef.js';

const text = (max: number) =>
  z
    .string({ error: 'expected text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `at most ${max} characters` });

const optionalText = (max: number) => text(max).optional();

const email = z.email({ error: 'expected an e-mail address' }).max(254).optional();

export const bsnSchema = z
  .string({ error: 'expected a BSN as 9 digits' })
  .refine(passesElfProef, { error: 'not a valid BSN (9 digits that pass the 11-proef)' });

export const rsinSchema = z
  .string({ error: 'expected an RSIN as 9 digits' })
  .refine(passesElfProef, { error: 'not a valid RSIN (9 digits that pass the 11-proef)' });

export const betrokkeneSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('natuurlijk_persoon'),
      bsn: bsnSchema,
      naam: optionalText(200),
      email,
    }),
    z.strictObject({
      type: z.literal('niet_natuurlijk_persoon'),
      kvkNummer: z
        .string({ error: 'expected a KvK number' })
        .regex(/^\d{8}$/, { error: 'a KvK number has exactly 8 digits' }),
      naam: optionalText(200),
      email,
    }),
    z.strictObject({
      type: z.literal('medewerker'),
      username: text(255),
      naam: optionalText(200),
      email,
    }),
  ],
  { error: 'type: expected natuurlijk_persoon, niet_natuurlijk_persoon or medewerker' },
);

export const createZaakSchema = z.strictObject({
  zaaktype: text(50),
  bronorganisatie: rsinSchema.optional(),
  omschrijving: text(80),
  toelichting: optionalText(1000),
  /** Day of receipt; defaults to today. Terms run from the day after. */
  startdatum: calendarDateSchema.optional(),
  vertrouwelijkheidaanduiding: z.enum(VERTROUWELIJKHEIDAANDUIDINGEN).optional(),
  hoofdzaak: z.uuid({ error: 'expected the id (uuid) of the hoofdzaak' }).optional(),
  betalingsindicatie: z.enum(['nvt', 'nog_niet', 'gedeeltelijk', 'geheel']).optional(),
  initiator: betrokkeneSchema,
});
export type CreateZaakInput = z.infer<typeof createZaakSchema>;

/** A proefrun's intake: a zaak's, without zaaktype (the path names the version) or hoofdzaak. */
export const proefrunIntakeSchema = createZaakSchema.omit({ zaaktype: true, hoofdzaak: true });
export type ProefrunIntake = z.infer<typeof proefrunIntakeSchema>;

export const idempotencyKeySchema = z
  .string({ error: 'the Idempotency-Key header is required' })
  .min(8, { error: 'use at least 8 characters, e.g. a uuid' })
  .max(255, { error: 'at most 255 characters' });

export const zaakIdParamsSchema = z.strictObject({
  id: z.uuid({ error: 'expected the zaak id (a uuid)' }),
});

export const setStatusSchema = z.strictObject({
  statustype: text(80),
  toelichting: optionalText(1000),
});

export const setResultaatSchema = z.strictObject({
  resultaattype: text(30),
  toelichting: optionalText(1000),
});

export const afsluitenSchema = z.strictObject({
  resultaattype: optionalText(30),
  toelichting: optionalText(1000),
});

export const redenSchema = z.strictObject({ reden: text(1000) });

export const hervattenSchema = z.strictObject({}).default({});

export const verlengenSchema = z.strictObject({ duur: durationSchema, reden: text(1000) });

export const addRolSchema = z.strictObject({
  roltype: text(100),
  betrokkene: betrokkeneSchema,
  toelichting: optionalText(1000),
});
export type AddRolInput = z.infer<typeof addRolSchema>;

export const eigenschapParamsSchema = zaakIdParamsSchema.extend({ naam: text(20) });

export const setEigenschapSchema = z.strictObject({
  waarde: z.string({ error: 'expected the waarde as text, also for getal and datum' }),
});

export const addNotitieSchema = z.strictObject({ tekst: text(10_000) });

export const zaakSortFields = [
  'identificatie',
  'registratiedatum',
  'startdatum',
  'uiterlijkeEinddatumAfdoening',
] as const;

export const searchZakenSchema = z.strictObject({
  zaaktype: text(50).optional(),
  status: text(80).optional(),
  behandelaar: text(255).optional(),
  /** Deadline window on uiterlijkeEinddatumAfdoening, inclusive. */
  deadlineVanaf: calendarDateSchema.optional(),
  deadlineTot: calendarDateSchema.optional(),
  open: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  /** Text in identificatie or omschrijving. */
  q: text(100).optional(),
  page: z.coerce.number().int().min(1, { error: 'pages start at 1' }).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, { error: 'at most 200' }).default(25),
  /** A sort field, `-` in front for descending. */
  sort: z
    .enum([...zaakSortFields, ...zaakSortFields.map((field) => `-${field}` as const)])
    .default('-registratiedatum'),
});
export type ZaakSearch = z.infer<typeof searchZakenSchema>;

export const zaakAuditQuerySchema = z.strictObject({
  before: z.string().regex(/^\d+$/, { error: 'expected an audit entry id' }).optional(),
  limit: z.coerce.number().int().min(1).max(500, { error: 'at most 500' }).optional(),
});
