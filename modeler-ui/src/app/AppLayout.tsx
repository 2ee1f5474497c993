import { startTransition, useState } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { hasRole, useCurrentUser, useSessionContext } from '../lib/session';
import { useOngelezenSignaleringen } from '../features/werk';
import { logout } from '../features/auth';
import { areasFor } from './areas';

/** Header with the user and logout, the area navigation, and the page below. */
export function AppLayout() {
  const user = useCurrentUser();
  const { setSession } = useSessionContext();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const showsSignaleringen = hasRole(user, 'behandelaar', 'coordinator');
  const ongelezen = useOngelezenSignaleringen(showsSignaleringen);

  async function signOut() {
    setBusy(true);
    let endSessionUrl: string | undefined;
    try {
      ({ endSessionUrl } = await logout());
    } finally {
      if (endSessionUrl) {
        // Logged in with the gemeente-account: log out there too; the provider sends the browser back.
        window.location.assign(endSessionUrl);
      } else {
        // Even if the server call fails, this browser forgets the session. One transition with the
        // navigation, so the login guard never sees "no session" on the old page and redirects first.
        startTransition(() => {
          setSession(null);
          void navigate('/inloggen?uitgelogd=1', { replace: true });
        });
      }
    }
  }

  return (
    <div className="app">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        Naar de inhoud
      </a>
      <header className="app-header">
        <p className="app-header__brand">Zaakstroom</p>
        <nav aria-label="Hoofdnavigatie" className="app-nav">
          <ul>
            {areasFor(user.roles).map((area) => (
              <li key={area.path}>
                <NavLink to={area.path} className="app-nav__link">
                  {area.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {showsSignaleringen && ongelezen !== undefined && (
          <Link to="/werk" className="app-header__signaleringen">
            Signaleringen{' '}
            <span className="badge">
              {ongelezen}
              <span className="visually-hidden"> ongelezen</span>
            </span>
          </Link>
        )}
        <div className="app-header__user">
          <span>
            Ingelogd als <strong>{user.displayName}</strong>{' '}
            <span className="app-header__roles">({user.roles.join(', ')})</span>
          </span>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => void signOut()}
            disabled={busy}
          >
            Uitloggen
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
