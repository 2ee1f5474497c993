import { compareDates, type CalendarDate } from './calendarDate.js';
import type { WorkCalendar } from './workCalendar.js';
import type { DeadlineStatus } from './zaakTermijnen.js';

/**
 * Where a deadline stands on `today`: overdue once it has passed; at risk when it falls within
 * `riskWindow` working days (weekends and feestdagen give no time to work); else on track.
 */
export function deadlineStatus(
  calendar: WorkCalendar,
  deadline: CalendarDate,
  today: CalendarDate,
  riskWindow: number,
): DeadlineStatus {
  if (compareDates(today, deadline) > 0) return 'overdue';
  return calendar.workingDaysBetween(today, deadline) <= riskWindow ? 'at_risk' : 'on_track';
}
