import type { Zaak } from '../api/types';

/** Opgeschort, verlengd, afgehandeld, deelzaak: as text badges. */
export function ZaakIndicaties({ zaak }: { zaak: Zaak }) {
  const labels: string[] = [];
  if (zaak.opschorting.indicatie) labels.push('Opgeschort');
  if (zaak.verlenging) labels.push('Verlengd');
  if (zaak.einddatum) labels.push('Afgehandeld');
  if (zaak.hoofdzaak) labels.push('Deelzaak');
  if (labels.length === 0) return <span className="visually-hidden">Geen</span>;
  return (
    <ul className="badge-list">
      {labels.map((label) => (
        <li key={label} className="utrecht-badge-status badge">
          {label}
        </li>
      ))}
    </ul>
  );
}
