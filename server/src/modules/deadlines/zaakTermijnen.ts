import type { CalendarDate } from './calendarDate.js';

/**
 * A period in which the clock stood still (Awb 4:15): from `van`, the day the zaak was suspended,
 * to `tot`, the day it was resumed (null while still suspended). The term moves by `tot − van` days.
 */
export interface Opschorting {
  van: CalendarDate;
  tot: CalendarDate | null;
  reden: string;
}

/** The one extension of the legal term (Awb 4:14, Woo 4.4, Awb 7:10). */
export interface Verlenging {
  duur: string;
  reden: string;
  /** The day the verlenging was decided. */
  datum: CalendarDate;
}

/** Everything a zaak's deadlines are computed from. */
export interface ZaakTermijnen {
  /** The day of receipt; terms run from the day after. */
  startdatum: CalendarDate;
  /** The legal term (zaaktype.doorlooptijd). */
  doorlooptijd: string;
  /** The organisation's own norm (zaaktype.servicenorm), if any. */
  servicenorm: string | null;
  opschortingen: readonly Opschorting[];
  verlenging: Verlenging | null;
}

/** What the zaaktype allows. */
export interface TermijnRegels {
  opschortingEnAanhoudingMogelijk: boolean;
  verlengingMogelijk: boolean;
  verlengingstermijn: string | null;
}

export interface ZaakDeadlines {
  /** startdatum + servicenorm (+ days suspended), or null without a servicenorm. */
  einddatumGepland: CalendarDate | null;
  /** startdatum + doorlooptijd (+ verlenging + days suspended), after the Algemene termijnenwet. */
  uiterlijkeEinddatumAfdoening: CalendarDate;
  opgeschorteDagen: number;
  /** Suspended right now. */
  opgeschort: boolean;
  /** Suspended at some time before (a closed opschorting exists). */
  eerderOpgeschort: boolean;
}

export type DeadlineStatus = 'on_track' | 'at_risk' | 'overdue';
