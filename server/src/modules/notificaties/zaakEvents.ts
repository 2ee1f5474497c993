import type { ZgwActie, ZgwNotificatie, ZgwResource } from './types.js';

/** An audit entry as the dispatcher reads it. */
export interface ZaakEvent {
  id: string;
  action: string;
  resourceId: string;
  zaakId: string | null;
  oldValue: unknown;
  at: Date;
}

/** The zaak a notificatie is about, as its kenmerken need it. */
export interface ZaakKenmerken {
  id: string;
  bronorganisatie: string;
  zaaktype: string;
  vertrouwelijkheidaanduiding: string;
}

type Mapping = (event: ZaakEvent) => {
  resource: ZgwResource;
  actie: ZgwActie;
  path: (zaakUrl: string, base: string) => string;
};

const onZaak =
  (actie: ZgwActie): Mapping =>
  () => ({ resource: 'zaak', actie, path: (zaakUrl) => zaakUrl });

/**
 * Audit actions that are zaak events for subscribers, and what they are in ZGW terms. Sub-resources
 * without an endpoint of their own (statussen, resultaat, rollen) point at the zaak's collection.
 * Internal actions (notities, the process start, incidents, citizens' status pages) are not published.
 */
const mappings: Record<string, Mapping> = {
  'zaak.aangemaakt': onZaak('create'),
  'zaak.opgeschort': onZaak('partial_update'),
  'zaak.hervat': onZaak('partial_update'),
  'zaak.verlengd': onZaak('partial_update'),
  'zaak.toegewezen': onZaak('partial_update'),
  'zaak.status_gezet': () => ({
    resource: 'status',
    actie: 'create',
    path: (zaakUrl) => `${zaakUrl}/statussen`,
  }),
  'zaak.heropend': () => ({
    resource: 'status',
    actie: 'create',
    path: (zaakUrl) => `${zaakUrl}/statussen`,
  }),
  'zaak.resultaat_gezet': (event) => ({
    resource: 'resultaat',
    actie: event.oldValue ? 'update' : 'create',
    path: (zaakUrl) => `${zaakUrl}/resultaat`,
  }),
  'zaak.rol_toegevoegd': () => ({
    resource: 'rol',
    actie: 'create',
    path: (zaakUrl) => `${zaakUrl}/rollen`,
  }),
  'document.toegevoegd': (event) => ({
    resource: 'zaakinformatieobject',
    actie: 'create',
    path: (_zaakUrl, base) => `${base}/api/documenten/${event.resourceId}`,
  }),
  'document.verwijderd': (event) => ({
    resource: 'zaakinformatieobject',
    actie: 'destroy',
    path: (_zaakUrl, base) => `${base}/api/documenten/${event.resourceId}`,
  }),
};

/** Whether the dispatcher publishes this audit action (so it looks the zaak up only then). */
export function isPublished(action: string): boolean {
  return Object.hasOwn(mappings, action);
}

/** The ZGW notificatie for one audit entry about a zaak, or undefined when it is not published. */
export function zgwNotificatieOf(
  event: ZaakEvent,
  zaak: ZaakKenmerken,
  publicUrl: string,
): ZgwNotificatie | undefined {
  const mapping = Object.hasOwn(mappings, event.action) ? mappings[event.action] : undefined;
  if (!mapping) return undefined;
  const base = publicUrl.replace(/\/+$/, '');
  const hoofdObject = `${base}/api/zaken/${zaak.id}`;
  const { resource, actie, path } = mapping(event);
  return {
    kanaal: 'zaken',
    hoofdObject,
    resource,
    resourceUrl: path(hoofdObject, base),
    actie,
    aanmaakdatum: event.at.toISOString(),
    kenmerken: {
      bronorganisatie: zaak.bronorganisatie,
      zaaktype: zaak.zaaktype,
      vertrouwelijkheidaanduiding: zaak.vertrouwelijkheidaanduiding,
    },
  };
}
