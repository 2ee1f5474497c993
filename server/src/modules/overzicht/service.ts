import type { Knex } from 'knex';
import { NotFoundError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { AuditActor } from '../audit/auditEntry.js';
import { todayInNetherlands, type WorkCalendar } from '../deadlines/index.js';
import { whereVisible, withoutProefrun } from '../zaken/index.js';
import { loadDeadlineList, type TermijnZaak } from './deadlineList.js';
import {
  resolveFilter,
  scopedZaken,
  loadVisibleZaaktypen,
  type OverzichtFilter,
  type OverzichtQuery,
} from './filters.js';
import {
  buildHeatmap,
  type CompletedElement,
  type ElementStatistic,
  type HeatmapElement,
} from './heatmap.js';
import { loadKpis, type OverzichtKpis } from './kpis.js';
import { loadSeries, type OverzichtReeksen } from './series.js';

/** Who asks: the figures only count zaken their groups are authorised for. */
export interface OverzichtUser {
  username: string;
  groups: readonly string[];
  actor: AuditActor;
}

export interface Incident {
  incidentKey: string;
  processInstanceKey: string;
  elementId: string;
  /** The step's name in the model, where it has one (the zaak's incidents only). */
  elementName?: string;
  processDefinitionKey?: string;
  errorType: string;
  errorMessage: string;
  creationTime: string;
  jobKey?: string;
  zaak: { id: string; identificatie: string; zaaktype: string };
}

export interface OverzichtServiceOptions {
  db: Knex;
  loadCalendar: () => Promise<WorkCalendar>;
  now: () => number;
  /** The engine's REST API (v2): statistics, element instances, incidents, process XML. */
  engine: {
    query<T>(path: string, body: unknown): Promise<T>;
    processDefinitionXmlByKey(key: string): Promise<string | undefined>;
  };
  /** The engine's command API (gRPC): to retry a failed job. */
  commands: {
    updateJobRetries(request: { jobKey: string; retries: number }): Promise<unknown>;
    resolveIncident(request: { incidentKey: string }): Promise<unknown>;
  };
  /** The name of a model element, for the zaak page; without it, incidents name only the element id. */
  elementName?: (element: {
    processDefinitionKey?: string;
    elementId: string;
  }) => Promise<string | undefined>;
  /** The published zaaktype version in force, for its process definition. */
  validProcessDefinition: (zaaktype: string) => Promise<string | null>;
}

interface IncidentZaakRow {
  id: string;
  identificatie: string;
  zaaktype_identificatie: string;
  process_instance_key: string | null;
}
const INCIDENT_ZAAK_COLUMNS = [
  'z.id',
  'z.identificatie',
  'z.zaaktype_identificatie',
  'z.process_instance_key',
] as const;

function withZaak(incident: Omit<Incident, 'zaak'>, zaak: IncidentZaakRow): Incident {
  return {
    ...incident,
    zaak: { id: zaak.id, identificatie: zaak.identificatie, zaaktype: zaak.zaaktype_identificatie },
  };
}

/** How many completed element instances the durations of the heatmap are taken from (the newest). */
export const HEATMAP_SAMPLE = 1000;
const SEARCH_PAGE = 1000;

/** The Overzicht figures: SQL over zaken and taken, the process view from the engine's API. */
export class OverzichtService {
  constructor(private readonly options: OverzichtServiceOptions) {}

  async filterFor(query: OverzichtQuery): Promise<OverzichtFilter> {
    const today = todayInNetherlands(new Date(this.options.now()));
    return resolveFilter(query, today, await this.options.loadCalendar());
  }

  async dashboard(
    user: OverzichtUser,
    query: OverzichtQuery,
  ): Promise<{
    filter: OverzichtFilter;
    kpis: OverzichtKpis & { openIncidenten: number };
    reeksen: OverzichtReeksen;
  }> {
    const filter = await this.filterFor(query);
    const visible = await loadVisibleZaaktypen(this.options.db, user.groups);
    const [kpis, reeksen, incidents] = await Promise.all([
      loadKpis(this.options.db, filter, visible),
      loadSeries(this.options.db, filter, visible),
      this.incidents(user, filter),
    ]);
    return { filter, kpis: { ...kpis, openIncidenten: incidents.length }, reeksen };
  }

  async deadlines(
    user: OverzichtUser,
    query: OverzichtQuery,
  ): Promise<{ filter: OverzichtFilter; zaken: TermijnZaak[]; totaal: number }> {
    const filter = await this.filterFor(query);
    const visible = await loadVisibleZaaktypen(this.options.db, user.groups);
    return { filter, ...(await loadDeadlineList(this.options.db, filter, visible)) };
  }

  /** Open incidents of the process instances of zaken in scope, oldest first. */
  async incidents(user: OverzichtUser, filter?: OverzichtFilter): Promise<Incident[]> {
    const found = await this.openIncidents({});
    const keys = [...new Set(found.map((incident) => incident.processInstanceKey))];
    if (keys.length === 0) return [];
    const scope = scopedZaken(
      this.options.db,
      filter ?? (await this.filterFor({ risicoDagen: 5 })),
      await loadVisibleZaaktypen(this.options.db, user.groups),
    );
    const zaken: IncidentZaakRow[] = await scope
      .whereIn('z.process_instance_key', keys)
      .select(...INCIDENT_ZAAK_COLUMNS);
    const byInstance = new Map(zaken.map((zaak) => [String(zaak.process_instance_key), zaak]));
    return found.flatMap((incident) => {
      const zaak = byInstance.get(incident.processInstanceKey);
      return zaak ? [withZaak(incident, zaak)] : [];
    });
  }

  /** Open incidents of one zaak's process with their step names, oldest first; 404 for a zaak the user may not see. */
  async zaakIncidents(user: OverzichtUser, zaakId: string): Promise<Incident[]> {
    return Promise.all(
      (await this.incidentsOfZaak(user, zaakId)).map(async (incident) => {
        const elementName = await this.options.elementName?.(incident);
        return elementName ? { ...incident, elementName } : incident;
      }),
    );
  }

  private async incidentsOfZaak(user: OverzichtUser, zaakId: string): Promise<Incident[]> {
    const visible = await loadVisibleZaaktypen(this.options.db, user.groups);
    // A zaak the user's groups may see, or a proefrun of their own (its page shows its incidents).
    const query = this.options
      .db('zaken as z')
      .where('z.id', zaakId)
      .where((either) => {
        void either
          .where((real) => {
            withoutProefrun(real);
            whereVisible(real, visible);
          })
          .orWhere({ 'z.proefrun': true, 'z.proefrun_gestart_door': user.username });
      });
    const zaak: IncidentZaakRow | undefined = await query.first(...INCIDENT_ZAAK_COLUMNS);
    if (!zaak)
      throw new NotFoundError(`Zaak ${zaakId} does not exist or you are not authorised for it`, {
        id: zaakId,
      });
    if (zaak.process_instance_key === null) return [];
    const found = await this.openIncidents({
      processInstanceKey: String(zaak.process_instance_key),
    });
    return found.map((incident) => withZaak(incident, zaak));
  }

  /** Gives the failed job one more try and resolves the incident; recorded in the zaak's audit trail. */
  async retryIncident(user: OverzichtUser, incidentKey: string): Promise<void> {
    const incident = (await this.incidents(user)).find((item) => item.incidentKey === incidentKey);
    if (!incident)
      throw new NotFoundError(`Incident ${incidentKey} is not open, or not of a zaak you may see`, {
        incidentKey,
      });
    await this.retry(user, incident);
  }

  /** As retryIncident, for an incident of the given zaak (the zaak page's "Opnieuw proberen"). */
  async retryZaakIncident(user: OverzichtUser, zaakId: string, incidentKey: string): Promise<void> {
    const incident = (await this.incidentsOfZaak(user, zaakId)).find(
      (item) => item.incidentKey === incidentKey,
    );
    if (!incident)
      throw new NotFoundError(
        `Incident ${incidentKey} is not open on zaak ${zaakId}; reload the zaak to see its open incidents`,
        { id: zaakId, incidentKey },
      );
    await this.retry(user, incident);
  }

  private async openIncidents(filter: Record<string, string>): Promise<Omit<Incident, 'zaak'>[]> {
    const found = await this.options.engine.query<{ items: Omit<Incident, 'zaak'>[] }>(
      '/v2/incidents/search',
      {
        filter: { ...filter, state: 'ACTIVE' },
        sort: [{ field: 'creationTime', order: 'ASC' }],
        page: { limit: SEARCH_PAGE },
      },
    );
    return found.items;
  }

  private async retry(user: OverzichtUser, incident: Incident): Promise<void> {
    if (incident.jobKey)
      await this.options.commands.updateJobRetries({ jobKey: incident.jobKey, retries: 1 });
    await this.options.commands.resolveIncident({ incidentKey: incident.incidentKey });
    await recordAudit(this.options.db, {
      actor: user.actor,
      action: 'zaak.incident_opgelost',
      resourceType: 'incident',
      resourceId: incident.incidentKey,
      zaakId: incident.zaak.id,
      oldValue: {
        elementId: incident.elementId,
        errorType: incident.errorType,
        errorMessage: incident.errorMessage,
      },
    });
  }

  /** The zaaktype's process in force, with per element where the zaken are and how long steps take. */
  async heatmap(
    user: OverzichtUser,
    zaaktype: string,
  ): Promise<{
    processDefinitionKey: string;
    bpmnXml: string;
    elementen: HeatmapElement[];
    steekproef: number;
  }> {
    if (!(await this.mayViewZaaktype(user, zaaktype)))
      throw new NotFoundError(
        `Zaaktype ${zaaktype} does not exist or you are not authorised for it`,
        { zaaktype },
      );
    const key = await this.options.validProcessDefinition(zaaktype);
    const bpmnXml = key ? await this.options.engine.processDefinitionXmlByKey(key) : undefined;
    if (!key || !bpmnXml)
      throw new NotFoundError(`Zaaktype ${zaaktype} has no deployed process in force`, {
        zaaktype,
      });
    const [statistics, completed] = await Promise.all([
      this.options.engine.query<{ items: ElementStatistic[] }>(
        `/v2/process-definitions/${key}/statistics/element-instances`,
        {},
      ),
      this.options.engine.query<{ items: CompletedElement[] }>('/v2/element-instances/search', {
        filter: { processDefinitionKey: key, state: 'COMPLETED' },
        sort: [{ field: 'endDate', order: 'DESC' }],
        page: { limit: HEATMAP_SAMPLE },
      }),
    ]);
    return {
      processDefinitionKey: key,
      bpmnXml,
      elementen: buildHeatmap(statistics.items, completed.items),
      steekproef: completed.items.length,
    };
  }

  private async mayViewZaaktype(user: OverzichtUser, zaaktype: string): Promise<boolean> {
    if (user.groups.length === 0) return false;
    const row: unknown = await this.options
      .db('zaaktype_authorisations')
      .where('zaaktype_identificatie', zaaktype)
      .whereIn('group_code', [...user.groups])
      .first('group_code');
    return row !== undefined;
  }
}
