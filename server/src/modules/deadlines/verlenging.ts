import { ConflictError, InputError } from '../../http/errors.js';
import { assertCalendarDate, compareDates, type CalendarDate } from './calendarDate.js';
import { compareDurationsFrom, parseDuration } from './duration.js';
import type { WorkCalendar } from './workCalendar.js';
import { computeZaakDeadlines } from './zaakDeadlines.js';
import type { TermijnRegels, ZaakTermijnen } from './zaakTermijnen.js';

export interface VerlengingRequest {
  duur: string;
  reden: string;
}

/**
 * Extends the legal term once (Awb 4:14), by at most the zaaktype's verlengingstermijn, with a
 * reason, decided on `today` while the current deadline has not yet passed.
 */
export function applyVerlenging(
  calendar: WorkCalendar,
  termijnen: ZaakTermijnen,
  regels: TermijnRegels,
  request: VerlengingRequest,
  today: CalendarDate,
): ZaakTermijnen {
  assertCalendarDate(today, 'today');
  if (!regels.verlengingMogelijk || !regels.verlengingstermijn) {
    throw new ConflictError(
      'This zaaktype does not allow verlenging (verlengingMogelijk is false)',
    );
  }
  if (termijnen.verlenging) {
    const earlier = termijnen.verlenging;
    throw new ConflictError(
      `The term was already extended once, on ${earlier.datum} by ${earlier.duur} (${earlier.reden}); a term can be extended only once`,
      { verlenging: earlier },
    );
  }
  if (request.reden.trim() === '') {
    throw new InputError('reden: give the reason for the verlenging', { field: 'reden' });
  }
  const duur = parseDuration(request.duur, 'duur');
  if (duur.years + duur.months + duur.weeks + duur.days === 0) {
    throw new InputError('duur: a verlenging must add at least one day', { field: 'duur' });
  }
  const { uiterlijkeEinddatumAfdoening } = computeZaakDeadlines(calendar, termijnen, today);
  if (
    compareDurationsFrom(uiterlijkeEinddatumAfdoening, request.duur, regels.verlengingstermijn) > 0
  ) {
    throw new InputError(
      `duur: ${request.duur} is longer than the verlengingstermijn ${regels.verlengingstermijn} of this zaaktype`,
      { field: 'duur', maximum: regels.verlengingstermijn },
    );
  }
  if (compareDates(today, uiterlijkeEinddatumAfdoening) > 0) {
    throw new ConflictError(
      `The deadline ${uiterlijkeEinddatumAfdoening} has passed; a verlenging must be decided before the term ends`,
      { uiterlijkeEinddatumAfdoening },
    );
  }
  return { ...termijnen, verlenging: { duur: request.duur, reden: request.reden, datum: today } };
}
