import { Link } from 'react-router';
import { hasRole, useCurrentUser } from '../../../lib/session';
import { useListParams } from '../hooks/useListParams';
import { WerklijstNav, type Werklijst } from './WerklijstNav';
import { TakenWerklijst } from './TakenWerklijst';
import { ZakenWerklijst } from './ZakenWerklijst';
import { SignaleringenCard } from './SignaleringenCard';

const titles: Record<Werklijst, string> = {
  mijn: 'Mijn taken',
  groep: 'Groepstaken',
  alle: 'Alle taken',
  zaken: 'Zaken-werkvoorraad',
};

/** The Werk start page: task lists and the zaken list, chosen with real links. */
export function WerkvoorraadPage() {
  const user = useCurrentUser();
  const { get } = useListParams();
  const isCoordinator = hasRole(user, 'coordinator');
  const requested = get('lijst') as Werklijst | null;
  const lijst: Werklijst =
    requested && requested in titles && (requested !== 'alle' || isCoordinator)
      ? requested
      : 'mijn';

  return (
    <section className="page">
      <div className="page-heading">
        <h1 className="utrecht-heading-1">Werkvoorraad</h1>
        <Link className="utrecht-button-link utrecht-button-link--primary-action" to="/zaken/nieuw">
          Zaak starten
        </Link>
      </div>
      <SignaleringenCard />
      <WerklijstNav current={lijst} showAll={isCoordinator} titles={titles} />
      <h2 className="utrecht-heading-2" id="werklijst-titel">
        {titles[lijst]}
      </h2>
      {lijst === 'zaken' ? (
        <ZakenWerklijst />
      ) : (
        <TakenWerklijst scope={lijst === 'mijn' ? 'mine' : lijst === 'groep' ? 'group' : 'all'} />
      )}
    </section>
  );
}
