/**
 * What the login page says when the server sends someone back from the gemeente-account login
 * (`/inloggen?fout=<code>`). Codes, not texts, travel in the link, so nobody can put words of
 * their own on this page.
 */
const oidcFailureMessages: Record<string, string> = {
  oidc_verlopen:
    'Het inloggen met uw gemeente-account is verlopen of in een ander venster begonnen. Probeer het opnieuw.',
  oidc_geweigerd:
    'Inloggen met uw gemeente-account is afgebroken of geweigerd. Probeer het opnieuw, of log in met gebruikersnaam en wachtwoord.',
  oidc_mislukt:
    'Inloggen met uw gemeente-account is niet gelukt: de inlogdienst gaf geen geldig antwoord. Probeer het later opnieuw; blijft het misgaan, neem dan contact op met de functioneel beheerder.',
  oidc_geen_rol:
    'Uw gemeente-account heeft geen rol in Zaakstroom (beheerder, behandelaar, coördinator of manager). Vraag uw beheerder om u een rol te geven.',
  oidc_naam_bezet:
    'Er bestaat in Zaakstroom al een ander account met uw gebruikersnaam. Vraag de functioneel beheerder dit op te lossen.',
  oidc_uitgeschakeld: 'Uw account in Zaakstroom is uitgeschakeld. Vraag de functioneel beheerder.',
};

/** The message for a `fout` code; a general one for codes this version does not know. */
export function oidcFailureMessage(code: string): string {
  return (
    oidcFailureMessages[code] ??
    'Inloggen met uw gemeente-account is niet gelukt. Probeer het opnieuw.'
  );
}
