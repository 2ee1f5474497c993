/** Deadlines: calendar dates, feestdagen, Algemene termijnenwet, opschorting and verlenging. */
export * from './calendarDate.js';
export {
  addDuration,
  compareDurationsFrom,
  isDateDuration,
  parseDuration,
  type DateDuration,
} from './duration.js';
export { easterSunday } from './easter.js';
export { nationaleFeestdagen, type Feestdag } from './feestdagen.js';
export { WorkCalendar, type ExtraDay } from './workCalendar.js';
export { applyTermijnenwet, legalTermEnd, plainTermEnd } from './termijnenwet.js';
export { computeZaakDeadlines, suspendedDays } from './zaakDeadlines.js';
export { startOpschorting, endOpschorting } from './opschorting.js';
export { applyVerlenging, type VerlengingRequest } from './verlenging.js';
export { deadlineStatus } from './deadlineRisk.js';
export { DeadlineCalculator } from './deadlineCalculator.js';
export type * from './zaakTermijnen.js';
export { CalendarService } from './calendarService.js';
export { calendarRouter, type CalendarRouterOptions } from './router.js';
export type { RouteAccess } from './access.js';
export {
  calendarDateSchema,
  durationSchema,
  extraDayInputSchema,
  type ExtraDayInput,
} from './schemas.js';
