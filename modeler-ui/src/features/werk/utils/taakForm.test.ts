import { describe, expect, it } from 'vitest';
import { formProblemLines } from './taakForm';

describe('formProblemLines', () => {
  const schema = { components: [{ key: 'motivering', label: 'Motivering' }] };

  it('given the server refused form data, then each problem reads "Label: melding"', () => {
    expect(
      formProblemLines(
        [
          { path: 'besluit', label: 'Besluit', message: 'Kies een van de opties: ja, nee.' },
          { path: 'motivering', message: 'Dit veld is verplicht.' },
          { path: 'adres.straat', message: 'Dit veld is verplicht.' },
        ],
        schema,
      ),
    ).toEqual([
      'Besluit: Kies een van de opties: ja, nee.',
      'Motivering: Dit veld is verplicht.',
      'adres.straat: Dit veld is verplicht.',
    ]);
  });

  it('given no problems list, then there is nothing to show by field', () => {
    expect(formProblemLines(undefined, schema)).toEqual([]);
    expect(formProblemLines([{ path: 'x' }], null)).toEqual([]);
  });
});
