import { calendarDate, type CalendarDate } from './calendarDate.js';

/**
 * Easter Sunday in the Gregorian calendar, by the anonymous Gregorian computus
 * (Meeus/Jones/Butcher): the first Sunday after the ecclesiastical full moon on or after 21 March.
 */
export function easterSunday(year: number): CalendarDate {
  const golden = year % 19; // position in the 19-year Metonic cycle
  const century = Math.floor(year / 100);
  const yearOfCentury = year % 100;
  const skippedLeapYears = Math.floor(century / 4);
  const centuryRemainder = century % 4;
  const moonCorrection = Math.floor((century + 8) / 25);
  const solarCorrection = Math.floor((century - moonCorrection + 1) / 3);
  // days from 21 March to the paschal full moon
  const epact = (19 * golden + century - skippedLeapYears - solarCorrection + 15) % 30;
  const leapDaysInCentury = Math.floor(yearOfCentury / 4);
  const yearRemainder = yearOfCentury % 4;
  // days from the full moon to the next Sunday
  const toSunday = (32 + 2 * centuryRemainder + 2 * leapDaysInCentury - epact - yearRemainder) % 7;
  const lateCorrection = Math.floor((golden + 11 * epact + 22 * toSunday) / 451);
  // encodes month * 31 + (day - 1)
  const monthAndDay = epact + toSunday - 7 * lateCorrection + 114;
  const month = Math.floor(monthAndDay / 31);
  const day = (monthAndDay % 31) + 1;
  return calendarDate(year, month, day);
}
