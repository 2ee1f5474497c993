import { describe, expect, it } from 'vitest';
import { compileUnaryTests } from './unaryTests.js';

function passes(text: string, input: unknown, variables: Record<string, unknown> = {}): boolean | string {
  const compiled = compileUnaryTests(text);
  if (!compiled.ok) return compiled.message;
  const result = compiled.tests.test(input as never, variables as never, Date.UTC(2026, 0, 1));
  return result.ok ? result.matched : result.message;
}

describe('compileUnaryTests', () => {
  it('matches comparisons, ranges, lists and negation', () => {
    expect(passes('>= 10', 12)).toBe(true);
    expect(passes('< 10', 12)).toBe(false);
    expect(passes('[1..5]', 3)).toBe(true);
    expect(passes('"a","b"', 'b')).toBe(true);
    expect(passes('not("a")', 'a')).toBe(false);
  });

  it('treats empty text and - as match-all', () => {
    expect(passes('', 'x')).toBe(true);
    expect(passes('-', null)).toBe(true);
  });

  it('sees the variables and the input as ?', () => {
    expect(passes('> limit', 5, { limit: 3 })).toBe(true);
    expect(passes('? * 2 = doubled', 4, { doubled: 8 })).toBe(true);
  });

  it('rejects broken syntax at compile time', () => {
    expect(passes('>= ', 1)).toMatch(/failed to parse unary tests '>='/);
  });
});
