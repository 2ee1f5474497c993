import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile.js';
import type { CompiledExpression, FeelResult, JsonValue } from './types.js';

function feel(raw: string): CompiledExpression {
  const compiled = compileExpression(raw);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.expression;
}

function evaluate(raw: string, variables: Record<string, JsonValue> = {}): FeelResult {
  return feel(raw).evaluate(variables);
}

/** The message of a failed result. */
function failureOf(result: { ok: true } | { ok: false; message: string }): string {
  if (result.ok) throw new Error('expected a failure');
  return result.message;
}

describe('FEEL evaluation', () => {
  it('does arithmetic on variables', () => {
    expect(evaluate('=order.total * 2 + 1', { order: { total: 20.5 } })).toEqual({
      ok: true,
      value: 42,
    });
    expect(evaluate('=10 / 4')).toEqual({ ok: true, value: 2.5 });
    expect(evaluate('=2 ** 10')).toEqual({ ok: true, value: 1024 });
  });

  it('works with strings', () => {
    expect(evaluate('="Zaak " + id', { id: 'Z-1' })).toEqual({ ok: true, value: 'Zaak Z-1' });
    expect(evaluate('=upper case(substring(name, 1, 3))', { name: 'gemeente' })).toEqual({
      ok: true,
      value: 'GEM',
    });
    expect(evaluate('=string join(["a", "b"], ", ")')).toEqual({ ok: true, value: 'a, b' });
    expect(evaluate('=contains(mail, "@")', { mail: 'a@b.nl' })).toEqual({ ok: true, value: true });
  });

  it('builds and reads lists', () => {
    expect(evaluate('=append(items, 4)', { items: [1, 2, 3] })).toEqual({
      ok: true,
      value: [1, 2, 3, 4],
    });
    expect(evaluate('=count(items) + sum(items)', { items: [1, 2, 3] })).toEqual({
      ok: true,
      value: 9,
    });
    expect(evaluate('=items[2]', { items: ['a', 'b'] })).toEqual({ ok: true, value: 'b' });
    expect(evaluate('=list contains(items, "b")', { items: ['a', 'b'] })).toEqual({
      ok: true,
      value: true,
    });
  });

  it('builds and reads contexts', () => {
    // given a context literal with nested values
    const result = evaluate('={id: zaak.id, status: "open", meta: {count: 1}}', {
      zaak: { id: 7 },
    });

    // then it becomes a JSON object
    expect(result).toEqual({ ok: true, value: { id: 7, status: 'open', meta: { count: 1 } } });
    expect(evaluate('=get value({a: 1}, "a")')).toEqual({ ok: true, value: 1 });
    expect(evaluate('=get entries({a: 1})')).toEqual({ ok: true, value: [{ key: 'a', value: 1 }] });
    expect(evaluate('=context put(c, "b", 2)', { c: { a: 1 } })).toEqual({
      ok: true,
      value: { a: 1, b: 2 },
    });
  });

  it('iterates with for and quantifiers', () => {
    expect(evaluate('=for x in items return x * 2', { items: [1, 2] })).toEqual({
      ok: true,
      value: [2, 4],
    });
    expect(evaluate('=some x in items satisfies x > 1', { items: [1, 2] })).toEqual({
      ok: true,
      value: true,
    });
    expect(evaluate('=every x in items satisfies x > 1', { items: [1, 2] })).toEqual({
      ok: true,
      value: false,
    });
  });

  it('branches with if', () => {
    const expression = feel('=if amount > 1000 then "manager" else "clerk"');
    expect(expression.evaluate({ amount: 5000 })).toEqual({ ok: true, value: 'manager' });
    expect(expression.evaluate({ amount: 10 })).toEqual({ ok: true, value: 'clerk' });
  });

  it('filters lists by condition, including bare boolean built-in calls', () => {
    const orders = [
      { id: 'A1', amount: 5 },
      { id: 'B2', amount: 50 },
    ];
    expect(evaluate('=orders[amount > 10].id', { orders })).toEqual({ ok: true, value: ['B2'] });
    expect(evaluate('=orders[item.amount < 10].id', { orders })).toEqual({
      ok: true,
      value: ['A1'],
    });
    // feelin alone would evaluate a bare call once for the whole list
    expect(evaluate('=orders[starts with(id, "A")].id', { orders })).toEqual({
      ok: true,
      value: ['A1'],
    });
  });

  it('yields null for a missing variable, as Zeebe does for untyped evaluation', () => {
    expect(evaluate('=missing')).toEqual({ ok: true, value: null });
    expect(evaluate('=order.total', { order: {} })).toEqual({ ok: true, value: null });
  });

  it('fails for results that have no JSON form', () => {
    expect(evaluate('=10 ** 400')).toEqual({
      ok: false,
      message:
        "failed to evaluate expression '10 ** 400': the result contains the number Infinity, which has no JSON form",
    });
    expect(failureOf(evaluate('=function(a) a'))).toContain('is a function');
    expect(failureOf(evaluate('=[1..3]'))).toContain('is a range');
    expect(evaluate('=[1, 10 ** 400]').ok).toBe(false);
  });

  it('reports a FEEL runtime failure instead of throwing', () => {
    // given an expression feelin cannot evaluate
    const result = evaluate('=x > > 1', { x: 1 });

    // then the failure is a result, quoting the expression
    expect(failureOf(result)).toMatch(/^failed to evaluate expression 'x > > 1': .+/);
  });

  it('keeps context keys such as __proto__ as plain entries', () => {
    const result = evaluate('=from json(text)', { text: '{"__proto__": {"polluted": true}}' });
    expect(result.ok && JSON.stringify(result.value)).toBe('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
