import { describe, expect, it } from 'vitest';
import { formatFileSize, megabytes } from './fileSize';

describe('formatFileSize', () => {
  it('says bytes, kB and MB the Dutch way', () => {
    expect(formatFileSize(850)).toBe('850 bytes');
    expect(formatFileSize(12_800)).toBe('12,5 kB');
    expect(formatFileSize(3_355_443)).toBe('3,2 MB');
  });

  it('counts a megabyte as the server does', () => {
    expect(megabytes(20)).toBe(20_971_520);
    expect(megabytes(0.0625)).toBe(65_536);
  });
});
