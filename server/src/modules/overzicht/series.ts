import type { Knex } from 'knex';
import { addDays, weekdayOf, type CalendarDate } from '../deadlines/index.js';
import { scopedZaken, type OverzichtFilter } from './filters.js';

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

type Rows = Array<Record<string, unknown>>;

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
  groups: readonly string[],
): Promise<OverzichtReeksen> {
  const scope = () => scopedZaken(db, filter, groups);

  const perWeek = async (column: 'registratiedatum' | 'einddatum') => {
    const rows: Rows = await scope()
      .whereBetween(`z.${column}`, [filter.van, filter.tot])
      .select(
        db.raw(`to_char(date_trunc('week', z.${column})::date, 'YYYY-MM-DD') as week`),
        db.raw('count(*)::int as aantal'),
      )
      .groupByRaw('1');
    return new Map(rows.map((row) => [String(row.week), Number(row.aantal)]));
  };
  const [started, closed] = await Promise.all([perWeek('registratiedatum'), perWeek('einddatum')]);
  const weeks = mondaysFrom(filter.van, filter.tot).map((week) => ({
    week,
    gestart: started.get(week) ?? 0,
    afgesloten: closed.get(week) ?? 0,
  }));

  const bins = (await scope()
    .whereBetween('z.einddatum', [filter.van, filter.tot])
    .select(
      db.raw(`least((z.einddatum - z.startdatum) / 7, ${LAST_BIN_WEEKS})::int as weken`),
      db.raw('count(*)::int as aantal'),
    )
    .groupByRaw('1')
    .orderBy('weken')) as Rows;

  const openTaken = () =>
    db('taken as t')
      .where('t.state', 'open')
      .whereIn('t.zaak_id', scope().whereNull('z.einddatum').select(db.raw('z.id::text')));
  const teams = (await openTaken()
    .select(db.raw(`coalesce(g.groep, '') as groep`), db.raw('count(*)::int as aantal'))
    .joinRaw('left join lateral unnest(t.candidate_groups) as g(groep) on true')
    .groupByRaw('1')
    .orderBy([{ column: 'aantal', order: 'desc' }, 'groep'])) as Rows;
  const people = (await openTaken()
    .select('t.assignee as behandelaar', db.raw('count(*)::int as aantal'))
    .groupBy('t.assignee')
    .orderBy([{ column: 'aantal', order: 'desc' }, 'behandelaar'])) as Rows;

  const statuses: Rows = await scope()
    .whereNull('z.einddatum')
    .select(
      'z.status_omschrijving as status',
      db.raw('min(z.status_volgnummer) as volgnummer'),
      db.raw('count(*)::int as aantal'),
    )
    .groupBy('z.status_omschrijving')
    .orderByRaw('2 nulls first, 1');

  return {
    instroomUitstroom: weeks,
    doorlooptijdVerdeling: bins.map((row) => ({
      vanafWeken: Number(row.weken),
      aantal: Number(row.aantal),
    })),
    werkPerTeam: teams.map((row) => ({ groep: String(row.groep), aantal: Number(row.aantal) })),
    werkPerBehandelaar: people.map((row) => ({
      behandelaar: (row.behandelaar as string | null) ?? null,
      aantal: Number(row.aantal),
    })),
    perStatus: statuses.map((row) => ({
      status: (row.status as string | null) ?? null,
      aantal: Number(row.aantal),
    })),
  };
}
