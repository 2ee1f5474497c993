import { describe, expect, it } from 'vitest';
import { isValidBsn } from './elfProef';

describe('isValidBsn', () => {
  it('accepts BSNs that pass the 11-proef', () => {
    expect(isValidBsn('999993653')).toBe(true);
    expect(isValidBsn('111222333')).toBe(true);
  });

  it('refuses wrong length, letters, a failed check and all zeros', () => {
    for (const bad of ['12345678', '1234567890', '99999365a', '999993654', '000000000'])
      expect(isValidBsn(bad), bad).toBe(false);
  });
});
