import { useState } from 'react';
import { errorMessage } from './api';

/**
 * One request sent from a form or button: `busy` while it runs, then `done` (the success
 * message) or `failure` (what the server said). `submit` answers whether it succeeded.
 */
export function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(action: () => Promise<unknown>, success: string | null = null) {
    setDone(null);
    setFailure(null);
    setBusy(true);
    try {
      await action();
      setDone(success);
      return true;
    } catch (error) {
      setFailure(errorMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** Clears the outcome, e.g. when the form's own check refuses before sending. */
  function reset() {
    setDone(null);
    setFailure(null);
  }

  return { busy, failure, done, submit, reset };
}
