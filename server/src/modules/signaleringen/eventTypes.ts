/** The events an employee can be told about, with the label Werk → Instellingen shows. */
export const signaleringEventTypes = [
  'zaak_toegewezen_mij',
  'zaak_toegewezen_groep',
  'taak_toegewezen_mij',
  'taak_toegewezen_groep',
  'document_toegevoegd',
  'zaak_streefdatum_nadert',
  'zaak_fatale_datum_nadert',
  'taak_fatale_datum',
] as const;

export type SignaleringEventType = (typeof signaleringEventTypes)[number];

export const eventTypeLabels: Record<SignaleringEventType, string> = {
  zaak_toegewezen_mij: 'Een zaak is aan mij toegewezen',
  zaak_toegewezen_groep: 'Een zaak is aan mijn groep toegewezen',
  taak_toegewezen_mij: 'Een taak is aan mij toegewezen',
  taak_toegewezen_groep: 'Een taak is aan mijn groep toegewezen',
  document_toegevoegd: 'Een document is aan mijn zaak toegevoegd',
  zaak_streefdatum_nadert: 'Mijn zaak nadert de streefdatum',
  zaak_fatale_datum_nadert: 'Mijn zaak nadert de fatale datum',
  taak_fatale_datum: 'Mijn taak heeft de fatale datum bereikt',
};

/** Without a setting of their own, users see every event on the dashboard and get no e-mail. */
export const defaultSetting = { dashboard: true, email: false } as const;

/** Working days before a streef- or fatale datum that a zaak counts as near, unless its zaaktype says otherwise. */
export const defaultWerkdagenVoorDeadline = 5;
