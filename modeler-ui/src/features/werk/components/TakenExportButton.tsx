import { useState } from 'react';
import { downloadText } from '../../../lib/download';
import { errorMessage } from '../../../lib/api';
import { getTaken, type TakenQuery } from '../api/taken';
import type { Taak } from '../api/types';
import { taakRowsCsv, toTaakRow } from '../utils/taakRows';

/** Beyond this a list is a report, not a werkvoorraad: Overzicht has those. */
const EXPORT_MAX = 5000;
const BATCH = 200;

/** Downloads every task of the current list (all pages, same filters and order) as CSV. */
export function TakenExportButton({ query }: { query: TakenQuery }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function exportAll() {
    setBusy(true);
    setError(null);
    try {
      const taken: Taak[] = [];
      for (let offset = 0; offset < EXPORT_MAX; offset += BATCH) {
        const page = await getTaken({ ...query, limit: BATCH, offset });
        taken.push(...page.taken);
        if (offset + BATCH >= page.total) break;
      }
      downloadText(`taken-${query.scope}.csv`, taakRowsCsv(taken.map(toTaakRow)));
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action button--small"
        onClick={() => void exportAll()}
        disabled={busy}
      >
        {busy ? 'Exporteren…' : 'Exporteren (CSV)'}
      </button>
      {error && (
        <p role="alert" className="utrecht-form-field-error-message">
          Exporteren is mislukt: {error}
        </p>
      )}
    </>
  );
}
