import Viewer from 'bpmn-js/lib/Viewer';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { LintIssue } from '../proces/lint/issue';
import { lintModel } from '../proces/lint/lintModel';
import type { ModdleElement } from '../proces/lint/moddle';
import type { ZaakstroomLintContext } from '../proces/lint/zaakstroomRules';

/** Lints a stored model without showing it (loaded lazily by the Publiceren tab). */
export async function checkModel(
  xml: string,
  context: ZaakstroomLintContext,
): Promise<LintIssue[]> {
  const viewer = new Viewer({ moddleExtensions: { zeebe: zeebeModdle } });
  try {
    await viewer.importXML(xml);
    const definitions = viewer.getDefinitions() as ModdleElement;
    return await lintModel(definitions, context);
  } catch (error) {
    return [
      {
        rule: 'zaakstroom/model-readable',
        severity: 'error',
        message: `Het procesmodel kan niet worden gelezen: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  } finally {
    viewer.destroy();
  }
}
