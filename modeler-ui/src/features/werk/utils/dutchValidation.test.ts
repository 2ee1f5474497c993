import { describe, expect, it } from 'vitest';
import { inDutch } from './dutchValidation';

describe('inDutch', () => {
  it('translates the messages form-js writes, keeping their figures', () => {
    expect(inDutch('Field is required.')).toBe('Dit veld is verplicht.');
    expect(inDutch('Field must have maximum length of 80.')).toBe('Gebruik hoogstens 80 tekens.');
    expect(inDutch('Value is expected to have at most 2 decimal digits.')).toBe(
      'Gebruik hoogstens 2 cijfer(s) achter de komma.',
    );
    expect(inDutch('Field must be a valid email.')).toContain('e-mailadres');
  });

  it('leaves a message written by the form author alone', () => {
    expect(inDutch('Vul het kenteken in zonder streepjes.')).toBe(
      'Vul het kenteken in zonder streepjes.',
    );
  });
});
