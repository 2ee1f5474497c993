import { ConflictError, InputError } from '../../http/errors.js';
import { assertCalendarDate, compareDates, type CalendarDate } from './calendarDate.js';
import type { TermijnRegels, ZaakTermijnen } from './zaakTermijnen.js';

/** Stops the clock from `van` (Awb 4:15). Returns new termijnen; the input is not changed. */
export function startOpschorting(
  termijnen: ZaakTermijnen,
  regels: TermijnRegels,
  request: { van: CalendarDate; reden: string },
): ZaakTermijnen {
  if (!regels.opschortingEnAanhoudingMogelijk) {
    throw new ConflictError(
      'This zaaktype does not allow opschorting (opschortingEnAanhoudingMogelijk is false)',
    );
  }
  const van = assertCalendarDate(request.van, 'van');
  if (request.reden.trim() === '')
    throw new InputError('reden: give the reason for the opschorting', { field: 'reden' });
  const open = termijnen.opschortingen.find((period) => period.tot === null);
  if (open) {
    throw new ConflictError(
      `The zaak is already suspended since ${open.van} (${open.reden}); resume it first`,
      {
        van: open.van,
      },
    );
  }
  if (compareDates(van, termijnen.startdatum) < 0) {
    throw new InputError(`van: ${van} is before the startdatum ${termijnen.startdatum}`, {
      field: 'van',
    });
  }
  const lastEnd = termijnen.opschortingen.reduce<CalendarDate | null>(
    (latest, period) =>
      period.tot !== null && (latest === null || period.tot > latest) ? period.tot : latest,
    null,
  );
  if (lastEnd !== null && compareDates(van, lastEnd) < 0) {
    throw new InputError(`van: ${van} is before the end of the previous opschorting (${lastEnd})`, {
      field: 'van',
    });
  }
  return {
    ...termijnen,
    opschortingen: [...termijnen.opschortingen, { van, tot: null, reden: request.reden }],
  };
}

/** Restarts the clock on `tot` (hervatten): the deadline moves by the days suspended. */
export function endOpschorting(termijnen: ZaakTermijnen, tot: CalendarDate): ZaakTermijnen {
  assertCalendarDate(tot, 'tot');
  const index = termijnen.opschortingen.findIndex((period) => period.tot === null);
  const open = termijnen.opschortingen[index];
  if (!open) throw new ConflictError('The zaak is not suspended, so it cannot be resumed');
  if (compareDates(tot, open.van) < 0) {
    throw new InputError(`tot: ${tot} is before the start of the opschorting (${open.van})`, {
      field: 'tot',
    });
  }
  const opschortingen = termijnen.opschortingen.map((period, i) =>
    i === index ? { ...period, tot } : period,
  );
  return { ...termijnen, opschortingen };
}
