import { Navigate } from 'react-router';
import { useCurrentUser } from '../lib/session';
import { areasFor } from './areas';

/** The start page is the first area the user may use. */
export function HomeRedirect() {
  const user = useCurrentUser();
  const first = areasFor(user.roles)[0];
  if (first) return <Navigate to={first.path} replace />;
  return (
    <section className="page">
      <h1 className="utrecht-heading-1">Welkom</h1>
      <p className="utrecht-paragraph">
        Uw account heeft nog geen rol voor Werk, Beheer of Overzicht.
      </p>
    </section>
  );
}
