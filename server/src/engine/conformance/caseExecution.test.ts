import { describe, expect, it } from 'vitest';
import { jsonEquals } from './caseExecution.js';

describe('jsonEquals', () => {
  it.each([
    [1, 1.0, true],
    ['1', 1, false],
    [null, null, true],
    [null, {}, false],
    [{ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [[1, 2], [2, 1], false],
    [[], {}, false],
    [{ a: undefined }, { b: undefined }, false],
  ])('compares %j and %j: %s', (a, b, equal) => {
    expect(jsonEquals(a, b)).toBe(equal);
    expect(jsonEquals(b, a)).toBe(equal);
  });
});
