import { describe, expect, it } from 'vitest';
import { applyMappingTarget, checkMappingTarget } from './mappingTarget.js';
import type { JsonValue } from './types.js';

const none = (): JsonValue | undefined => undefined;

describe('applyMappingTarget', () => {
  it('writes a plain target as the variable itself', () => {
    expect(applyMappingTarget('result', 42, none)).toEqual({ name: 'result', value: 42 });
  });

  it('creates nested contexts for a dotted target', () => {
    // given no variable `request` yet
    // when `request.amount.value` is written
    const written = applyMappingTarget('request.amount.value', 42, none);

    // then the root variable holds the nested contexts
    expect(written).toEqual({ name: 'request', value: { amount: { value: 42 } } });
  });

  it('extends an existing context without touching the original', () => {
    // given an existing variable with siblings along the path
    const existing: JsonValue = { id: 7, amount: { currency: 'EUR' } };

    // when a nested entry is written
    const written = applyMappingTarget('order.amount.value', 10, (name) =>
      name === 'order' ? existing : undefined,
    );

    // then siblings survive, and the existing value is not mutated
    expect(written).toEqual({
      name: 'order',
      value: { id: 7, amount: { currency: 'EUR', value: 10 } },
    });
    expect(existing).toEqual({ id: 7, amount: { currency: 'EUR' } });
  });

  it('replaces a non-context on the path by a context', () => {
    expect(applyMappingTarget('a.b', 1, () => 'text')).toEqual({ name: 'a', value: { b: 1 } });
    expect(applyMappingTarget('a.b.c', 1, () => ({ b: [1] }))).toEqual({
      name: 'a',
      value: { b: { c: 1 } },
    });
  });

  it('tolerates spaces around the dots', () => {
    expect(applyMappingTarget(' a . b ', 1, none)).toEqual({ name: 'a', value: { b: 1 } });
  });

  it('keeps a __proto__ segment an ordinary key', () => {
    const written = applyMappingTarget('a.__proto__.polluted', true, none);
    expect(JSON.stringify(written.value)).toBe('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('checkMappingTarget', () => {
  it('accepts names and dotted paths, rejects empty segments', () => {
    expect(checkMappingTarget('a.b')).toBeUndefined();
    expect(checkMappingTarget('a..b')).toMatch(/'a\.\.b'/);
    expect(checkMappingTarget('')).toBeDefined();
  });
});
