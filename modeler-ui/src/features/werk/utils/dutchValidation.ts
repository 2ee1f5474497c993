/**
 * form-js writes its validation messages in English and has no translation hook for them; this
 * module wraps its validator so every message reaches the behandelaar in Dutch.
 */
const translations: Array<[RegExp, (...parts: string[]) => string]> = [
  [/^Field is required\.$/, () => 'Dit veld is verplicht.'],
  [/^Value is not a number\.$/, () => 'Vul een getal in.'],
  [/^Value is expected to be an integer\.$/, () => 'Vul een geheel getal in.'],
  [
    /^Value is expected to have at most (\d+) decimal digits?\.$/,
    (digits) => `Gebruik hoogstens ${digits} cijfer(s) achter de komma.`,
  ],
  [
    /^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (low, high) => `Kies een geldige waarde; de dichtstbijzijnde zijn ${low} en ${high}.`,
  ],
  [
    /^Field must match pattern (.+)\.$/,
    (pattern) => `De invoer heeft niet de juiste vorm (${pattern}).`,
  ],
  [/^Field must have minimum value of (.+)\.$/, (min) => `De waarde moet minstens ${min} zijn.`],
  [/^Field must have maximum value of (.+)\.$/, (max) => `De waarde mag hoogstens ${max} zijn.`],
  [/^Field must have minimum length of (.+)\.$/, (min) => `Gebruik minstens ${min} tekens.`],
  [/^Field must have maximum length of (.+)\.$/, (max) => `Gebruik hoogstens ${max} tekens.`],
  [
    /^Field must be a valid\s+international phone number/,
    () => 'Vul een geldig internationaal telefoonnummer in, bijvoorbeeld +31612345678.',
  ],
  [
    /^Field must be a valid email\.$/,
    () => 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
  ],
];

/** The Dutch text of a form-js message; messages of the form's own author pass unchanged. */
export function inDutch(message: string): string {
  for (const [pattern, translate] of translations) {
    const match = pattern.exec(message);
    if (match) return translate(...match.slice(1));
  }
  return message;
}

type Validate = (...args: unknown[]) => string[];
interface FormJsValidator {
  validateField: Validate;
  validateFieldInstance: Validate;
}

/** Wraps the validator service of one form instance (form-js' `additionalModules`). */
function DutchValidation(validator: FormJsValidator) {
  for (const method of ['validateField', 'validateFieldInstance'] as const) {
    const original = validator[method].bind(validator);
    validator[method] = (...args: unknown[]) => original(...args).map(inDutch);
  }
}
DutchValidation.$inject = ['validator'];

export const dutchValidationModule = {
  __init__: ['dutchValidation'],
  dutchValidation: ['type', DutchValidation],
};
