import { useEffect, useState } from 'react';

type Readiness = 'laden' | 'gereed' | 'niet gereed';

/** Application shell; the Werk, Beheer and Overzicht areas plug in here. */
export function App() {
  const [readiness, setReadiness] = useState<Readiness>('laden');
  useEffect(() => {
    fetch('/health/ready')
      .then((response) => setReadiness(response.ok ? 'gereed' : 'niet gereed'))
      .catch(() => setReadiness('niet gereed'));
  }, []);
  return (
    <main>
      <h1>Zaakstroom</h1>
      <p>Zaakgericht werken voor gemeenten.</p>
      <p role="status">Server: {readiness}</p>
    </main>
  );
}
