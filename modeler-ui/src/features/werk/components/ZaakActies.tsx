import { useState } from 'react';
import { hasRole, useCurrentUser } from '../../../lib/session';
import type { ZaakAction } from '../api/zaken';
import type { ZaakDetail, ZaaktypeVersie } from '../api/types';
import { allowedZaakActions, zaakActionSpecs } from '../utils/zaakActions';
import { ZaakActionForm } from './ZaakActionForm';

interface ZaakActiesProps {
  zaak: ZaakDetail;
  zaaktype: ZaaktypeVersie | undefined;
  onChanged: (message: string) => void;
}

/** The actions allowed now; choosing one opens its form below the buttons. */
export function ZaakActies({ zaak, zaaktype, onChanged }: ZaakActiesProps) {
  const user = useCurrentUser();
  const [open, setOpen] = useState<ZaakAction | null>(null);
  if (!hasRole(user, 'behandelaar', 'coordinator')) return null;
  const actions = allowedZaakActions(zaak, zaaktype);
  return (
    <section aria-labelledby="acties-titel" className="zaak-acties">
      <h2 className="visually-hidden" id="acties-titel">
        Acties
      </h2>
      <div className="utrecht-button-group button-row">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            aria-expanded={open === action}
            aria-controls={open === action ? 'zaak-actie-formulier' : undefined}
            onClick={() => setOpen(open === action ? null : action)}
          >
            {zaakActionSpecs[action].label}
          </button>
        ))}
      </div>
      {open && (
        <ZaakActionForm
          key={open}
          zaak={zaak}
          zaaktype={zaaktype}
          spec={zaakActionSpecs[open]}
          onCancel={() => setOpen(null)}
          onDone={(message) => {
            setOpen(null);
            onChanged(message);
          }}
        />
      )}
    </section>
  );
}
