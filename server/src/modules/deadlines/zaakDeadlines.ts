import { InputError } from '../../http/errors.js';
import { addDays, daysBetween, type CalendarDate } from './calendarDate.js';
import { addDuration } from './duration.js';
import { applyTermijnenwet } from './termijnenwet.js';
import type { WorkCalendar } from './workCalendar.js';
import type { Opschorting, ZaakDeadlines, ZaakTermijnen } from './zaakTermijnen.js';

/**
 * Computes a zaak's deadlines. Plain term end first (start + term, + verlenging for the legal
 * term), then the days suspended, then the Algemene termijnenwet once on the result: the Atw
 * speaks about the day a term finally ends, not about its intermediate steps.
 * `today` is needed only while an opschorting is open (its days so far count).
 *
 * The Atw strictly binds only statutory terms; it is applied to the servicenorm as well
 * because a planned end on a Sunday helps nobody.
 */
export function computeZaakDeadlines(
  calendar: WorkCalendar,
  termijnen: ZaakTermijnen,
  today?: CalendarDate,
): ZaakDeadlines {
  const opgeschorteDagen = suspendedDays(termijnen.opschortingen, today);
  const finish = (plainEnd: CalendarDate) =>
    applyTermijnenwet(calendar, termijnen.startdatum, addDays(plainEnd, opgeschorteDagen));

  let legalEnd = addDuration(termijnen.startdatum, termijnen.doorlooptijd);
  if (termijnen.verlenging) legalEnd = addDuration(legalEnd, termijnen.verlenging.duur);

  return {
    einddatumGepland: termijnen.servicenorm
      ? finish(addDuration(termijnen.startdatum, termijnen.servicenorm))
      : null,
    uiterlijkeEinddatumAfdoening: finish(legalEnd),
    opgeschorteDagen,
    opgeschort: termijnen.opschortingen.some((period) => period.tot === null),
    eerderOpgeschort: termijnen.opschortingen.some((period) => period.tot !== null),
  };
}

/** Days the clock stood still; an open period counts up to `today`. */
export function suspendedDays(opschortingen: readonly Opschorting[], today?: CalendarDate): number {
  let total = 0;
  for (const period of opschortingen) {
    const end = period.tot ?? today;
    if (end === undefined) {
      throw new InputError(
        `An opschorting since ${period.van} is still open: give today's date to compute the deadline as of today`,
        { field: 'today' },
      );
    }
    total += Math.max(0, daysBetween(period.van, end));
  }
  return total;
}
