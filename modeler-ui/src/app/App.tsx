import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth';
import {
  InstellingenPage,
  WerkvoorraadPage,
  ZaakPage,
  TaakPage,
  ZaakStartenPage,
} from '../features/werk';
import { OverzichtPage } from '../features/overzicht';
import { SessionProvider } from './SessionProvider';
import { RequireRole, RequireSession } from './guards';
import { AppLayout } from './AppLayout';
import { HomeRedirect } from './HomeRedirect';
import { BeheerMount } from './BeheerMount';

const werkRoles = ['behandelaar', 'coordinator'] as const;
const zaakReaders = ['behandelaar', 'coordinator', 'manager', 'beheerder'] as const;

/** Routes of the three areas behind the login page. */
export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route path="/inloggen" element={<LoginPage />} />
          <Route
            element={
              <RequireSession>
                <AppLayout />
              </RequireSession>
            }
          >
            <Route index element={<HomeRedirect />} />
            <Route
              path="werk"
              element={
                <RequireRole roles={[...werkRoles]}>
                  <WerkvoorraadPage />
                </RequireRole>
              }
            />
            <Route
              path="zaken/nieuw"
              element={
                <RequireRole roles={[...werkRoles]}>
                  <ZaakStartenPage />
                </RequireRole>
              }
            />
            <Route
              path="werk/instellingen"
              element={
                <RequireRole roles={[...werkRoles]}>
                  <InstellingenPage />
                </RequireRole>
              }
            />
            <Route
              path="zaken/:id"
              element={
                <RequireRole roles={[...zaakReaders]}>
                  <ZaakPage />
                </RequireRole>
              }
            />
            <Route
              path="taken/:id"
              element={
                <RequireRole roles={[...werkRoles, 'manager', 'beheerder']}>
                  <TaakPage />
                </RequireRole>
              }
            />
            <Route
              path="beheer/*"
              element={
                <RequireRole roles={['beheerder']}>
                  <BeheerMount />
                </RequireRole>
              }
            />
            <Route
              path="overzicht"
              element={
                <RequireRole roles={['manager', 'coordinator']}>
                  <OverzichtPage />
                </RequireRole>
              }
            />
            <Route path="*" element={<NotFound />} />
          </Route>
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}

function NotFound() {
  return (
    <section className="page">
      <h1 className="utrecht-heading-1">Pagina niet gevonden</h1>
      <p className="utrecht-paragraph">Deze pagina bestaat niet. Gebruik de navigatie bovenaan.</p>
    </section>
  );
}
