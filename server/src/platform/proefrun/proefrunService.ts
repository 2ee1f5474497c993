import { ConflictError, InputError } from '../../http/errors.js';
import {
  contentProblems,
  modelProblems,
  type CatalogusService,
  type ZaaktypeVersion,
} from '../../modules/catalogus/index.js';
import type { TakenService } from '../../modules/taken/index.js';
import type { Caller, ProefrunIntake, ZaakDetail, ZaakService } from '../../modules/zaken/index.js';
import { MODEL_FORM_KEY } from '../modelDeployment.js';
import { modelUsageOf } from '../processModelCheck.js';
import type { ZeebeClient } from '../zeebeClient.js';
import { toSandboxModel } from './sandboxModel.js';

export interface ProefrunServiceOptions {
  catalogus: CatalogusService;
  zaken: ZaakService;
  taken: Pick<TakenService, 'removeProefrunTaken'>;
  zeebe: Pick<ZeebeClient, 'deployResource' | 'cancelProcessInstance'>;
  /** The BPMN the engine has deployed for a process version (a version published from files). */
  deployedXml: (bpmnProcessId: string, version: number) => Promise<string | undefined>;
}

/**
 * A proefrun (test run) of a zaaktype version, as Camunda's "Play": the version's model runs as a
 * sandbox process under its own id, with a flagged zaak that only its starter sees, so a beheerder
 * can click through a concept without publishing it and without touching a register or a figure.
 */
export class ProefrunService {
  constructor(private readonly options: ProefrunServiceOptions) {}

  /** Checks the version as publishing would, deploys its sandbox process and registers a proefrun zaak. */
  async start(
    identificatie: string,
    versie: number,
    intake: ProefrunIntake,
    caller: Caller,
  ): Promise<ZaakDetail> {
    const version = await this.options.catalogus.getVersion(identificatie, versie);
    const xml = await this.modelOf(version);
    const problems = [
      ...contentProblems(version),
      ...modelProblems(version, await modelUsageOf(xml), `the process model of version ${versie}`),
    ];
    if (problems.length > 0) {
      throw new ConflictError(
        `Version ${versie} of zaaktype ${identificatie} cannot be tried out: ${problems.join('; ')}`,
        { problems },
      );
    }
    const sandbox = toSandboxModel(xml);
    const deployment = await this.options.zeebe
      .deployResource({
        process: Buffer.from(sandbox.xml),
        name: `proefrun-${identificatie}-${versie}.bpmn`,
      })
      .catch((error: unknown) => {
        const reason = (error as { details?: string }).details ?? String(error);
        throw new InputError(`The process model was refused: ${reason}`, { field: 'model' });
      });
    const process = deployment.deployments.find(
      (item) => 'process' in item && item.process,
    )?.process;
    if (!process) throw new InputError('The model holds no executable process', { field: 'model' });
    return this.options.zaken.createProefrun(
      version,
      { bpmnProcessId: process.bpmnProcessId, processVersion: process.version },
      intake,
      caller,
    );
  }

  /** Ends every proefrun of the version: cancels its process, then removes its zaken and tasks. */
  async end(identificatie: string, versie: number): Promise<number> {
    const zaken = await this.options.zaken.proefrunZaken(identificatie, versie);
    for (const zaak of zaken) {
      if (!zaak.processInstanceKey) continue;
      await this.options.zeebe
        .cancelProcessInstance(zaak.processInstanceKey)
        .catch((error: unknown) => {
          // An instance that already ended has nothing left to cancel.
          if (!isNotFound(error)) throw error;
        });
    }
    const ids = zaken.map((zaak) => zaak.id);
    await this.options.taken.removeProefrunTaken(ids);
    return this.options.zaken.removeProefrunZaken(ids);
  }

  /** The model saved with a concept, or the one deployed for a version published from files. */
  private async modelOf(version: ZaaktypeVersion): Promise<string> {
    const stored = (version.forms as Record<string, { xml?: unknown } | undefined>)[MODEL_FORM_KEY];
    if (typeof stored?.xml === 'string' && stored.xml.trim() !== '') return stored.xml;
    const deployed =
      version.bpmnProcessId && version.processVersion
        ? await this.options.deployedXml(version.bpmnProcessId, version.processVersion)
        : undefined;
    if (deployed) return deployed;
    throw new ConflictError(
      `Version ${version.versie} of zaaktype ${version.identificatie} cannot be tried out: it has no process model yet; draw it in the process editor and save`,
      { problems: ['procesmodel: draw the process in the process editor and save'] },
    );
  }
}

/** gRPC NOT_FOUND (code 5), as the SDK reports it. */
function isNotFound(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === 5 || code === 'NOT_FOUND' || (typeof message === 'string' && /NOT_FOUND/.test(message))
  );
}
