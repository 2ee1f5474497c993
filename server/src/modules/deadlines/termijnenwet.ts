import { addDays, daysBetween, type CalendarDate } from './calendarDate.js';
import { addDuration } from './duration.js';
import type { WorkCalendar } from './workCalendar.js';

/**
 * The last day of a term of `duration` that runs from the day after `receivedOn` (Awb):
 * a six-week term for a letter received on 1 March ends on 12 April, before the
 * Algemene termijnenwet is applied.
 */
export function plainTermEnd(receivedOn: CalendarDate, duration: string): CalendarDate {
  return addDuration(receivedOn, duration);
}

/**
 * Applies the Algemene termijnenwet to a term running from the day after `receivedOn` up to and
 * including `end`:
 * - art. 2: a term of at least three days contains at least two days that are not a Saturday,
 *   Sunday or feestdag; it is extended until it does;
 * - art. 1: a term ending on a Saturday, Sunday or feestdag ends on the next day that is none of these.
 * Both rules together give the first working day on or after `end` that satisfies art. 2.
 */
export function applyTermijnenwet(
  calendar: WorkCalendar,
  receivedOn: CalendarDate,
  end: CalendarDate,
): CalendarDate {
  const termLength = daysBetween(receivedOn, end); // the term's days are receivedOn+1 … end
  const needsTwoWorkingDays = termLength >= 3;
  let day = calendar.nextWorkingDayFrom(end);
  while (needsTwoWorkingDays && calendar.workingDaysBetween(receivedOn, day) < 2) {
    day = calendar.nextWorkingDayFrom(addDays(day, 1));
  }
  return day;
}

/** The legal end of a term: plain end, then the Algemene termijnenwet. */
export function legalTermEnd(
  calendar: WorkCalendar,
  receivedOn: CalendarDate,
  duration: string,
): CalendarDate {
  return applyTermijnenwet(calendar, receivedOn, plainTermEnd(receivedOn, duration));
}
