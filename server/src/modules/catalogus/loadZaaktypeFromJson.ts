import { InputError } from '../../http/errors.js';
import { newZaaktypeSchema, type NewZaaktype } from './schemas.js';
import { parseInput } from './validation.js';

/**
 * Validates the contents of a `processes/<zaaktype>/zaaktype.json` file into the input for a new
 * concept (`CatalogusService.createConcept`). Accepts the file's text or its parsed JSON; errors
 * name the file and every offending field.
 */
export function loadZaaktypeFromJson(json: unknown, source = 'zaaktype.json'): NewZaaktype {
  let parsed = json;
  if (typeof json === 'string') {
    try {
      parsed = JSON.parse(json) as unknown;
    } catch (error) {
      throw new InputError(`${source} is not valid JSON: ${(error as Error).message}`, { source });
    }
  }
  return parseInput(newZaaktypeSchema, parsed, source);
}
