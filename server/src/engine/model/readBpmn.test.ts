import { describe, expect, it } from 'vitest';
import { readBpmn } from './index.js';
import {
  errorsById,
  expectError,
  fixture,
  problemsOf,
  readInvalid,
  readValid,
} from './testing/fixtures.js';

describe('readBpmn', () => {
  it('reads a minimal process into an executable model', async () => {
    // when
    const [process, ...others] = await readValid('readBpmn.minimal');
    // then
    expect(others).toEqual([]);
    expect(process).toMatchObject({
      bpmnProcessId: 'minimal',
      name: 'Minimal',
      isExecutable: true,
    });
    expect(process!.process).toMatchObject({
      id: 'minimal',
      type: 'PROCESS',
      childIds: ['start', 'work', 'end'],
      noneStartEventId: 'start',
    });
    expect([...process!.elements.keys()]).toEqual(['minimal', 'start', 'work', 'end']);
    expect(process!.flows.get('toWork')).toMatchObject({
      sourceId: 'start',
      targetId: 'work',
      type: 'SEQUENCE_FLOW',
    });
  });

  it('returns frozen plain data: no moddle objects, no XML', async () => {
    // when
    const [process] = await readValid('readBpmn.minimal');
    const work = process!.elements.get('work')!;
    // then
    expect(Object.isFrozen(work)).toBe(true);
    expect(Object.isFrozen(work.incoming)).toBe(true);
    expect(Object.keys(work).some((key) => key.startsWith('$'))).toBe(false);
    expect(JSON.stringify({ ...work, job: undefined })).not.toContain('$type');
  });

  it('accepts a Buffer with a UTF-8 byte order mark', async () => {
    // given
    const buffer = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(fixture('readBpmn.minimal')),
    ]);
    // when
    const result = await readBpmn(buffer);
    // then
    expect(result.ok).toBe(true);
  });

  describe('safety', () => {
    it('rejects a DOCTYPE with an external entity before parsing', async () => {
      // given
      const xml = fixture('readBpmn.minimal').replace(
        '?>',
        '?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      );
      // when
      const result = await readBpmn(xml);
      // then
      expect(problemsOf(result)).toHaveLength(1);
      expect(problemsOf(result)[0]).toMatchObject({ severity: 'error' });
      expect(problemsOf(result)[0]?.message).toContain('<!DOCTYPE declaration (line 2, column 1)');
    });

    it('accepts markup quoted in comments and CDATA sections', async () => {
      // given
      const quoted =
        '<!-- <!DOCTYPE html> --><bpmn:documentation><![CDATA[<!DOCTYPE html><p>Mail</p>]]></bpmn:documentation>';
      const xml = fixture('readBpmn.minimal').replace(
        '<bpmn:startEvent id="start" />',
        `<bpmn:startEvent id="start">${quoted}</bpmn:startEvent>`,
      );
      // when
      const result = await readBpmn(xml);
      // then
      expect(result.ok).toBe(true);
    });

    it('rejects an ENTITY declaration even without a DOCTYPE keyword', async () => {
      const result = await readBpmn(`<!ENTITY lol "lol">${fixture('readBpmn.minimal')}`);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problems[0]!.message).toContain('<!ENTITY');
    });

    it('rejects documents over the size limit, 10 MiB by default', async () => {
      // given
      const xml = fixture('readBpmn.minimal');
      const huge = xml.replace(
        '</bpmn:definitions>',
        `<!--${'x'.repeat(10 * 1024 * 1024)}--></bpmn:definitions>`,
      );
      // when
      const small = await readBpmn(xml, { maxBytes: 100 });
      const tooBig = await readBpmn(huge);
      // then
      expect(problemsOf(small).map((p) => p.message)).toEqual([
        expect.stringContaining('limit of 100 bytes'),
      ]);
      expect(problemsOf(tooBig).map((p) => p.message)).toEqual([
        expect.stringContaining(`limit of ${10 * 1024 * 1024} bytes`),
      ]);
    });

    it('rejects bytes that are not UTF-8', async () => {
      const result = await readBpmn(Buffer.from([0x3c, 0xff, 0xfe, 0x3e]));
      expect(!result.ok && result.problems[0]!.message).toContain('UTF-8');
    });
  });

  describe('reader problems', () => {
    it('reports malformed XML with its line and column', async () => {
      // when
      const problems = await readInvalid('readBpmn.malformed');
      // then
      expect(problems[0]?.severity).toBe('error');
      expect(problems[0]?.message).toMatch(/not valid BPMN XML \(line 5, column \d+\)/);
    });

    it('reports text that is not XML at all', async () => {
      const result = await readBpmn('<bpmn:definitions');
      expect(!result.ok && result.problems[0]!.message).toContain('not valid BPMN XML');
    });

    it('collects unknown attributes and elements as warnings and still reads the model', async () => {
      // when
      const result = await readBpmn(fixture('readBpmn.unknown-extensions'));
      // then
      expect(result.ok).toBe(true);
      const messages = result.ok ? result.warnings.map((w) => w.message) : [];
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.stringContaining('unknown attribute <zeebe:noSuchAttribute>'),
          expect.stringContaining('zeebe:noSuchElement'),
        ]),
      );
      expect(messages.join('\n')).toMatch(/line \d+, column \d+/);
    });

    it('rejects duplicate ids, naming the id', async () => {
      const problems = await readInvalid('readBpmn.duplicate-ids');
      expectError(problems, 'start', "Duplicate id 'start'");
    });
  });

  describe('processes of the document', () => {
    it('reads every executable process, including those of a collaboration, and warns about the others', async () => {
      // when
      const result = await readBpmn(fixture('readBpmn.collaboration'));
      // then
      expect(result.ok && result.processes.map((p) => p.bpmnProcessId)).toEqual([
        'customer',
        'municipality',
      ]);
      const warnings = result.ok ? result.warnings : [];
      expect(warnings.map((w) => [w.elementId, w.severity])).toEqual([
        ['documentation', 'warning'],
      ]);
      expect(warnings[0]?.message).toContain('not executable');
    });

    it('rejects a document without any executable process', async () => {
      const problems = await readInvalid('readBpmn.not-executable');
      expect(errorsById(problems)).toEqual({
        '(document)': ['Must contain at least one executable process'],
      });
    });
  });
});
