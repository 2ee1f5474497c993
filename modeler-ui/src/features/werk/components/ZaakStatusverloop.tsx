import { formatDateTime } from '../../../lib/format';
import type { ZaakDetail } from '../api/types';

/** The statussen the zaak went through, oldest first, with when and why. */
export function ZaakStatusverloop({ zaak }: { zaak: ZaakDetail }) {
  return (
    <section className="card" aria-labelledby="statusverloop-titel">
      <h2 className="utrecht-heading-2" id="statusverloop-titel">
        Statusverloop
      </h2>
      {zaak.statussen.length === 0 ? (
        <p>Nog geen status gezet.</p>
      ) : (
        <ol className="zs-statusverloop">
          {zaak.statussen.map((status, index) => (
            <li key={`${status.datumStatusGezet}-${index}`} className="zs-statusverloop__stap">
              <strong>{status.statustype}</strong>{' '}
              <span className="cell-note">
                {formatDateTime(status.datumStatusGezet)}
                {status.toelichting ? ` — ${status.toelichting}` : ''}
              </span>
            </li>
          ))}
          {zaak.einddatum && zaak.resultaat && (
            <li className="zs-statusverloop__stap">
              <strong>Afgesloten: {zaak.resultaat.resultaattype}</strong>
            </li>
          )}
        </ol>
      )}
    </section>
  );
}
