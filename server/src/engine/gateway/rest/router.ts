import { Router, type Request } from 'express';
import type { Database } from '../../../db/database.js';
import type { Logger } from '../../../logging.js';
import { EngineRejection, type EngineApi } from '../../api.js';
import type { OptionalEngineCommands } from '../grpc/optionalCommands.js';
import type { ControllableClock } from '../../clock.js';
import { addClockRoutes } from './clockRoutes.js';
import { addDecisionAndFormRoutes } from './decisionAndFormRoutes.js';
import { invalidArgument, notFound, problemHandler } from './problemDetail.js';
import { ElementInstanceRepository } from './repository/elementInstanceRepository.js';
import { ElementStatisticsRepository } from './repository/elementStatisticsRepository.js';
import { IncidentRepository } from './repository/incidentRepository.js';
import { JobRepository } from './repository/jobRepository.js';
import { processDefinitionSearchSchema } from './schemas/processDefinitionSearch.js';
import { ProcessDefinitionRepository } from './repository/processDefinitionRepository.js';
import { ProcessInstanceRepository } from './repository/processInstanceRepository.js';
import { VariableRepository } from './repository/variableRepository.js';
import { elementInstanceSearchSchema } from './schemas/elementInstanceSearch.js';
import { elementStatisticsQuerySchema } from './schemas/elementStatistics.js';
import { keySchema } from './schemas/filterSchemas.js';
import { incidentResolutionSchema, incidentSearchSchema } from './schemas/incidentSearch.js';
import { jobSearchSchema } from './schemas/jobSearch.js';
import { processInstanceModificationSchema } from './schemas/processInstanceModification.js';
import { processInstanceSearchSchema } from './schemas/processInstanceSearch.js';
import { variableSearchQuerySchema, variableSearchSchema } from './schemas/variableSearch.js';
import { topologyOf, type GatewayAddress } from './topology.js';

export interface EngineRestRouterOptions {
  db: Database;
  /** Commands go through the engine: incident resolution, and decisions and modification when the engine has them. */
  engine: Pick<EngineApi, 'resolveIncident'> &
    Partial<Pick<OptionalEngineCommands, 'evaluateDecision' | 'modifyProcessInstance'>>;
  clock: ControllableClock;
  /** ENGINE_CLOCK_CONTROL: whether /v2/clock may move the engine's time. */
  clockControl: boolean;
  logger: Logger;
  /** Where the gRPC gateway listens, for GET /v2/topology (default localhost:26500). */
  gateway?: GatewayAddress;
}

/**
 * The subset of Camunda 8.8's Orchestration Cluster REST API (v2) that the embedded engine
 * offers: same paths, same JSON, errors as problem details. Reads come straight from the engine
 * tables; commands go through the engine.
 */
export function engineRestRouter(options: EngineRestRouterOptions): Router {
  const { db, engine, logger } = options;
  const log = logger.child({ component: 'engine-rest' });
  const processInstances = new ProcessInstanceRepository(db);
  const elementInstances = new ElementInstanceRepository(db);
  const variables = new VariableRepository(db);
  const incidents = new IncidentRepository(db);
  const jobs = new JobRepository(db);
  const definitions = new ProcessDefinitionRepository(db);
  const elementStatistics = new ElementStatisticsRepository(db);
  const router = Router();
  const topology = topologyOf(options.gateway ?? { host: 'localhost', port: 26500 });

  router.get('/v2/topology', (_req, res) => {
    res.json(topology);
  });

  router.post('/v2/process-instances/search', async (req, res) => {
    res.json(await processInstances.search(processInstanceSearchSchema.parse(bodyOf(req))));
  });

  router.get('/v2/process-instances/:processInstanceKey', async (req, res) => {
    const processInstanceKey = pathKey(req.params.processInstanceKey, 'processInstanceKey');
    const instance = await processInstances.get(processInstanceKey);
    if (!instance) throw notFound(`Process instance with key '${processInstanceKey}' not found`);
    res.json(instance);
  });

  router.post('/v2/process-instances/:processInstanceKey/modification', async (req, res) => {
    const processInstanceKey = pathKey(req.params.processInstanceKey, 'processInstanceKey');
    const instructions = processInstanceModificationSchema.parse(bodyOf(req));
    if (!engine.modifyProcessInstance) throw new EngineRejection('UNIMPLEMENTED', 'This engine does not support process instance modification');
    await engine.modifyProcessInstance({ processInstanceKey, ...instructions });
    log.info({ processInstanceKey }, 'process instance modified through REST');
    res.status(204).end();
  });

  router.post('/v2/element-instances/search', async (req, res) => {
    res.json(await elementInstances.search(elementInstanceSearchSchema.parse(bodyOf(req))));
  });

  router.post('/v2/variables/search', async (req, res) => {
    const { truncateValues } = variableSearchQuerySchema.parse(req.query);
    res.json(await variables.search(variableSearchSchema.parse(bodyOf(req)), { truncateValues }));
  });

  router.post('/v2/incidents/search', async (req, res) => {
    res.json(await incidents.search(incidentSearchSchema.parse(bodyOf(req))));
  });

  router.post('/v2/incidents/:incidentKey/resolution', async (req, res) => {
    const incidentKey = pathKey(req.params.incidentKey, 'incidentKey');
    incidentResolutionSchema.parse(bodyOf(req));
    await engine.resolveIncident(incidentKey);
    log.info({ incidentKey }, 'incident resolved through REST');
    res.status(204).end();
  });

  router.post('/v2/jobs/search', async (req, res) => {
    res.json(await jobs.search(jobSearchSchema.parse(bodyOf(req))));
  });

  router.post('/v2/process-definitions/search', async (req, res) => {
    res.json(await definitions.search(processDefinitionSearchSchema.parse(bodyOf(req))));
  });

  router.get('/v2/process-definitions/:processDefinitionKey/xml', async (req, res) => {
    const processDefinitionKey = pathKey(req.params.processDefinitionKey, 'processDefinitionKey');
    const xml = await definitions.xml(processDefinitionKey);
    if (xml === undefined)
      throw notFound(`Process definition with key '${processDefinitionKey}' not found`);
    res.type('text/xml').send(xml);
  });

  router.post(
    '/v2/process-definitions/:processDefinitionKey/statistics/element-instances',
    async (req, res) => {
      const processDefinitionKey = pathKey(req.params.processDefinitionKey, 'processDefinitionKey');
      const { filter } = elementStatisticsQuerySchema.parse(bodyOf(req));
      if (filter && Object.keys(filter).length > 0)
        throw invalidArgument(
          'The embedded engine counts over all instances of the definition and supports no filter here: leave filter out',
        );
      if (!(await elementStatistics.definitionExists(processDefinitionKey)))
        throw notFound(`Process definition with key '${processDefinitionKey}' not found`);
      res.json({ items: await elementStatistics.forDefinition(processDefinitionKey) });
    },
  );

  addDecisionAndFormRoutes(router, { db, engine, pathKey });

  addClockRoutes(router, { clock: options.clock, enabled: options.clockControl, logger: log });

  // Only errors of the routes above arrive here: the router is not an error handler for others.
  router.use('/v2', problemHandler(log));
  return router;
}

/** Search bodies are optional in Camunda: no body means "everything, first page". */
function bodyOf(req: Request): unknown {
  return req.body ?? {};
}

function pathKey(value: string | undefined, name: string): string {
  const parsed = keySchema.safeParse(value);
  if (!parsed.success)
    throw invalidArgument(
      `The ${name} '${value}' is not a key: expected a 64-bit integer written as a string of digits`,
    );
  return parsed.data;
}
