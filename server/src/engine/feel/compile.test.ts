import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile.js';

/** The message of a failed result. */
function failureOf(result: { ok: true } | { ok: false; message: string }): string {
  if (result.ok) throw new Error('expected a failure');
  return result.message;
}

describe('compileExpression', () => {
  it('treats text without a leading = as a static string, kept verbatim', () => {
    // given attribute values as Zeebe models carry them
    const jobType = compileExpression('payment');
    const retries = compileExpression('3');

    // then they are static strings, even when they look like numbers
    expect(jobType).toMatchObject({ ok: true, expression: { isStatic: true, source: 'payment' } });
    expect(retries.ok && retries.expression.evaluate({})).toEqual({ ok: true, value: '3' });
  });

  it('recognises FEEL after leading whitespace and quotes it without the =', () => {
    // given an expression with whitespace around the =
    const compiled = compileExpression('  = x + 1 ');

    // then it is FEEL, and its source is the trimmed expression text
    expect(compiled).toMatchObject({ ok: true, expression: { isStatic: false, source: 'x + 1' } });
    expect(compiled.ok && compiled.expression.evaluate({ x: 1 })).toEqual({ ok: true, value: 2 });
  });

  it('rejects incomplete FEEL at compile time, quoting the expression', () => {
    // when an expression ends too early
    const result = compileExpression('=1 +');

    // then compilation fails and says what is wrong
    expect(result).toEqual({
      ok: false,
      message: "failed to parse expression '1 +': unexpected end of expression",
    });
  });

  it('names the unexpected token and its position', () => {
    // when an expression has a stray token
    const result = compileExpression('=x."y"');

    // then the message points at it
    expect(result).toEqual({
      ok: false,
      message: `failed to parse expression 'x."y"': unexpected '"y"' at position 3`,
    });
  });

  it('rejects an unterminated if and an empty expression', () => {
    expect(failureOf(compileExpression('=if a then 1'))).toContain("'if a then 1'");
    expect(compileExpression('=  ')).toEqual({
      ok: false,
      message: "failed to parse expression '': the expression is empty",
    });
  });

  it('parses multi-word built-ins that contain keywords, such as get or else', () => {
    // given a name that contains `or` and `else`
    const compiled = compileExpression('=get or else(x, 0)');

    // then it parses as one function name
    expect(compiled.ok && compiled.expression.evaluate({})).toEqual({ ok: true, value: 0 });
  });
});
