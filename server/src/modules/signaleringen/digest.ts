import type { Knex } from 'knex';
import { hourOf } from './deadlineScan.js';
import { groupsOfUsers, type ZaakAuthorisation } from './recipients.js';
import { digestMail, type DigestLine } from './digestMail.js';
import type { MailTransport } from './mailSender.js';

export interface DigestOptions {
  mail: MailTransport;
  authorisation: ZaakAuthorisation;
  now: () => Date;
  /** Where links in the mail point: the web application's address. */
  baseUrl: () => string;
  /** How long a claimed digest waits before another process may retry it. */
  retryAfterMs?: number;
}

/**
 * The hourly e-mail digest: signaleringen waiting for e-mail since an earlier hour are gathered
 * into one digest per user and hour (unique), then sent. At most one mail per user per hour,
 * whatever the number of events or server processes. Returns the number of mails sent.
 */
export async function runDigests(db: Knex, options: DigestOptions): Promise<number> {
  await gatherDigests(db, options.now());
  let sent = 0;
  for (let digest = await claimUnsent(db, options); digest; digest = await claimUnsent(db, options)) {
    if (await sendDigest(db, digest, options)) sent++;
  }
  return sent;
}

async function gatherDigests(db: Knex, now: Date): Promise<void> {
  const hourStart = new Date(`${hourOf(now)}:00:00.000Z`);
  const users = await db('signaleringen')
    .where({ email_pending: true })
    .whereNull('digest_id')
    .groupBy('username')
    .havingRaw('min(created_at) < ?', [hourStart])
    .select<{ username: string }[]>('username');
  for (const { username } of users) {
    await db.transaction(async (trx) => {
      const [digest] = await trx('signalering_digests')
        .insert({ username, period: hourOf(now), created_at: now })
        .onConflict(['username', 'period'])
        .ignore()
        .returning<{ id: string }[]>('id');
      if (!digest) return;
      await trx('signaleringen')
        .where({ username, email_pending: true })
        .whereNull('digest_id')
        .update({ digest_id: digest.id, email_pending: false });
    });
  }
}

interface DigestRow {
  id: string;
  username: string;
}

/** Takes one unsent digest for this process (SKIP LOCKED plus a retry lease). */
async function claimUnsent(db: Knex, options: DigestOptions): Promise<DigestRow | undefined> {
  const now = options.now();
  const retryBefore = new Date(now.getTime() - (options.retryAfterMs ?? 5 * 60_000));
  const { rows } = await db.raw<{ rows: DigestRow[] }>(
    `update signalering_digests set attempt_at = ?
      where id = (select id from signalering_digests
                   where sent_at is null and (attempt_at is null or attempt_at < ?)
                   order by id limit 1 for update skip locked)
      returning id, username`,
    [now, retryBefore],
  );
  return rows[0];
}

async function sendDigest(db: Knex, digest: DigestRow, options: DigestOptions): Promise<boolean> {
  const account = await db('auth_accounts')
    .where({ username: digest.username, active: true })
    .first<{ email: string | null } | undefined>('email');
  const lines = await visibleLines(db, digest, options.authorisation);
  if (!account?.email || lines.length === 0) {
    const reason = !account?.email ? 'the account has no e-mail address' : 'nothing left the user may see';
    await db('signalering_digests').where({ id: digest.id }).update({ sent_at: options.now(), last_error: reason });
    return false;
  }
  try {
    await options.mail.send(digestMail(digest.id, account.email, lines, options.baseUrl()));
  } catch (error) {
    await db('signalering_digests').where({ id: digest.id }).update({ last_error: String((error as Error).message ?? error) });
    return false;
  }
  await db('signalering_digests').where({ id: digest.id }).update({ sent_at: options.now(), last_error: null });
  return true;
}

/** The digest's signaleringen that the user may still see (authorisation is checked again now). */
async function visibleLines(db: Knex, digest: DigestRow, authorisation: ZaakAuthorisation): Promise<DigestLine[]> {
  const rows = await db('signaleringen as s')
    .leftJoin('zaken as z', 'z.id', db.raw('s.zaak_id::uuid'))
    .where('s.digest_id', digest.id)
    .orderBy('s.id')
    .select<(DigestLine & { zaaktype: string | null; vertrouwelijkheidaanduiding: string | null })[]>(
      's.tekst',
      's.subject_type as subjectType',
      's.subject_id as subjectId',
      'z.zaaktype_identificatie as zaaktype',
      'z.vertrouwelijkheidaanduiding',
    );
  const groups = (await groupsOfUsers(db, [digest.username])).get(digest.username) ?? [];
  const lines: DigestLine[] = [];
  for (const row of rows) {
    if (
      row.zaaktype &&
      !(await authorisation.mayView(groups, row.zaaktype, row.vertrouwelijkheidaanduiding as never, db))
    ) {
      continue;
    }
    lines.push({ tekst: row.tekst, subjectType: row.subjectType, subjectId: row.subjectId });
  }
  return lines;
}
