import { ConflictError } from '../../http/errors.js';
import { addDays, type CalendarDate } from '../deadlines/index.js';

export interface PublishedPeriod {
  versie: number;
  beginGeldigheid: CalendarDate;
  eindeGeldigheid: CalendarDate | null;
}

/** The change publishing makes to an earlier version: closing its open-ended validity. */
export interface ValidityPlan {
  close?: { versie: number; eindeGeldigheid: CalendarDate };
}

/**
 * Validity periods of published versions do not overlap (both ends inclusive). A new version
 * starts after every published one; the open-ended one among them ends the day before the new
 * one begins. A published version with an explicit end on or after the new begin is refused:
 * shortening a period someone chose deliberately is not for publishing to decide.
 */
export function planValidity(
  identificatie: string,
  published: readonly PublishedPeriod[],
  beginGeldigheid: CalendarDate,
): ValidityPlan {
  const plan: ValidityPlan = {};
  for (const period of published) {
    if (period.beginGeldigheid >= beginGeldigheid) {
      throw new ConflictError(
        `Cannot publish with beginGeldigheid ${beginGeldigheid}: published version ${period.versie} of zaaktype ${identificatie} begins on ${period.beginGeldigheid}; choose a later beginGeldigheid`,
        { field: 'beginGeldigheid', conflictingVersie: period.versie },
      );
    }
    if (period.eindeGeldigheid === null) {
      plan.close = { versie: period.versie, eindeGeldigheid: addDays(beginGeldigheid, -1) };
    } else if (period.eindeGeldigheid >= beginGeldigheid) {
      throw new ConflictError(
        `Cannot publish with beginGeldigheid ${beginGeldigheid}: published version ${period.versie} of zaaktype ${identificatie} is valid until ${period.eindeGeldigheid}; choose a beginGeldigheid after ${period.eindeGeldigheid}`,
        { field: 'beginGeldigheid', conflictingVersie: period.versie },
      );
    }
  }
  return plan;
}
