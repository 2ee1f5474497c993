import type { Knex } from 'knex';
import { ConflictError, InputError, NotFoundError } from '../../http/errors.js';
import { isWeekend, yearOf, type CalendarDate } from './calendarDate.js';
import { DeadlineCalculator } from './deadlineCalculator.js';
import { ExtraDaysRepository } from './extraDaysRepository.js';
import { nationaleFeestdagen, type Feestdag } from './feestdagen.js';
import type { ExtraDayInput } from './schemas.js';
import { WorkCalendar, type ExtraDay } from './workCalendar.js';

/**
 * The calendar as data: national feestdagen (computed) plus the extra days a beheerder adds
 * when a royal decree makes days equal to feestdagen.
 */
export class CalendarService {
  constructor(private readonly db: Knex) {}

  listExtraDays(range: { from?: CalendarDate; to?: CalendarDate } = {}): Promise<ExtraDay[]> {
    return new ExtraDaysRepository(this.db).list(range);
  }

  async addExtraDay(input: ExtraDayInput): Promise<ExtraDay> {
    const { datum, omschrijving } = input;
    const national = nationaleFeestdagen(yearOf(datum)).find((day) => day.datum === datum);
    if (national) {
      throw new ConflictError(`${datum} is already a feestdag (${national.omschrijving})`, {
        field: 'datum',
      });
    }
    if (isWeekend(datum)) {
      throw new InputError(
        `datum: ${datum} is a Saturday or Sunday, which never counts as a working day`,
        {
          field: 'datum',
        },
      );
    }
    return this.db.transaction(async (trx) => {
      const repository = new ExtraDaysRepository(trx);
      const existing = await repository.find(datum);
      if (existing) {
        throw new ConflictError(`${datum} is already an extra day (${existing.omschrijving})`, {
          field: 'datum',
        });
      }
      const day = { datum, omschrijving };
      await repository.insert(day);
      return day;
    });
  }

  async removeExtraDay(datum: CalendarDate): Promise<void> {
    const deleted = await new ExtraDaysRepository(this.db).delete(datum);
    if (!deleted) throw new NotFoundError(`${datum} is not an extra day`, { datum });
  }

  /** National feestdagen and extra days of one year. */
  async feestdagenIn(year: number): Promise<Feestdag[]> {
    return (await this.loadCalendar()).feestdagenIn(year);
  }

  /** A calendar with every extra day; the table is small, so it is read whole. */
  async loadCalendar(db: Knex = this.db): Promise<WorkCalendar> {
    return new WorkCalendar(await new ExtraDaysRepository(db).list());
  }

  /** Pass the open transaction as `db` when calling from inside one (PGlite has one connection). */
  async deadlineCalculator(db: Knex = this.db): Promise<DeadlineCalculator> {
    return new DeadlineCalculator(await this.loadCalendar(db));
  }
}
