import type { Knex } from 'knex';
import { z } from 'zod';
import {
  addDays,
  calendarDateSchema,
  type CalendarDate,
  type WorkCalendar,
} from '../deadlines/index.js';
import {
  loadVisibleZaaktypen,
  whereVisible,
  withoutProefrun,
  type VisibleZaaktypen,
} from '../zaken/index.js';

export { loadVisibleZaaktypen, type VisibleZaaktypen };

/** The dashboard's filters, as they appear in its URL. */
export const overzichtQuerySchema = z.strictObject({
  van: calendarDateSchema.optional(),
  tot: calendarDateSchema.optional(),
  zaaktype: z.string().min(1).max(50).optional(),
  groep: z.string().min(1).max(100).optional(),
  behandelaar: z.string().min(1).max(255).optional(),
  risicoDagen: z.coerce.number().int().min(0).max(60).default(5),
});
export type OverzichtQuery = z.infer<typeof overzichtQuerySchema>;

/** The filters with the defaults filled in and the dates the queries compare with. */
export interface OverzichtFilter {
  van: CalendarDate;
  tot: CalendarDate;
  zaaktype?: string;
  groep?: string;
  behandelaar?: string;
  risicoDagen: number;
  vandaag: CalendarDate;
  /** The first date no longer "at risk": a deadline before it is within `risicoDagen` working days. */
  risicoGrens: CalendarDate;
}

/** The default period is the last 90 days up to today. */
export function resolveFilter(
  query: OverzichtQuery,
  vandaag: CalendarDate,
  calendar: WorkCalendar,
): OverzichtFilter {
  const tot = query.tot ?? vandaag;
  const van = query.van ?? addDays(tot, -90);
  return {
    ...query,
    van,
    tot,
    vandaag,
    risicoGrens: calendar.addWorkingDays(vandaag, query.risicoDagen + 1),
  };
}

/**
 * The zaken the figures are about: real ones (no proefrun), visible to the caller, of the zaaktype,
 * and worked on by the team (a task for the group) or the behandelaar (a task of theirs, or their rol).
 */
export function scopedZaken(
  db: Knex,
  filter: OverzichtFilter,
  visible: VisibleZaaktypen,
): Knex.QueryBuilder {
  const query = db('zaken as z');
  withoutProefrun(query);
  whereVisible(query, visible);
  if (filter.zaaktype) query.where('z.zaaktype_identificatie', filter.zaaktype);
  if (filter.groep)
    query.whereIn('z.id', db('zaak_groepen').where('groep', filter.groep).select('zaak_id'));
  // a semi-join on the task table (its zaak_id is text), so the planner can hash it
  if (filter.behandelaar) {
    const behandelaar = filter.behandelaar;
    query.where((q) => {
      void q
        .whereRaw('z.id::text in (?)', [
          db('taken').where('assignee', behandelaar).select('zaak_id'),
        ])
        .orWhereIn(
          'z.id',
          db('zaak_rollen')
            .where({ medewerker_username: behandelaar, omschrijving_generiek: 'behandelaar' })
            .select('zaak_id'),
        );
    });
  }
  return query;
}
