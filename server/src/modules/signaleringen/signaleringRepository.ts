import type { Knex } from 'knex';
import type { SignaleringEventType } from './eventTypes.js';
import type { NewSignalering, Signalering } from './types.js';

interface SignaleringRow {
  id: string;
  event_type: SignaleringEventType;
  subject_type: 'zaak' | 'taak';
  subject_id: string;
  zaak_id: string | null;
  tekst: string;
  created_at: Date;
  read_at: Date | null;
  zaaktype_identificatie: string | null;
  vertrouwelijkheidaanduiding: string | null;
}

/** A stored signalering with what its zaak's authorisation is checked against. */
export interface StoredSignalering extends Signalering {
  zaak: { zaaktype: string; vertrouwelijkheidaanduiding: string } | null;
}

/**
 * Stores one signalering unless the same (user, event, subject, period) exists; marks it for the
 * e-mail digest when the user chose e-mail for this event. Returns whether it was new.
 */
export async function insertSignalering(db: Knex, signalering: NewSignalering, now: Date): Promise<boolean> {
  const { rows } = await db.raw<{ rows: unknown[] }>(
    `insert into signaleringen
       (username, event_type, subject_type, subject_id, zaak_id, period, tekst, created_at, email_pending)
     values (?, ?, ?, ?, ?, ?, ?, ?, coalesce(
       (select email from signalering_instellingen where username = ? and event_type = ?), false))
     on conflict (username, event_type, subject_type, subject_id, period) do nothing
     returning id`,
    [
      signalering.username,
      signalering.eventType,
      signalering.subjectType,
      signalering.subjectId,
      signalering.zaakId,
      signalering.period,
      signalering.tekst,
      now,
      signalering.username,
      signalering.eventType,
    ],
  );
  return rows.length > 0;
}

/**
 * The user's signaleringen for the dashboard (events they switched off there are left out),
 * newest first, with the zaak's zaaktype and vertrouwelijkheid for the authorisation check.
 */
export async function findForUser(
  db: Knex,
  username: string,
  options: { unreadOnly: boolean; limit: number },
): Promise<StoredSignalering[]> {
  const query = db('signaleringen as s')
    .leftJoin('zaken as z', 'z.id', db.raw('s.zaak_id::uuid'))
    .select<SignaleringRow[]>(
      's.id',
      's.event_type',
      's.subject_type',
      's.subject_id',
      's.zaak_id',
      's.tekst',
      's.created_at',
      's.read_at',
      'z.zaaktype_identificatie',
      'z.vertrouwelijkheidaanduiding',
    )
    .where('s.username', username)
    .whereNotExists(
      db('signalering_instellingen as i')
        .select(db.raw('1'))
        .whereRaw('i.username = s.username and i.event_type = s.event_type and not i.dashboard'),
    )
    .orderBy('s.id', 'desc')
    .limit(options.limit);
  if (options.unreadOnly) query.whereNull('s.read_at');
  return (await query).map(toStored);
}

export async function markRead(db: Knex, username: string, id: string, now: Date): Promise<boolean> {
  const found = await db('signaleringen').where({ id, username }).first<{ read_at: Date | null } | undefined>('read_at');
  if (!found) return false;
  if (!found.read_at) await db('signaleringen').where({ id, username }).update({ read_at: now });
  return true;
}

/** Marks every unread signalering of the user read; returns how many. */
export async function markAllRead(db: Knex, username: string, now: Date): Promise<number> {
  return db('signaleringen').where({ username }).whereNull('read_at').update({ read_at: now });
}

function toStored(row: SignaleringRow): StoredSignalering {
  return {
    id: String(row.id),
    eventType: row.event_type,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    zaakId: row.zaak_id,
    tekst: row.tekst,
    createdAt: row.created_at,
    readAt: row.read_at,
    zaak:
      row.zaaktype_identificatie && row.vertrouwelijkheidaanduiding
        ? { zaaktype: row.zaaktype_identificatie, vertrouwelijkheidaanduiding: row.vertrouwelijkheidaanduiding }
        : null,
  };
}
