import { z } from 'zod';

/** The JSON shapes the zaken routes answer with, for the OpenAPI document. */
const date = z.string().meta({ format: 'date' });
const betrokkene = z.object({
  type: z.enum(['natuurlijk_persoon', 'niet_natuurlijk_persoon', 'medewerker']),
  bsn: z.string().optional(),
  kvkNummer: z.string().optional(),
  username: z.string().optional(),
  naam: z.string().optional(),
  email: z.string().optional(),
});

export const zaakSchema = z
  .object({
    id: z.uuid(),
    identificatie: z.string(),
    bronorganisatie: z.string(),
    zaaktype: z.object({ identificatie: z.string(), versie: z.number().int() }),
    omschrijving: z.string(),
    toelichting: z.string().nullable(),
    registratiedatum: date,
    startdatum: date,
    einddatumGepland: date.nullable(),
    uiterlijkeEinddatumAfdoening: date,
    einddatum: date.nullable(),
    vertrouwelijkheidaanduiding: z.string(),
    status: z.object({ statustype: z.string(), volgnummer: z.number().int() }).nullable(),
    opschorting: z.object({ indicatie: z.boolean(), reden: z.string().nullable() }),
    verlenging: z.object({ duur: z.string(), reden: z.string(), datum: date }).nullable(),
    archiefnominatie: z.string().nullable(),
    archiefactiedatum: date.nullable(),
    hoofdzaak: z.string().nullable(),
    betalingsindicatie: z.string(),
    processInstanceKey: z.string().nullable(),
    createdBy: z.string(),
    proefrun: z.boolean(),
    proefrunGestartDoor: z.string().nullable(),
  })
  .meta({ id: 'Zaak' });

export const zaakRolSchema = z
  .object({
    id: z.uuid(),
    roltype: z.string(),
    omschrijvingGeneriek: z.string(),
    betrokkene,
    toelichting: z.string().nullable(),
  })
  .meta({ id: 'ZaakRol' });

export const zaakEigenschapSchema = z
  .object({ naam: z.string(), waarde: z.string() })
  .meta({ id: 'ZaakEigenschap' });

export const zaakDetailSchema = zaakSchema
  .extend({
    statussen: z.array(
      z.object({
        statustype: z.string(),
        volgnummer: z.number().int(),
        datumStatusGezet: z.string(),
        toelichting: z.string().nullable(),
        gezetDoor: z.string(),
      }),
    ),
    resultaat: z
      .object({
        resultaattype: z.string(),
        toelichting: z.string().nullable(),
        gezetDoor: z.string(),
      })
      .nullable(),
    rollen: z.array(zaakRolSchema),
    opschortingen: z.array(z.object({ van: date, tot: date.nullable(), reden: z.string() })),
    eigenschappen: z.array(zaakEigenschapSchema),
  })
  .meta({ id: 'ZaakDetail' });

export const zaakPageSchema = z.object({
  zaken: z.array(zaakSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const notitieSchema = z
  .object({ id: z.uuid(), tekst: z.string(), auteur: z.string(), createdAt: z.string() })
  .meta({ id: 'ZaakNotitie' });
