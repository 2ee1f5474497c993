import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile.js';
import { evaluateAs } from './typedEvaluation.js';
import type { CompiledExpression, FeelResult } from './types.js';

function feel(raw: string): CompiledExpression {
  const compiled = compileExpression(raw);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.expression;
}

/** The message of a failed result. */
function failureOf(result: { ok: true } | { ok: false; message: string }): string {
  if (result.ok) throw new Error('expected a failure');
  return result.message;
}

describe('evaluateAs', () => {
  it('passes results of the expected type through', () => {
    expect(evaluateAs(feel('=x > 1'), { x: 2 }, 'BOOLEAN')).toEqual({ ok: true, value: true });
    expect(evaluateAs(feel('=[1]'), {}, 'LIST')).toEqual({ ok: true, value: [1] });
    expect(evaluateAs(feel('={a: 1}'), {}, 'CONTEXT')).toEqual({ ok: true, value: { a: 1 } });
    expect(evaluateAs(feel('=key'), { key: 12 }, 'STRING_OR_NUMBER')).toEqual({
      ok: true,
      value: 12,
    });
    expect(evaluateAs(feel('=missing'), {}, 'ANY')).toEqual({ ok: true, value: null });
  });

  it('words a missing variable the way old Zeebe did', () => {
    // given a correlation key that refers to an absent variable
    const result = evaluateAs(feel('=key'), {}, 'STRING_OR_NUMBER');

    // then the message is the one the conformance specs expect
    expect(result).toEqual({
      ok: false,
      message: "failed to evaluate expression 'key': no variable found for name 'key'",
    });
  });

  it('names the missing variable inside a larger expression, and missing functions and entries', () => {
    expect(evaluateAs(feel('=x > 1'), {}, 'BOOLEAN')).toEqual({
      ok: false,
      message: "failed to evaluate expression 'x > 1': no variable found for name 'x'",
    });
    expect(evaluateAs(feel('=order.total'), { order: {} }, 'NUMBER')).toEqual({
      ok: false,
      message:
        "failed to evaluate expression 'order.total': no context entry found with key 'total'",
    });
    expect(evaluateAs(feel('=lookup(1)'), {}, 'STRING')).toEqual({
      ok: false,
      message: "failed to evaluate expression 'lookup(1)': no function found with name 'lookup'",
    });
  });

  it('reports a null without a missing variable as a type mismatch', () => {
    expect(evaluateAs(feel('=x > 1'), { x: null }, 'BOOLEAN')).toEqual({
      ok: false,
      message: "Expected result of the expression 'x > 1' to be 'BOOLEAN', but was 'NULL'.",
    });
  });

  it('reports other type mismatches with Zeebe’s type names', () => {
    const mismatch = (raw: string, expected: Parameters<typeof evaluateAs>[2]): FeelResult =>
      evaluateAs(feel(raw), {}, expected);
    expect(mismatch('="yes"', 'BOOLEAN')).toMatchObject({
      message: `Expected result of the expression '"yes"' to be 'BOOLEAN', but was 'STRING'.`,
    });
    expect(mismatch('=1', 'LIST')).toMatchObject({
      message: "Expected result of the expression '1' to be 'ARRAY', but was 'NUMBER'.",
    });
    expect(mismatch('=[1]', 'CONTEXT')).toMatchObject({
      message: "Expected result of the expression '[1]' to be 'OBJECT', but was 'ARRAY'.",
    });
    expect(mismatch('=true', 'STRING_OR_NUMBER')).toMatchObject({
      message:
        "Expected result of the expression 'true' to be one of '[STRING, NUMBER]', but was 'BOOLEAN'.",
    });
  });

  it('lists FEEL warnings after a mismatch they explain', () => {
    expect(evaluateAs(feel('=1 + "a"'), {}, 'NUMBER')).toEqual({
      ok: false,
      message:
        "Expected result of the expression '1 + \"a\"' to be 'NUMBER', but was 'NULL'. " +
        `The evaluation reported the following warnings:\n[INVALID_TYPE] Can't add '"a"' to '1'`,
    });
  });

  it('does not blame the variable an is defined check looked for', () => {
    expect(evaluateAs(feel('=if is defined(a) then a else null'), {}, 'STRING')).toEqual({
      ok: false,
      message:
        "Expected result of the expression 'if is defined(a) then a else null' to be 'STRING', but was 'NULL'.",
    });
  });

  it('accepts temporal values as STRING, in their ISO form', () => {
    expect(evaluateAs(feel('=duration("PT1H")'), {}, 'STRING')).toEqual({
      ok: true,
      value: 'PT1H',
    });
    expect(evaluateAs(feel('=date("2026-11-26")'), {}, 'STRING')).toEqual({
      ok: true,
      value: '2026-11-26',
    });
    expect(failureOf(evaluateAs(feel('=date("2026-11-26")'), {}, 'BOOLEAN'))).toContain(
      "but was 'DATE'",
    );
  });

  it('treats static values as strings, and numeric static text as a NUMBER when one is wanted', () => {
    expect(evaluateAs(feel('payment'), {}, 'STRING')).toEqual({ ok: true, value: 'payment' });
    expect(evaluateAs(feel('50'), {}, 'NUMBER')).toEqual({ ok: true, value: 50 });
    expect(evaluateAs(feel('true'), {}, 'BOOLEAN')).toMatchObject({
      message: "Expected result of the expression 'true' to be 'BOOLEAN', but was 'STRING'.",
    });
  });

  it('passes the evaluation failure on unchanged', () => {
    expect(evaluateAs(feel('=assert(1, false, "nope")'), {}, 'ANY')).toEqual({
      ok: false,
      message: `Assertion failure on evaluate the expression 'assert(1, false, "nope")': nope`,
    });
  });

  it('hands the engine clock to now()', () => {
    expect(evaluateAs(feel('=now()'), {}, 'STRING', Date.UTC(2026, 0, 2, 3, 4, 5))).toEqual({
      ok: true,
      value: '2026-01-02T03:04:05Z',
    });
  });

  it('works with expressions that only offer evaluate()', () => {
    // given a hand-made expression without inspect()
    const handMade: CompiledExpression = {
      source: 'x',
      isStatic: false,
      evaluate: () => ({ ok: true, value: 'text' }),
    };

    // then the type follows from the JSON value
    expect(evaluateAs(handMade, {}, 'STRING')).toEqual({ ok: true, value: 'text' });
    expect(evaluateAs(handMade, {}, 'NUMBER')).toMatchObject({
      message: "Expected result of the expression 'x' to be 'NUMBER', but was 'STRING'.",
    });
  });
});
