import type { Knex } from 'knex';
import { z } from 'zod';
import {
  addDays,
  calendarDateSchema,
  type CalendarDate,
  type WorkCalendar,
} from '../deadlines/index.js';
import { whereZaakVisible } from '../zaken/index.js';

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
 * The zaken the figures are about: visible to the caller's groups, of the zaaktype, and worked
 * on by the team (a task for the group) or the behandelaar (a task of theirs, or their rol).
 */
export function scopedZaken(
  db: Knex,
  filter: OverzichtFilter,
  groups: readonly string[],
): Knex.QueryBuilder {
  const query = db('zaken as z');
  whereZaakVisible(db, query, groups);
  if (filter.zaaktype) query.where('z.zaaktype_identificatie', filter.zaaktype);
  if (filter.groep) {
    const groep = filter.groep;
    query.whereExists((q) => {
      void q
        .select(db.raw('1'))
        .from('taken as t')
        .whereRaw('t.zaak_id = z.id::text')
        .whereRaw('? = any(t.candidate_groups)', [groep]);
    });
  }
  if (filter.behandelaar) {
    const behandelaar = filter.behandelaar;
    query.where((q) => {
      void q
        .whereExists((t) => {
          void t
            .select(db.raw('1'))
            .from('taken as t')
            .whereRaw('t.zaak_id = z.id::text')
            .where('t.assignee', behandelaar);
        })
        .orWhereExists((r) => {
          void r.select(db.raw('1')).from('zaak_rollen as r').whereRaw('r.zaak_id = z.id').where({
            'r.medewerker_username': behandelaar,
            'r.omschrijving_generiek': 'behandelaar',
          });
        });
    });
  }
  return query;
}
