import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../../lib/api';
import { useSessionContext } from '../../../lib/session';
import { Alert } from '../../../components/Alert';
import { TextField } from '../../../components/TextField';
import { useResource } from '../../../lib/useResource';
import { getAuthConfig, oidcLoginUrl } from '../api/authConfig';
import { login } from '../api/session';
import { oidcFailureMessage } from './oidcFailureMessages';
import { ServerReadiness } from './ServerReadiness';

interface FieldErrors {
  username?: string;
  password?: string;
}

/** Only paths inside the app, so a crafted link cannot send someone elsewhere after login. */
function safeReturnPath(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { setSession } = useSessionContext();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const oidcFailure = params.get('fout');
  const [failure, setFailure] = useState<string | null>(
    oidcFailure ? oidcFailureMessage(oidcFailure) : null,
  );
  // Without an answer the page simply offers the password login.
  const authConfig = useResource('auth-config', getAuthConfig);
  const [busy, setBusy] = useState(false);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!username.trim()) errors.username = 'Vul uw gebruikersnaam in.';
    if (!password) errors.password = 'Vul uw wachtwoord in.';
    setFieldErrors(errors);
    if (errors.username || errors.password) {
      setFailure('Het formulier is niet volledig ingevuld.');
      return;
    }
    setBusy(true);
    try {
      const session = await login(username.trim(), password);
      setSession(session);
      void navigate(safeReturnPath(params.get('terug')), { replace: true });
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.status === 401
          ? 'Gebruikersnaam of wachtwoord is onjuist. Controleer beide en probeer het opnieuw.'
          : errorMessage(error),
      );
    } finally {
      setBusy(false);
    }
  }

  const notice = params.has('verlopen')
    ? 'Uw sessie is verlopen. Log opnieuw in om verder te werken.'
    : params.has('uitgelogd')
      ? 'U bent uitgelogd.'
      : null;

  return (
    <main id="main" className="login-page">
      <h1 className="utrecht-heading-1">Zaakstroom</h1>
      <p className="utrecht-paragraph">Zaakgericht werken voor gemeenten.</p>
      <h2 className="utrecht-heading-2">Inloggen</h2>
      {notice && <Alert type="info">{notice}</Alert>}
      {failure && (
        <Alert type="error" ref={failureRef} title="Inloggen is niet gelukt">
          {failure}
        </Alert>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <TextField
          id="login-username"
          label="Gebruikersnaam"
          value={username}
          onChange={setUsername}
          autoComplete="username"
          error={fieldErrors.username}
          required
        />
        <TextField
          id="login-password"
          label="Wachtwoord"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          error={fieldErrors.password}
          required
        />
        <div>
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action"
            disabled={busy}
          >
            {busy ? 'Bezig met inloggen…' : 'Inloggen'}
          </button>
        </div>
      </form>
      {authConfig.data?.oidc && (
        <div className="stack">
          <p className="utrecht-paragraph">Of log in via de inlogdienst van uw gemeente:</p>
          <div>
            <a
              href={oidcLoginUrl(safeReturnPath(params.get('terug')))}
              className="utrecht-button utrecht-button--secondary-action"
            >
              Inloggen met gemeente-account
            </a>
          </div>
        </div>
      )}
      <ServerReadiness />
    </main>
  );
}
