import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { readBpmn } from '../readBpmn.js';
import type { ExecutableElement, ExecutableProcess, ModelProblem, ModelResult } from '../types.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The text of `fixtures/<name>.bpmn`. */
export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}.bpmn`, 'utf8');
}

/** Reads a fixture that must be valid and returns its processes. */
export async function readValid(name: string): Promise<ExecutableProcess[]> {
  const result = await readBpmn(fixture(name));
  if (!result.ok)
    throw new Error(`expected ${name} to be valid, got:\n${describe(result.problems)}`);
  return result.processes;
}

/** Reads a fixture that must be rejected and returns its problems (errors and warnings). */
export async function readInvalid(name: string): Promise<ModelProblem[]> {
  const result: ModelResult = await readBpmn(fixture(name));
  if (result.ok) throw new Error(`expected ${name} to be rejected, but it was accepted`);
  return result.problems;
}

/** The problems of a rejected result; none for an accepted one. */
export function problemsOf(result: ModelResult): ModelProblem[] {
  return result.ok ? [] : result.problems;
}

export function element(process: ExecutableProcess | undefined, id: string): ExecutableElement {
  const found = process?.elements.get(id);
  if (!found) throw new Error(`no element '${id}' in process '${process?.bpmnProcessId ?? '?'}'`);
  return found;
}

/** Error messages by element id, to assert on a whole document's problems at once. */
export function errorsById(problems: readonly ModelProblem[]): Record<string, string[]> {
  const byId: Record<string, string[]> = {};
  for (const problem of problems.filter((p) => p.severity === 'error'))
    (byId[problem.elementId ?? '(document)'] ??= []).push(problem.message);
  return byId;
}

/** Asserts that `elementId` has an error whose message contains `text`. */
export function expectError(
  problems: readonly ModelProblem[],
  elementId: string | undefined,
  text: string,
): void {
  const matching = problems.filter(
    (p) => p.severity === 'error' && p.elementId === elementId && p.message.includes(text),
  );
  expect(
    matching,
    `no error on ${elementId ?? '(document)'} containing "${text}" in:\n${describe(problems)}`,
  ).not.toHaveLength(0);
}

function describe(problems: readonly ModelProblem[]): string {
  return problems
    .map((p) => `- [${p.severity}] ${p.elementId ?? '(document)'}: ${p.message}`)
    .join('\n');
}
