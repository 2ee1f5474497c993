import { addDays, calendarDate, weekdayOf, type CalendarDate } from './calendarDate.js';
import { easterSunday } from './easter.js';

export interface Feestdag {
  datum: CalendarDate;
  omschrijving: string;
}

/**
 * The national algemeen erkende feestdagen of one year as the Algemene termijnenwet (art. 3)
 * counts them, plus Goede Vrijdag. Sorted by date. Days made equal to feestdagen by royal
 * decree are data (calendar_extra_days), not code.
 */
export function nationaleFeestdagen(year: number): Feestdag[] {
  const easter = easterSunday(year);
  const days: Feestdag[] = [
    { datum: calendarDate(year, 1, 1), omschrijving: 'Nieuwjaarsdag' },
    { datum: addDays(easter, -2), omschrijving: 'Goede Vrijdag' },
    { datum: addDays(easter, 1), omschrijving: 'Tweede Paasdag' },
    koningsdag(year),
    { datum: calendarDate(year, 5, 5), omschrijving: 'Bevrijdingsdag' },
    { datum: addDays(easter, 39), omschrijving: 'Hemelvaartsdag' },
    { datum: addDays(easter, 50), omschrijving: 'Tweede Pinksterdag' },
    { datum: calendarDate(year, 12, 25), omschrijving: 'Eerste Kerstdag' },
    { datum: calendarDate(year, 12, 26), omschrijving: 'Tweede Kerstdag' },
  ];
  return days.sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : 0));
}

/**
 * Koningsdag: 27 April, or the 26th when the 27th is a Sunday. Before 2014 it was Koninginnedag
 * on 30 April (the 29th when that was a Sunday); kept so that old zaken still compute correctly.
 */
function koningsdag(year: number): Feestdag {
  if (year < 2014) {
    const date = calendarDate(year, 4, 30);
    return {
      datum: weekdayOf(date) === 0 ? addDays(date, -1) : date,
      omschrijving: 'Koninginnedag',
    };
  }
  const date = calendarDate(year, 4, 27);
  return { datum: weekdayOf(date) === 0 ? addDays(date, -1) : date, omschrijving: 'Koningsdag' };
}
