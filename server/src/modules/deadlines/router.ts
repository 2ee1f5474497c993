import { Router } from 'express';
import type { OpenApiRegistry } from '../../http/openapi.js';
import { requireUser, type RouteAccess } from './access.js';
import { registerCalendarOperations } from './calendarApiDocs.js';
import type { CalendarService } from './calendarService.js';
import {
  extraDayInputSchema,
  extraDayParamsSchema,
  rangeQuerySchema,
  termQuerySchema,
  yearQuerySchema,
} from './schemas.js';
import { legalTermEnd, plainTermEnd } from './termijnenwet.js';

export interface CalendarRouterOptions extends RouteAccess {
  calendarService: CalendarService;
  /** When given, the routes are described in the OpenAPI document. */
  openApi?: OpenApiRegistry;
}

/**
 * `/api/kalender`: feestdagen per year, the extra days a beheerder keeps, and a term preview
 * (what the modeler shows next to a doorlooptijd).
 */
export function calendarRouter(options: CalendarRouterOptions): Router {
  const { calendarService } = options;
  if (options.openApi) registerCalendarOperations(options.openApi);
  const router = Router();
  const read = requireUser(options);
  const write = options.requireRole('beheerder');

  router.get('/api/kalender/feestdagen', read, async (req, res) => {
    const { jaar } = yearQuerySchema.parse(req.query);
    res.json({ jaar, feestdagen: await calendarService.feestdagenIn(jaar) });
  });

  router.get('/api/kalender/extra-dagen', read, async (req, res) => {
    const { van, tot } = rangeQuerySchema.parse(req.query);
    res.json({ extraDagen: await calendarService.listExtraDays({ from: van, to: tot }) });
  });

  router.post('/api/kalender/extra-dagen', write, async (req, res) => {
    const input = extraDayInputSchema.parse(req.body);
    res.status(201).json(await calendarService.addExtraDay(input));
  });

  router.delete('/api/kalender/extra-dagen/:datum', write, async (req, res) => {
    await calendarService.removeExtraDay(extraDayParamsSchema.parse(req.params).datum);
    res.status(204).end();
  });

  router.get('/api/kalender/termijn', read, async (req, res) => {
    const { startdatum, duur } = termQuerySchema.parse(req.query);
    const calendar = await calendarService.loadCalendar();
    res.json({
      startdatum,
      duur,
      einddatum: legalTermEnd(calendar, startdatum, duur),
      einddatumZonderTermijnenwet: plainTermEnd(startdatum, duur),
    });
  });

  return router;
}
