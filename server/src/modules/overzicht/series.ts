import type { Knex } from 'knex';
import { addDays, weekdayOf, type CalendarDate } from '../deadlines/index.js';
import { scopedZaken, type OverzichtFilter, type VisibleZaaktypen } from './filters.js';

export interface OverzichtReeksen {
  /** Per ISO week (its Monday) in the period: zaken received and zaken closed. */
  instroomUitstroom: { week: string; gestart: number; afgesloten: number }[];
  /** Doorlooptijd of the zaken closed in the period, in weeks; the last bin holds 12 weeks and more. */
  doorlooptijdVerdeling: { vanafWeken: number; aantal: number }[];
  werkPerTeam: { groep: string; aantal: number }[];
  werkPerBehandelaar: { behandelaar: string | null; aantal: number }[];
  perStatus: { status: string | null; aantal: number }[];
}

const LAST_BIN_WEEKS = 12;

/** A row of the zaken query; the key columns not in its grouping set are null. */
interface GroupedRow {
  sets: number;
  gestart_week: string | null;
  afgesloten_week: string | null;
  weken: number | null;
  open: boolean | null;
  status: string | null;
  volgnummer: number | null;
  aantal: number;
}

/** A row of the open-work query: per team (groep) or per behandelaar. */
interface WorkRow {
  sets: number;
  groep: string;
  behandelaar: string | null;
  per_groep: number;
  per_taak: number;
}

/** The Monday of every ISO week that overlaps the period. */
export function mondaysFrom(van: CalendarDate, tot: CalendarDate): CalendarDate[] {
  const mondays: CalendarDate[] = [];
  for (
    let monday = addDays(van, -((weekdayOf(van) + 6) % 7));
    monday <= tot;
    monday = addDays(monday, 7)
  )
    mondays.push(monday);
  return mondays;
}

/** The chart data: each series one grouped SQL query over the zaken in scope. */
export async function loadSeries(
  db: Knex,
  filter: OverzichtFilter,
  visible: VisibleZaaktypen,
): Promise<OverzichtReeksen> {
  const scope = () => scopedZaken(db, filter, visible);

  // Intake and completion per week, the doorlooptijd bins and the backlog per status: one scan
  // of the zaken in scope, grouped four ways (GROUPING SETS); a key is null outside its set.
  const closedInPeriod = 'z.einddatum between :van and :tot';
  const groupedQuery = db
    .select(
      db.raw('grouping(gestart_week, afgesloten_week, weken, open, status) as sets'),
      'gestart_week',
      'afgesloten_week',
      'weken',
      'open',
      'status',
      db.raw('min(volgnummer) as volgnummer'),
      db.raw('count(*)::int as aantal'),
    )
    .from(
      scope()
        .select(
          db.raw(
            `case when z.registratiedatum between :van and :tot
                  then to_char(date_trunc('week', z.registratiedatum)::date, 'YYYY-MM-DD') end as gestart_week,
             case when ${closedInPeriod}
                  then to_char(date_trunc('week', z.einddatum)::date, 'YYYY-MM-DD') end as afgesloten_week,
             case when ${closedInPeriod}
                  then least((z.einddatum - z.startdatum) / 7, ${LAST_BIN_WEEKS})::int end as weken,
             z.einddatum is null as open,
             z.status_omschrijving as status,
             z.status_volgnummer as volgnummer`,
            { van: filter.van, tot: filter.tot },
          ),
        )
        .as('s'),
    )
    .groupByRaw('grouping sets ((gestart_week), (afgesloten_week), (weken), (open, status))');
  // Open tasks of the open zaken in scope, per team and per behandelaar in one query: a task is
  // counted once per candidate group, and once (its first group, or none) per assignee.
  const openZakenInScope = scope()
    .whereNull('z.einddatum')
    .select(db.raw('z.id::text as zaak_id'))
    .as('s');
  const workQuery = db('taken as t')
    .join(openZakenInScope, 's.zaak_id', 't.zaak_id')
    .where('t.state', 'open')
    .joinRaw('left join lateral unnest(t.candidate_groups) with ordinality as g(groep, n) on true')
    .select(
      db.raw('grouping(g.groep, t.assignee) as sets'),
      db.raw(`coalesce(g.groep, '') as groep`),
      't.assignee as behandelaar',
      db.raw('count(*)::int as per_groep'),
      db.raw('count(*) filter (where g.n is null or g.n = 1)::int as per_taak'),
    )
    .groupByRaw('grouping sets ((g.groep), (t.assignee))');
  // Both scans at once, each on its own pool connection.
  const [grouped, work] = (await Promise.all([groupedQuery, workQuery])) as [
    GroupedRow[],
    WorkRow[],
  ];
  // grouping() sets a bit for each key left out, in the order named: 0b01111 = only gestart_week.
  const inSet = (bits: number) => grouped.filter((row) => Number(row.sets) === bits);
  const weekly = (bits: number, key: 'gestart_week' | 'afgesloten_week') =>
    new Map(inSet(bits).map((row) => [row[key], Number(row.aantal)]));
  const started = weekly(0b01111, 'gestart_week');
  const closed = weekly(0b10111, 'afgesloten_week');
  const weeks = mondaysFrom(filter.van, filter.tot).map((week) => ({
    week,
    gestart: started.get(week) ?? 0,
    afgesloten: closed.get(week) ?? 0,
  }));
  const bins = inSet(0b11011)
    .filter((row) => row.weken !== null)
    .sort((x, y) => Number(x.weken) - Number(y.weken));

  // Most work first; then by name, no one (null) last, as ORDER BY would.
  const mostFirst = (
    x: { aantal: number; naam: string | null },
    y: { aantal: number; naam: string | null },
  ) =>
    y.aantal - x.aantal ||
    Number(x.naam === null) - Number(y.naam === null) ||
    (x.naam ?? '').localeCompare(y.naam ?? '');
  const teams = work
    .filter((row) => Number(row.sets) === 0b01)
    .map((row) => ({ naam: row.groep, aantal: Number(row.per_groep) }))
    .sort(mostFirst);
  const people = work
    .filter((row) => Number(row.sets) === 0b10)
    .map((row) => ({ naam: row.behandelaar, aantal: Number(row.per_taak) }))
    .sort(mostFirst);

  const statuses = inSet(0b11100)
    .filter((row) => row.open === true)
    .sort(
      (x, y) =>
        nullsFirst(x.volgnummer, y.volgnummer) || (x.status ?? '').localeCompare(y.status ?? ''),
    );

  return {
    instroomUitstroom: weeks,
    doorlooptijdVerdeling: bins.map((row) => ({
      vanafWeken: Number(row.weken),
      aantal: Number(row.aantal),
    })),
    werkPerTeam: teams.map((row) => ({ groep: row.naam ?? '', aantal: row.aantal })),
    werkPerBehandelaar: people.map((row) => ({ behandelaar: row.naam, aantal: row.aantal })),
    perStatus: statuses.map((row) => ({ status: row.status, aantal: Number(row.aantal) })),
  };
}

/** Ascending by sequence number, a zaak without status (null) first. */
function nullsFirst(x: unknown, y: unknown): number {
  if (x === null || x === undefined) return y === null || y === undefined ? 0 : -1;
  if (y === null || y === undefined) return 1;
  return Number(x) - Number(y);
}
