/** Dutch words for the audit actions the server records; unknown ones are shown as they are. */
const labels: Record<string, string> = {
  'zaak.aangemaakt': 'Zaak aangemaakt',
  'zaak.proces_gestart': 'Proces gestart',
  'zaak.status_gezet': 'Status gezet',
  'zaak.resultaat_gezet': 'Resultaat vastgelegd',
  'zaak.afgesloten': 'Zaak afgesloten',
  'zaak.heropend': 'Zaak heropend',
  'zaak.opgeschort': 'Zaak opgeschort',
  'zaak.hervat': 'Zaak hervat',
  'zaak.verlengd': 'Zaak verlengd',
  'zaak.notitie_toegevoegd': 'Notitie toegevoegd',
  'zaak.rol_toegevoegd': 'Betrokkene toegevoegd',
  'document.toegevoegd': 'Document toegevoegd',
  'document.verwijderd': 'Document verwijderd',
  'taak.aangemaakt': 'Taak aangemaakt',
  'taak.geclaimd': 'Taak toegewezen',
  'taak.vrijgegeven': 'Taak vrijgegeven',
  'taak.toegewezen': 'Taak toegewezen',
  'taak.afgerond': 'Taak afgerond',
};

export function auditLabel(action: string): string {
  return labels[action] ?? action;
}
