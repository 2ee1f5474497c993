import type { ZaaktypeVersion } from './types.js';

/** Names the process model refers to, as returned by a ProcessModelCheck. */
export interface ModelUsage {
  statustypen: string[];
  resultaattypen: string[];
}

/**
 * What stops a concept from being published, as sentences a beheerder can act on: a zaak needs a
 * first status and an eindstatus, a resultaat to close with, roles, and a deployed process whose
 * statustypen and resultaattypen all exist in this version.
 */
export function completenessProblems(version: ZaaktypeVersion): string[] {
  const problems = contentProblems(version);
  if (version.bpmnProcessId === null)
    problems.push('bpmnProcessId: bind the version to a deployed BPMN process');
  if (version.processVersion === null)
    problems.push('processVersion: choose the deployed version of the process');
  return problems;
}

/**
 * The catalogue's part of completenessProblems: what a zaak of this version needs whatever process
 * it runs. A proefrun checks this and the model, not the binding (it deploys a sandbox process).
 */
export function contentProblems(version: ZaaktypeVersion): string[] {
  const problems: string[] = [];
  if (version.statustypen.length < 2) {
    problems.push(
      'statustypen: add at least two, a first status and an eindstatus (the highest volgnummer)',
    );
  }
  if (version.resultaattypen.length === 0)
    problems.push('resultaattypen: add at least one; a zaak closes with a resultaat');
  if (version.roltypen.length === 0)
    problems.push('roltypen: add at least one, e.g. initiator or behandelaar');
  return problems;
}

/** `process` names the model in the sentences; by default the version's bound process. */
export function modelProblems(
  version: ZaaktypeVersion,
  usage: ModelUsage,
  process = `process ${version.bpmnProcessId ?? '?'} version ${version.processVersion ?? '?'}`,
): string[] {
  return [
    ...missingNames(
      usage.statustypen,
      version.statustypen.map((s) => s.omschrijving),
    ).map(
      (problem) =>
        `statustype ${problem} is used by ${process} but is not in this zaaktype version`,
    ),
    ...missingNames(
      usage.resultaattypen,
      version.resultaattypen.map((r) => r.omschrijving),
    ).map(
      (problem) =>
        `resultaattype ${problem} is used by ${process} but is not in this zaaktype version`,
    ),
  ];
}

/** Each used name missing from `known`, quoted, with a hint when only its case differs. */
function missingNames(used: string[], known: string[]): string[] {
  const knownSet = new Set(known);
  return [...new Set(used)]
    .filter((name) => !knownSet.has(name))
    .map((name) => {
      const nearly = known.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
      return nearly ? `"${name}" (did you mean "${nearly}"?)` : `"${name}"`;
    });
}
