import type { Knex } from 'knex';
import { todayInNetherlands, type CalendarDate, type WorkCalendar } from '../deadlines/index.js';
import { defaultWerkdagenVoorDeadline, type SignaleringEventType } from './eventTypes.js';
import { claimPeriod } from './periodClaim.js';
import { whoMaySee, zaakBehandelaars, type ZaakAuthorisation, type ZaakFacts } from './recipients.js';
import { insertSignalering } from './signaleringRepository.js';

export interface DeadlineScanOptions {
  authorisation: ZaakAuthorisation;
  /** The working-day calendar (Algemene termijnenwet, with the beheerder's extra days). */
  loadCalendar: (db: Knex) => Promise<WorkCalendar>;
  now: () => Date;
}

interface OpenZaak {
  id: string;
  identificatie: string;
  omschrijving: string;
  zaaktype_identificatie: string;
  vertrouwelijkheidaanduiding: ZaakFacts['vertrouwelijkheidaanduiding'];
  einddatum_gepland: CalendarDate | null;
  uiterlijke_einddatum_afdoening: CalendarDate;
  werkdagen: number;
}

/**
 * The deadline job. Zaken are looked at once per Dutch calendar day, tasks once per hour, across
 * all server processes (a period row claims the work). A period missed while no server ran is made
 * up by the next run, since it looks at the state of now; the unique key (user, event, subject,
 * deadline date) keeps anything already signalled from being signalled again. Returns which parts ran.
 */
export async function runDeadlineScan(db: Knex, options: DeadlineScanOptions): Promise<{ zaken: boolean; taken: boolean }> {
  const now = options.now();
  const today = todayInNetherlands(now);
  return db.transaction(async (trx) => {
    const zaken = await claimPeriod(trx, 'deadlines-zaken', today);
    if (zaken) await scanZaken(trx, options, await options.loadCalendar(trx), today, now);
    const taken = await claimPeriod(trx, 'deadlines-taken', hourOf(now));
    if (taken) await scanTaken(trx, options, now);
    return { zaken, taken };
  });
}

/** The UTC hour of an instant, e.g. `2026-04-23T08`: the period of hourly work. */
export function hourOf(instant: Date): string {
  return instant.toISOString().slice(0, 13);
}

async function scanZaken(trx: Knex, options: DeadlineScanOptions, calendar: WorkCalendar, today: CalendarDate, now: Date) {
  const zaken = await trx('zaken as z')
    .leftJoin('signalering_zaaktype_termijnen as t', 't.zaaktype_identificatie', 'z.zaaktype_identificatie')
    .whereNull('z.einddatum')
    .where('z.opschorting_indicatie', false)
    .where('z.proefrun', false)
    // Generous bound: N working days never span more than 3N + 14 calendar days.
    .where((q) => {
      void q
        .where('z.uiterlijke_einddatum_afdoening', '<=', trx.raw('?::date + (coalesce(t.werkdagen, ?) * 3 + 14)', [today, defaultWerkdagenVoorDeadline]))
        .orWhere('z.einddatum_gepland', '<=', trx.raw('?::date + (coalesce(t.werkdagen, ?) * 3 + 14)', [today, defaultWerkdagenVoorDeadline]));
    })
    .select<OpenZaak[]>(
      'z.id',
      'z.identificatie',
      'z.omschrijving',
      'z.zaaktype_identificatie',
      'z.vertrouwelijkheidaanduiding',
      trx.raw('z.einddatum_gepland::text as einddatum_gepland'),
      trx.raw('z.uiterlijke_einddatum_afdoening::text as uiterlijke_einddatum_afdoening'),
      trx.raw('coalesce(t.werkdagen, ?) as werkdagen', [defaultWerkdagenVoorDeadline]),
    );
  for (const zaak of zaken) {
    const deadlines: [SignaleringEventType, CalendarDate | null, string][] = [
      ['zaak_streefdatum_nadert', zaak.einddatum_gepland, 'streefdatum'],
      ['zaak_fatale_datum_nadert', zaak.uiterlijke_einddatum_afdoening, 'fatale datum'],
    ];
    const facts: ZaakFacts = { ...zaak, zaaktype: zaak.zaaktype_identificatie };
    for (const [eventType, deadline, naam] of deadlines) {
      if (!deadline || !isNear(calendar, today, deadline, Number(zaak.werkdagen))) continue;
      const recipients = await whoMaySee(trx, options.authorisation, await zaakBehandelaars(trx, zaak.id), facts);
      for (const username of recipients) {
        await insertSignalering(
          trx,
          {
            username,
            eventType,
            subjectType: 'zaak',
            subjectId: zaak.id,
            zaakId: zaak.id,
            period: deadline,
            tekst: `Zaak ${zaak.identificatie} (${zaak.omschrijving}) nadert de ${naam}: ${deadline}`,
          },
          now,
        );
      }
    }
  }
}

/**
 * Near: at most `werkdagen` working days remain until the deadline (counting the deadline itself,
 * not today), or it has passed. Feestdagen such as Koningsdag do not count, so they bring the
 * warning forward.
 */
export function isNear(calendar: WorkCalendar, today: CalendarDate, deadline: CalendarDate, werkdagen: number): boolean {
  return calendar.workingDaysBetween(today, deadline) <= werkdagen;
}

interface DueTaak {
  id: string;
  name: string;
  zaak_id: string | null;
  assignee: string | null;
  candidate_users: string[];
  due_date: Date;
  identificatie: string | null;
  zaaktype_identificatie: string | null;
  vertrouwelijkheidaanduiding: ZaakFacts['vertrouwelijkheidaanduiding'] | null;
  omschrijving: string | null;
}

/** Open tasks whose fatale datum has come: their assignee (or candidate users) hears of it. */
async function scanTaken(trx: Knex, options: DeadlineScanOptions, now: Date) {
  const taken = await trx('taken as t')
    .leftJoin('zaken as z', 'z.id', trx.raw('(case when t.zaak_id ~* ? then t.zaak_id::uuid end)', ['^[0-9a-f-]{36}$']))
    .whereIn('t.state', ['open', 'claimed'])
    .where('t.proefrun', false)
    .whereNotNull('t.due_date')
    .where('t.due_date', '<=', now)
    .select<DueTaak[]>('t.id', 't.name', 't.zaak_id', 't.assignee', 't.candidate_users', 't.due_date', 'z.identificatie', 'z.zaaktype_identificatie', 'z.vertrouwelijkheidaanduiding', 'z.omschrijving');
  for (const taak of taken) {
    const zaak: ZaakFacts | undefined =
      taak.zaak_id && taak.identificatie && taak.zaaktype_identificatie && taak.vertrouwelijkheidaanduiding
        ? { id: taak.zaak_id, identificatie: taak.identificatie, omschrijving: taak.omschrijving ?? '', zaaktype: taak.zaaktype_identificatie, vertrouwelijkheidaanduiding: taak.vertrouwelijkheidaanduiding }
        : undefined;
    const due = todayInNetherlands(taak.due_date);
    const owners = taak.assignee ? [taak.assignee] : taak.candidate_users;
    for (const username of await whoMaySee(trx, options.authorisation, owners, zaak)) {
      await insertSignalering(
        trx,
        {
          username,
          eventType: 'taak_fatale_datum',
          subjectType: 'taak',
          subjectId: taak.id,
          zaakId: zaak?.id ?? null,
          period: due,
          tekst: `Taak "${taak.name}"${zaak ? ` van zaak ${zaak.identificatie}` : ''} heeft de fatale datum bereikt: ${due}`,
        },
        now,
      );
    }
  }
}
