import type { Knex } from 'knex';
import type { CalendarDate } from './calendarDate.js';
import type { ExtraDay } from './workCalendar.js';

interface ExtraDayRow {
  date: string;
  omschrijving: string;
}

/** SQL for calendar_extra_days. Dates are read as text so that no driver turns them into instants. */
export class ExtraDaysRepository {
  constructor(private readonly db: Knex) {}

  async list(range: { from?: CalendarDate; to?: CalendarDate } = {}): Promise<ExtraDay[]> {
    const query = this.db('calendar_extra_days')
      .select<ExtraDayRow[]>(this.db.raw('date::text as date'), 'omschrijving')
      .orderBy('calendar_extra_days.date');
    if (range.from) query.where('calendar_extra_days.date', '>=', range.from);
    if (range.to) query.where('calendar_extra_days.date', '<=', range.to);
    return (await query).map(toExtraDay);
  }

  async find(datum: CalendarDate): Promise<ExtraDay | undefined> {
    const row = await this.db('calendar_extra_days')
      .first<ExtraDayRow | undefined>(this.db.raw('date::text as date'), 'omschrijving')
      .where('calendar_extra_days.date', datum);
    return row ? toExtraDay(row) : undefined;
  }

  async insert(day: ExtraDay): Promise<void> {
    await this.db('calendar_extra_days').insert({
      date: day.datum,
      omschrijving: day.omschrijving,
    });
  }

  /** Returns whether a row was deleted. (`returning`, because knex-pglite reports no row count.) */
  async delete(datum: CalendarDate): Promise<boolean> {
    const deleted = await this.db('calendar_extra_days')
      .where('date', datum)
      .delete()
      .returning('date');
    return deleted.length > 0;
  }
}

function toExtraDay(row: ExtraDayRow): ExtraDay {
  return { datum: row.date, omschrijving: row.omschrijving };
}
