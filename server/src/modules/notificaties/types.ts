/** The kanalen this platform publishes on; only zaken for now. */
export const KANALEN = ['zaken'] as const;
export type Kanaal = (typeof KANALEN)[number];

/** Kenmerken a subscriber may filter on (ZGW: attributes of the hoofdObject). */
export const ZAAK_KENMERKEN = [
  'bronorganisatie',
  'zaaktype',
  'vertrouwelijkheidaanduiding',
] as const;
export type ZaakKenmerk = (typeof ZAAK_KENMERKEN)[number];

export type ZgwResource = 'zaak' | 'status' | 'resultaat' | 'rol' | 'zaakinformatieobject';
export type ZgwActie = 'create' | 'update' | 'partial_update' | 'destroy';

/** A notificatie as the ZGW Notificaties API sends it to an abonnement's callback. */
export interface ZgwNotificatie {
  kanaal: Kanaal;
  hoofdObject: string;
  resource: ZgwResource;
  resourceUrl: string;
  actie: ZgwActie;
  aanmaakdatum: string;
  kenmerken: Record<ZaakKenmerk, string>;
}

export interface KanaalAbonnement {
  naam: Kanaal;
  /** Kenmerk → value that must match exactly; empty: every notificatie on the kanaal. */
  filters: Partial<Record<ZaakKenmerk, string>>;
}

export interface Abonnement {
  id: string;
  callbackUrl: string;
  /** The stored Authorization header value; never leaves the server in full (see maskAuth). */
  auth: string;
  kanalen: KanaalAbonnement[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type AfleveringState = 'pending' | 'delivered' | 'failed';

export interface Poging {
  nummer: number;
  at: Date;
  statusCode: number | null;
  error: string | null;
}

export interface Aflevering {
  id: string;
  abonnementId: string;
  callbackUrl: string;
  state: AfleveringState;
  attempts: number;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  notificatie: ZgwNotificatie;
  pogingen: Poging[];
}

/** When a failed attempt is tried again: exponential from baseMs, capped at maxMs, up to maxAttempts. */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

/** One minute, doubling up to a day; after 12 attempts (about three days) the aflevering has failed. */
export const defaultRetryPolicy: RetryPolicy = {
  baseMs: 60_000,
  maxMs: 86_400_000,
  maxAttempts: 12,
};
