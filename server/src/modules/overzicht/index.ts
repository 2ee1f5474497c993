/** Overzicht: dashboards for managers and coordinators — KPIs, charts, deadlines, incidents, process heatmap. */
export {
  OverzichtService,
  HEATMAP_SAMPLE,
  type OverzichtServiceOptions,
  type OverzichtUser,
  type Incident,
} from './service.js';
export { overzichtRouter, type OverzichtRouterOptions } from './router.js';
export { overzichtQuerySchema, type OverzichtQuery, type OverzichtFilter } from './filters.js';
