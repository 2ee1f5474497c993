import type { ZaakRol } from '../api/types';

const soort: Record<ZaakRol['betrokkene']['type'], string> = {
  natuurlijk_persoon: 'Inwoner',
  niet_natuurlijk_persoon: 'Bedrijf of instelling',
  medewerker: 'Medewerker',
};

/** Only the last digits of a BSN are shown: enough to check it with the caller on the phone. */
function maskedBsn(bsn: string): string {
  return `•••••${bsn.slice(-4)}`;
}

function identification(betrokkene: ZaakRol['betrokkene']): string {
  if (betrokkene.bsn) return `BSN ${maskedBsn(betrokkene.bsn)}`;
  if (betrokkene.kvkNummer) return `KvK ${betrokkene.kvkNummer}`;
  return betrokkene.username ?? '';
}

/** Betrokkenen: the zaak's rollen (initiator, behandelaar, belanghebbenden …). */
export function ZaakBetrokkenen({ rollen }: { rollen: ZaakRol[] }) {
  return (
    <section className="card" aria-labelledby="betrokkenen-titel">
      <h2 id="betrokkenen-titel" className="utrecht-heading-2">
        Betrokkenen
      </h2>
      {rollen.length === 0 ? (
        <p className="utrecht-paragraph">Er zijn geen betrokkenen vastgelegd.</p>
      ) : (
        <table className="utrecht-table utrecht-table--html-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {['Rol', 'Naam', 'Soort', 'Identificatie', 'E-mail'].map((label) => (
                <th key={label} scope="col" className="utrecht-table__header-cell">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rollen.map((rol) => (
              <tr key={rol.id} className="utrecht-table__row">
                <td className="utrecht-table__cell">{rol.roltype}</td>
                <td className="utrecht-table__cell">{rol.betrokkene.naam ?? '—'}</td>
                <td className="utrecht-table__cell">{soort[rol.betrokkene.type]}</td>
                <td className="utrecht-table__cell">{identification(rol.betrokkene) || '—'}</td>
                <td className="utrecht-table__cell">{rol.betrokkene.email ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
