import { useEffect, useState } from 'react';

type Readiness = 'laden' | 'gereed' | 'niet gereed';

/** Whether the server answers /health/ready, so a failed login is not blamed on the password. */
export function ServerReadiness() {
  const [readiness, setReadiness] = useState<Readiness>('laden');
  useEffect(() => {
    const controller = new AbortController();
    fetch('/health/ready', { signal: controller.signal })
      .then((response) => setReadiness(response.ok ? 'gereed' : 'niet gereed'))
      .catch(() => {
        if (!controller.signal.aborted) setReadiness('niet gereed');
      });
    return () => controller.abort();
  }, []);
  return (
    <p role="status" className="server-readiness">
      Server: {readiness}
    </p>
  );
}
