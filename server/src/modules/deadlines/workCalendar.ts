import { addDays, compareDates, isWeekend, yearOf, type CalendarDate } from './calendarDate.js';
import { nationaleFeestdagen, type Feestdag } from './feestdagen.js';

/** A day made equal to a feestdag by royal decree, as a beheerder keeps them. */
export interface ExtraDay {
  datum: CalendarDate;
  omschrijving: string;
}

/**
 * Which days count for terms: not a Saturday, Sunday, national feestdag or extra day.
 * National feestdagen are computed per year on first use; extra days are given at construction.
 */
export class WorkCalendar {
  private readonly extraDays: ReadonlyMap<CalendarDate, string>;
  private readonly feestdagenByYear = new Map<number, ReadonlyMap<CalendarDate, string>>();

  constructor(extraDays: readonly ExtraDay[] = []) {
    this.extraDays = new Map(extraDays.map((day) => [day.datum, day.omschrijving]));
  }

  /** The name of the feestdag or extra day on this date, if any. */
  feestdagOn(date: CalendarDate): string | undefined {
    return this.nationalFor(yearOf(date)).get(date) ?? this.extraDays.get(date);
  }

  isFeestdag(date: CalendarDate): boolean {
    return this.feestdagOn(date) !== undefined;
  }

  /** A working day in the sense of the Algemene termijnenwet. */
  isWorkingDay(date: CalendarDate): boolean {
    return !isWeekend(date) && !this.isFeestdag(date);
  }

  /** The date itself when it is a working day, else the first working day after it. */
  nextWorkingDayFrom(date: CalendarDate): CalendarDate {
    let day = date;
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  /** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
  workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
    let count = 0;
    for (let day = addDays(from, 1); compareDates(day, to) <= 0; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count += 1;
    }
    return count;
  }

  /** The date `count` working days after `from` (`from` itself does not count). */
  addWorkingDays(from: CalendarDate, count: number): CalendarDate {
    let day = from;
    for (let remaining = count; remaining > 0;) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) remaining -= 1;
    }
    return day;
  }

  /** National feestdagen and extra days of one year, sorted by date. */
  feestdagenIn(year: number): Feestdag[] {
    const extra = [...this.extraDays]
      .filter(([datum]) => yearOf(datum) === year)
      .map(([datum, omschrijving]) => ({ datum, omschrijving }));
    return [...nationaleFeestdagen(year), ...extra].sort((a, b) => compareDates(a.datum, b.datum));
  }

  private nationalFor(year: number): ReadonlyMap<CalendarDate, string> {
    let days = this.feestdagenByYear.get(year);
    if (!days) {
      days = new Map(nationaleFeestdagen(year).map((day) => [day.datum, day.omschrijving]));
      this.feestdagenByYear.set(year, days);
    }
    return days;
  }
}
