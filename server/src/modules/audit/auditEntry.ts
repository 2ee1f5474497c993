/** Who did it: an account, a service (job worker) or the platform itself (scheduled work, migrations). */
export interface AuditActor {
  type: 'user' | 'service' | 'system';
  /** Account id or service client id; null for the system. */
  id: string | null;
  /** The username (or client id) as it was at the time, so the trail stays readable after renames. */
  name: string;
}

export const systemActor: AuditActor = { type: 'system', id: null, name: 'system' };

/** What a module hands to recordAudit: one change to one resource. */
export interface AuditEntryInput {
  actor: AuditActor;
  /** Dotted verb, module first: `auth.login`, `zaak.status_gezet`, `zaaktype.gepubliceerd`. */
  action: string;
  resourceType: string;
  resourceId: string;
  /** Set when the resource belongs to a zaak, so the zaak's trail includes it. */
  zaakId?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  requestId?: string | null;
  remark?: string | null;
  /** Defaults to the database's transaction time. */
  at?: Date;
}

export interface AuditEntry {
  id: string;
  at: Date;
  actor: AuditActor;
  action: string;
  resourceType: string;
  resourceId: string;
  zaakId: string | null;
  oldValue: unknown;
  newValue: unknown;
  requestId: string | null;
  remark: string | null;
}

export interface AuditFilter {
  resourceType?: string | undefined;
  resourceId?: string | undefined;
  zaakId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  /** Only entries older than this entry id (paging backwards from the newest). */
  before?: string | undefined;
  limit: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` to get the next (older) page; null when this was the last page. */
  nextBefore: string | null;
}
