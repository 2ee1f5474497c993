import { STANDARD_JOB_TYPES } from '../elementTemplates';
import type { LintIssue } from './issue';
import { endsReachedWithoutResultaat } from './resultaatPaths';
import {
  extension,
  extensions,
  flowElements,
  isType,
  jobTypeOf,
  processes,
  stringProperty,
  taskHeader,
  type ModdleElement,
} from './moddle';

/** What the rules compare the model with: this zaaktype version's catalogue and forms. */
export interface ZaakstroomLintContext {
  statustypen: string[];
  resultaattypen: string[];
  roltypen: string[];
  formIds: string[];
}

type Rule = (definitions: ModdleElement, context: ZaakstroomLintContext) => LintIssue[];

const EMBEDDED_FORM_PREFIX = 'camunda-forms:bpmn:';

function issueAt(
  element: ModdleElement,
  rule: string,
  message: string,
  severity: LintIssue['severity'] = 'error',
): LintIssue {
  return {
    rule: `zaakstroom/${rule}`,
    severity,
    message,
    elementId: element.id,
    elementName: element.name,
  };
}

const userTasks = (definitions: ModdleElement) =>
  flowElements(definitions).filter((e) => isType(e, 'bpmn:UserTask'));

/** Tasks carried out by a job worker of the given type. */
const jobTasks = (definitions: ModdleElement, jobType: string) =>
  flowElements(definitions).filter((e) => jobTypeOf(e) === jobType);

/** The referenced form id of a user task, when it refers to a Camunda form. */
export function formIdOf(task: ModdleElement): string | undefined {
  const definition = extension(task, 'zeebe:FormDefinition');
  const formKey = stringProperty(definition, 'formKey');
  if (formKey?.startsWith(EMBEDDED_FORM_PREFIX)) return formKey.slice(EMBEDDED_FORM_PREFIX.length);
  return stringProperty(definition, 'formId');
}

const userTaskHasForm: Rule = (definitions, { formIds }) =>
  userTasks(definitions).flatMap((task) => {
    const definition = extension(task, 'zeebe:FormDefinition');
    const formId = formIdOf(task);
    if (formId !== undefined) {
      return formIds.includes(formId)
        ? []
        : [
            issueAt(
              task,
              'user-task-form',
              `Formulier "${formId}" bestaat niet in deze versie; maak het aan onder Formulieren.`,
            ),
          ];
    }
    if (stringProperty(definition, 'formKey') !== undefined) {
      return [
        issueAt(
          task,
          'user-task-form',
          'Eigen formuliersleutel: de takenlijst kan alleen formulieren uit deze versie tonen.',
          'warn',
        ),
      ];
    }
    return [
      issueAt(
        task,
        'user-task-form',
        'Taak zonder formulier; kies onder "Form" een formulier uit deze versie.',
      ),
    ];
  });

const userTaskHasCandidateGroup: Rule = (definitions) =>
  userTasks(definitions).flatMap((task) =>
    stringProperty(extension(task, 'zeebe:AssignmentDefinition'), 'candidateGroups')
      ? []
      : [
          issueAt(
            task,
            'user-task-candidate-group',
            'Taak zonder kandidaatgroep; vul onder "Assignment" de groep (afdeling) in die de taak oppakt.',
          ),
        ],
  );

const jobBasedUserTasks: Rule = (definitions) =>
  userTasks(definitions).flatMap((task) =>
    extensions(task, 'zeebe:UserTask').length > 0
      ? [
          issueAt(
            task,
            'job-based-user-task',
            'Zaakstroom voert Camunda user tasks nog niet uit; kies bij "Implementation" de optie "Job worker".',
          ),
        ]
      : [],
  );

function unknownName(used: string, known: string[], what: string): string | undefined {
  if (known.includes(used)) return undefined;
  const nearly = known.find((k) => k.toLowerCase() === used.toLowerCase());
  const hint = nearly
    ? ` Bedoelt u "${nearly}"?`
    : ` Voeg het toe onder Gegevens of kies een bestaand ${what}.`;
  return `${what} "${used}" bestaat niet in deze versie.${hint}`;
}

function headerInCatalogue(
  jobType: string,
  key: string,
  list: keyof ZaakstroomLintContext,
  what: string,
  isRequired: boolean,
): Rule {
  return (definitions, context) =>
    jobTasks(definitions, jobType).flatMap((task) => {
      const value = taskHeader(task, key);
      if (value === undefined) {
        return isRequired
          ? [issueAt(task, `${key}-exists`, `Kies een ${what} voor deze taak.`)]
          : [];
      }
      const problem = unknownName(value, context[list], what);
      return problem ? [issueAt(task, `${key}-exists`, problem)] : [];
    });
}

const knownJobTypes: Rule = (definitions) =>
  flowElements(definitions).flatMap((element) => {
    const jobType = jobTypeOf(element);
    if (jobType === undefined || STANDARD_JOB_TYPES.has(jobType) || jobType.startsWith('='))
      return [];
    return [
      issueAt(
        element,
        'known-job-type',
        `Geen standaardworker voor taaktype "${jobType}"; zorg voor een eigen worker.`,
        'warn',
      ),
    ];
  });

const processSetsStatus: Rule = (definitions) =>
  processes(definitions).flatMap((process) =>
    jobTasks(definitions, 'zaak.status').length === 0
      ? [
          issueAt(
            process,
            'process-sets-status',
            'Het proces zet nergens een status; voeg een taak "Zet status" toe.',
            'warn',
          ),
        ]
      : [],
  );

const everyPathSetsResultaat: Rule = (definitions) =>
  endsReachedWithoutResultaat(definitions).map((end) =>
    issueAt(
      end,
      'path-sets-resultaat',
      'Een pad naar dit einde zet geen resultaat; zet ervoor een taak "Zaak afsluiten" (of "Zet resultaat").',
    ),
  );

const rules: Rule[] = [
  userTaskHasForm,
  userTaskHasCandidateGroup,
  jobBasedUserTasks,
  headerInCatalogue('zaak.status', 'statustype', 'statustypen', 'statustype', true),
  headerInCatalogue('zaak.resultaat', 'resultaattype', 'resultaattypen', 'resultaattype', true),
  headerInCatalogue('zaak.afsluiten', 'resultaattype', 'resultaattypen', 'resultaattype', false),
  headerInCatalogue('zaak.rol', 'roltype', 'roltypen', 'roltype', true),
  knownJobTypes,
  processSetsStatus,
  everyPathSetsResultaat,
];

export function zaakstroomIssues(
  definitions: ModdleElement,
  context: ZaakstroomLintContext,
): LintIssue[] {
  return rules.flatMap((rule) => rule(definitions, context));
}
