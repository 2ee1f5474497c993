import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readBpmn } from './index.js';

/** /work/shared/conformance, next to the repository: models written for Zeebe by other projects. */
const CONFORMANCE_ROOT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/conformance',
);

/**
 * What each model must give, stated explicitly so that a regression (or a newly added model)
 * shows up as a difference here. All of them deploy on Zeebe, so all must read without problems.
 */
const EXPECTED: Readonly<Record<string, { processes: string[] } | { problems: string[] }>> = {
  'zeebe-process-test/alternate-start-end.bpmn': { processes: ['alternate-start-end'] },
  'zeebe-process-test/automated-tests.bpmn': { processes: ['automatedTestsProcess'] },
  'zeebe-process-test/call-activity.bpmn': { processes: ['call-activity'] },
  'zeebe-process-test/looping-servicetask.bpmn': { processes: ['looping-servicetask'] },
  'zeebe-process-test/message-event.bpmn': { processes: ['message-event'] },
  'zeebe-process-test/message-start-event.bpmn': { processes: ['message-start-event'] },
  'zeebe-process-test/multiple-call-activity.bpmn': { processes: ['multiple-call-activity'] },
  'zeebe-process-test/multiple-tasks.bpmn': { processes: ['multiple-tasks'] },
  'zeebe-process-test/named-elements-v2.bpmn': { processes: ['NamedProcess'] },
  'zeebe-process-test/named-elements.bpmn': { processes: ['NamedProcess'] },
  'zeebe-process-test/pr-created.bpmn': { processes: ['prCreatedProcess'] },
  'zeebe-process-test/start-end.bpmn': { processes: ['start-end'] },
  'zeebe-process-test/test_timer_events.bpmn': { processes: ['Process_Timer_Test_01'] },
  'zeebe-process-test/timer-start-event-daily.bpmn': { processes: ['timer-start-event-daily'] },
  'zeebe-spec/core/demo.bpmn': { processes: ['demo'] },
  'zeebe-spec/core/demo2.bpmn': { processes: ['demo2'] },
  'zeebe-spec/junit-extension/demo.bpmn': { processes: ['demo'] },
  'zeebe-spec/junit-extension/demo2.bpmn': { processes: ['demo2'] },
  'zeebe-spec/junit-extension/exclusive-gateway.bpmn': { processes: ['exclusive-gateway'] },
  'zeebe-spec/junit-extension/external-worker-test.bpmn': { processes: ['external-worker-test'] },
  'zeebe-spec/junit-extension/message-boundary-event.bpmn': {
    processes: ['message-boundary-event'],
  },
};

function bpmnFilesUnder(directory: string): string[] {
  return readdirSync(directory)
    .flatMap((name) => {
      const path = join(directory, name);
      return statSync(path).isDirectory()
        ? bpmnFilesUnder(path)
        : path.endsWith('.bpmn')
          ? [path]
          : [];
    })
    .sort();
}

const files = existsSync(CONFORMANCE_ROOT) ? bpmnFilesUnder(CONFORMANCE_ROOT) : [];

describe('conformance models (shared/conformance)', () => {
  it.skipIf(files.length > 0)(`skipped: no conformance folder at ${CONFORMANCE_ROOT}`, () => {});

  it.runIf(files.length > 0)(
    'has an expectation for every model and a model for every expectation',
    () => {
      expect(files.map((file) => relative(CONFORMANCE_ROOT, file))).toEqual(
        Object.keys(EXPECTED).sort(),
      );
    },
  );

  for (const file of files) {
    const name = relative(CONFORMANCE_ROOT, file);
    it(`reads ${name}`, async () => {
      // when
      const result = await readBpmn(readFileSync(file));
      // then
      const outcome = result.ok
        ? { processes: result.processes.map((process) => process.bpmnProcessId) }
        : {
            problems: result.problems.map(
              (problem) => `${problem.elementId ?? '(document)'}: ${problem.message}`,
            ),
          };
      expect(outcome).toEqual(EXPECTED[name]);
      if (result.ok) expect(result.warnings).toEqual([]);
    });
  }
});
