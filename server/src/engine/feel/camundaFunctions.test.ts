import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile.js';
import type { FeelResult, JsonValue } from './types.js';

function evaluate(raw: string, variables: Record<string, JsonValue> = {}): FeelResult {
  const compiled = compileExpression(raw);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.expression.evaluate(variables);
}

/** The message of a failed result. */
function failureOf(result: { ok: true } | { ok: false; message: string }): string {
  if (result.ok) throw new Error('expected a failure');
  return result.message;
}

describe('is defined', () => {
  it('is true for an existing variable, even when it is null', () => {
    expect(evaluate('=is defined(x)', { x: null })).toEqual({ ok: true, value: true });
    expect(evaluate('=is defined(x)', { x: 0 })).toEqual({ ok: true, value: true });
    expect(evaluate('=is defined(x)')).toEqual({ ok: true, value: false });
  });

  it('follows paths into contexts', () => {
    expect(evaluate('=is defined(a.b.c)', { a: { b: { c: null } } })).toEqual({
      ok: true,
      value: true,
    });
    expect(evaluate('=is defined(a.b.c)', { a: { b: {} } })).toEqual({ ok: true, value: false });
    expect(evaluate('=is defined(a.b)', { a: null })).toEqual({ ok: true, value: false });
    expect(evaluate('=is defined(a.b)', { a: 5 })).toEqual({ ok: true, value: false });
  });

  it('sees names bound by for, quantifiers, functions and earlier context entries', () => {
    // given names that are local to the expression, some bound to null
    const forResult = evaluate(
      '=for x in [null, {y: null}, {}] return [is defined(x), is defined(x.y)]',
    );
    const contextResult = evaluate('={a: null, b: is defined(a), c: is defined(d)}');
    const functionResult = evaluate('=(function(p) is defined(p))(null)');

    // then they count as defined
    expect(forResult).toEqual({
      ok: true,
      value: [
        [true, false],
        [true, true],
        [true, false],
      ],
    });
    expect(contextResult).toEqual({ ok: true, value: { a: null, b: true, c: false } });
    expect(functionResult).toEqual({ ok: true, value: true });
  });

  it('checks the keys of each item in a filter', () => {
    const items: JsonValue[] = [{ b: null }, {}, { b: 1 }];
    expect(evaluate('=items[is defined(b)]', { items })).toEqual({
      ok: true,
      value: [{ b: null }, { b: 1 }],
    });
  });

  it('treats any computed value, null included, as defined', () => {
    expect(evaluate('=is defined(null)')).toEqual({ ok: true, value: true });
    expect(evaluate('=is defined(1 + 1)')).toEqual({ ok: true, value: true });
  });

  it('combines with other logic', () => {
    const expression = '=if is defined(zaak.besluit) then zaak.besluit else "geen"';
    expect(evaluate(expression, { zaak: {} })).toEqual({ ok: true, value: 'geen' });
    expect(evaluate(expression, { zaak: { besluit: 'toegekend' } })).toEqual({
      ok: true,
      value: 'toegekend',
    });
  });
});

describe('get or else', () => {
  it('returns the value unless it is null or missing', () => {
    expect(evaluate('=get or else(x, "default")', { x: 'set' })).toEqual({
      ok: true,
      value: 'set',
    });
    expect(evaluate('=get or else(x, "default")', { x: null })).toEqual({
      ok: true,
      value: 'default',
    });
    expect(evaluate('=get or else(x.y, 0)')).toEqual({ ok: true, value: 0 });
    expect(evaluate('=get or else(x, false)', { x: false })).toEqual({ ok: true, value: false });
  });
});

describe('assert', () => {
  it('returns the value when the condition holds', () => {
    expect(evaluate('=assert(x, x > 0)', { x: 3 })).toEqual({ ok: true, value: 3 });
  });

  it('fails the evaluation with the cause when it does not', () => {
    expect(evaluate('=assert(x, x > 0, "x must be positive")', { x: -1 })).toEqual({
      ok: false,
      message: `Assertion failure on evaluate the expression 'assert(x, x > 0, "x must be positive")': x must be positive`,
    });
  });

  it('has a default cause, and a null condition fails too', () => {
    expect(failureOf(evaluate('=assert(x, x != null)', { x: null }))).toContain(
      ': The condition is not fulfilled',
    );
    expect(evaluate('=assert(x, x > 0)').ok).toBe(false);
  });
});

describe('other Camunda built-ins', () => {
  it('is empty, is blank, trim', () => {
    expect(evaluate('=[is empty([]), is empty([1]), is blank("  "), trim("  a ")]')).toEqual({
      ok: true,
      value: [true, false, true, 'a'],
    });
  });

  it('partition, to json, from json, uuid', () => {
    expect(evaluate('=partition([1, 2, 3], 2)')).toEqual({ ok: true, value: [[1, 2], [3]] });
    expect(evaluate('=to json({a: [1, date("2026-01-02")]})')).toEqual({
      ok: true,
      value: '{"a":[1,"2026-01-02"]}',
    });
    expect(evaluate('=from json("{\\"a\\": null}")')).toEqual({ ok: true, value: { a: null } });
    const uuid = evaluate('=uuid()');
    expect(uuid.ok && uuid.value).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a variable named like a built-in stays readable when the built-in is not called', () => {
    expect(evaluate('=today', { today: 'maandag' })).toEqual({ ok: true, value: 'maandag' });
    expect(evaluate('=trim(x)', { x: ' a ', trim: 1 })).toEqual({ ok: true, value: 'a' });
  });
});
