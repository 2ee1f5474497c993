import type { CalendarDate } from './calendarDate.js';
import { deadlineStatus } from './deadlineRisk.js';
import { endOpschorting, startOpschorting } from './opschorting.js';
import { legalTermEnd } from './termijnenwet.js';
import { applyVerlenging, type VerlengingRequest } from './verlenging.js';
import type { WorkCalendar } from './workCalendar.js';
import { computeZaakDeadlines } from './zaakDeadlines.js';
import type {
  DeadlineStatus,
  TermijnRegels,
  ZaakDeadlines,
  ZaakTermijnen,
} from './zaakTermijnen.js';

/**
 * The one place deadlines are computed, bound to a calendar (national feestdagen plus the extra
 * days the beheerder keeps). Stateless apart from the calendar: every method returns new values.
 */
export class DeadlineCalculator {
  constructor(readonly calendar: WorkCalendar) {}

  /** End of a legal term of `duration` for something received on `receivedOn`, after the Atw. */
  termEnd(receivedOn: CalendarDate, duration: string): CalendarDate {
    return legalTermEnd(this.calendar, receivedOn, duration);
  }

  deadlines(termijnen: ZaakTermijnen, today?: CalendarDate): ZaakDeadlines {
    return computeZaakDeadlines(this.calendar, termijnen, today);
  }

  startOpschorting(
    termijnen: ZaakTermijnen,
    regels: TermijnRegels,
    request: { van: CalendarDate; reden: string },
  ): ZaakTermijnen {
    return startOpschorting(termijnen, regels, request);
  }

  endOpschorting(termijnen: ZaakTermijnen, tot: CalendarDate): ZaakTermijnen {
    return endOpschorting(termijnen, tot);
  }

  verleng(
    termijnen: ZaakTermijnen,
    regels: TermijnRegels,
    request: VerlengingRequest,
    today: CalendarDate,
  ): ZaakTermijnen {
    return applyVerlenging(this.calendar, termijnen, regels, request, today);
  }

  workingDaysUntil(today: CalendarDate, deadline: CalendarDate): number {
    return this.calendar.workingDaysBetween(today, deadline);
  }

  status(
    deadline: CalendarDate,
    today: CalendarDate,
    riskWindowWorkingDays: number,
  ): DeadlineStatus {
    return deadlineStatus(this.calendar, deadline, today, riskWindowWorkingDays);
  }
}
