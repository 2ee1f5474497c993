import { errorMessage } from '../../../lib/api';
import { SelectField } from '../../../components/SelectField';
import { uploadDocument } from '../api/documenten';

export interface Bijlagen {
  bestanden: File[];
  documenttype: string;
}

interface ZaakBijlagenProps {
  value: Bijlagen;
  /** The zaaktype's documenttypen; empty: the zaaktype names none and any type will do. */
  documenttypen: string[];
  onChange: (value: Bijlagen) => void;
}

/** Attachments received with the request, added to the new zaak as documents. */
export function ZaakBijlagen({ value, documenttypen, onChange }: ZaakBijlagenProps) {
  return (
    <fieldset className="utrecht-form-fieldset form-field">
      <legend className="utrecht-form-fieldset__legend">Bijlagen (optioneel)</legend>
      <div className="utrecht-form-field form-field">
        <label className="utrecht-form-label" htmlFor="zaak-bijlagen">
          Bestanden
        </label>
        <input
          id="zaak-bijlagen"
          type="file"
          multiple
          className="utrecht-textbox"
          onChange={(event) => onChange({ ...value, bestanden: [...(event.target.files ?? [])] })}
        />
      </div>
      {documenttypen.length > 0 && value.bestanden.length > 0 && (
        <SelectField
          id="zaak-bijlagen-type"
          label="Documenttype van de bijlagen"
          value={value.documenttype || documenttypen[0]!}
          options={documenttypen.map((type) => ({ value: type, label: type }))}
          onChange={(documenttype) => onChange({ ...value, documenttype })}
          required
        />
      )}
    </fieldset>
  );
}

/** Uploads the attachments one by one; says which could not be added and why. */
export async function uploadBijlagen(
  zaakId: string,
  bijlagen: Bijlagen,
  documenttypen: string[],
): Promise<{ toegevoegd: number; mislukt: string[] }> {
  const documenttype = bijlagen.documenttype || documenttypen[0] || 'Bijlage';
  const mislukt: string[] = [];
  for (const bestand of bijlagen.bestanden) {
    try {
      await uploadDocument(zaakId, {
        bestand,
        titel: bestand.name,
        informatieobjecttype: documenttype,
      });
    } catch (cause) {
      mislukt.push(`${bestand.name}: ${errorMessage(cause)}`);
    }
  }
  return { toegevoegd: bijlagen.bestanden.length - mislukt.length, mislukt };
}
