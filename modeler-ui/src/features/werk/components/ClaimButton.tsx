import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { hasRole, useCurrentUser } from '../../../lib/session';
import { claimTaak, unclaimTaak } from '../api/taken';
import type { Taak } from '../api/types';

interface ClaimButtonProps {
  taak: Taak;
  onChanged: (message: string) => void;
}

/** "Ken aan mij toe" for an open task of my group; "Geef vrij" for a task I hold. */
export function ClaimButton({ taak, onChanged }: ClaimButtonProps) {
  const user = useCurrentUser();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const myGroups = user.groups.map((group) => group.code);
  const inGroup =
    taak.candidateGroups.some((group) => myGroups.includes(group)) ||
    taak.candidateUsers.includes(user.username) ||
    hasRole(user, 'coordinator');
  const canClaim = taak.state === 'open' && !taak.assignee && inGroup;
  const canUnclaim =
    taak.state === 'claimed' && (taak.assignee === user.username || hasRole(user, 'coordinator'));
  if (!canClaim && !canUnclaim) return null;

  async function run() {
    setBusy(true);
    setError(null);
    try {
      if (canClaim) {
        await claimTaak(taak.id);
        onChanged(`Taak "${taak.name}" is aan u toegewezen.`);
      } else {
        await unclaimTaak(taak.id);
        onChanged(`Taak "${taak.name}" is vrijgegeven.`);
      }
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  const label = canClaim ? 'Ken aan mij toe' : 'Geef vrij';
  const errorId = `claim-error-${taak.id}`;
  return (
    <>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action button--small"
        onClick={() => void run()}
        disabled={busy}
        aria-describedby={error ? errorId : undefined}
      >
        {label}
        <span className="visually-hidden">: {taak.name}</span>
      </button>
      {error && (
        <p id={errorId} role="alert" className="utrecht-form-field-error-message">
          Fout: {error}
        </p>
      )}
    </>
  );
}
