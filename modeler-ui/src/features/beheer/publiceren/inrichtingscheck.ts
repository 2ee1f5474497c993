import type { VersionContent } from '../api/types';
import { bpmnXmlOf, userTaskForms } from '../model/versionContent';
import type { LintIssue } from '../proces/lint/issue';

const versionIssue = (
  rule: string,
  message: string,
  severity: LintIssue['severity'] = 'error',
): LintIssue => ({
  rule: `inrichting/${rule}`,
  severity,
  message,
});

/**
 * Everything that stands in the way of publishing, found before the publish call: the server's
 * completeness rules (mirrored here, as the API has no dry run) and every finding of the model checks.
 */
export async function inrichtingscheck(content: VersionContent): Promise<LintIssue[]> {
  const issues: LintIssue[] = [];
  if (content.statustypen.length < 2)
    issues.push(
      versionIssue(
        'statustypen',
        'Voeg onder Gegevens ten minste twee statustypen toe: een eerste status en een eindstatus.',
      ),
    );
  if (content.resultaattypen.length === 0)
    issues.push(
      versionIssue(
        'resultaattypen',
        'Voeg onder Gegevens ten minste één resultaattype toe; een zaak sluit af met een resultaat.',
      ),
    );
  if (content.roltypen.length === 0)
    issues.push(
      versionIssue('roltypen', 'Voeg onder Gegevens ten minste één roltype toe, bijv. Initiator.'),
    );
  const xml = bpmnXmlOf(content);
  if (xml === undefined) {
    issues.push(
      versionIssue('procesmodel', 'Deze versie heeft nog geen procesmodel; maak het onder Proces.'),
    );
  } else {
    const { checkModel } = await import('./modelCheck');
    issues.push(
      ...(await checkModel(xml, {
        statustypen: content.statustypen.map((s) => s.omschrijving),
        resultaattypen: content.resultaattypen.map((r) => r.omschrijving),
        roltypen: content.roltypen.map((r) => r.omschrijving),
        formIds: Object.keys(userTaskForms(content)),
      })),
    );
  }
  // Publiceren zet het opgeslagen model eerst in de engine en koppelt de versie eraan.
  return issues.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
