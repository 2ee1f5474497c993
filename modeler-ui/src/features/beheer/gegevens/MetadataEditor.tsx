import { VERTROUWELIJKHEIDAANDUIDINGEN, type VersionContent } from '../api/types';
import { ResultaattypenList, RoltypenList, StatustypenList } from './CatalogueLists';
import { CheckboxField, SelectField, TextField, type FieldErrors } from './fields';

interface MetadataEditorProps {
  identificatie: string;
  content: VersionContent;
  errors: FieldErrors;
  readOnly: boolean;
  onChange: (content: VersionContent) => void;
}

const DURATION_HINT = 'ISO 8601-duur, bijv. P8W (8 weken) of P42D (42 dagen)';

/** The Gegevens tab: the version's metadata, terms and catalogue lists. */
export function MetadataEditor({
  identificatie,
  content,
  errors,
  readOnly,
  onChange,
}: MetadataEditorProps) {
  const set = <K extends keyof VersionContent>(key: K, value: VersionContent[K]) =>
    onChange({ ...content, [key]: value });
  const text = (
    key:
      | 'omschrijving'
      | 'doel'
      | 'aanleiding'
      | 'onderwerp'
      | 'handelingInitiator'
      | 'handelingBehandelaar'
      | 'doorlooptijd',
    label: string,
    extra: { hint?: string; multiline?: boolean } = {},
  ) => (
    <TextField
      label={label}
      path={key}
      value={content[key]}
      errors={errors}
      readOnly={readOnly}
      {...extra}
      onChange={(v) => set(key, v ?? '')}
    />
  );
  return (
    <div className="zs-gegevens">
      <fieldset>
        <legend>Algemeen</legend>
        <div className="zs-field">
          <span className="zs-label">Identificatie</span>
          <span>{identificatie}</span>
        </div>
        {text('omschrijving', 'Omschrijving')}
        {text('onderwerp', 'Onderwerp')}
        {text('doel', 'Doel', { multiline: true })}
        {text('aanleiding', 'Aanleiding', { multiline: true })}
        <SelectField
          label="Intern of extern"
          path="indicatieInternOfExtern"
          value={content.indicatieInternOfExtern}
          options={['intern', 'extern']}
          errors={errors}
          readOnly={readOnly}
          onChange={(v) =>
            set('indicatieInternOfExtern', v as VersionContent['indicatieInternOfExtern'])
          }
        />
        {text('handelingInitiator', 'Handeling initiator', { hint: 'Bijv. aanvragen' })}
        {text('handelingBehandelaar', 'Handeling behandelaar', { hint: 'Bijv. behandelen' })}
        <SelectField
          label="Vertrouwelijkheidaanduiding"
          path="vertrouwelijkheidaanduiding"
          value={content.vertrouwelijkheidaanduiding}
          options={VERTROUWELIJKHEIDAANDUIDINGEN}
          errors={errors}
          readOnly={readOnly}
          onChange={(v) => set('vertrouwelijkheidaanduiding', v)}
        />
      </fieldset>
      <fieldset>
        <legend>Termijnen</legend>
        {text('doorlooptijd', 'Doorlooptijd (wettelijke termijn)', { hint: DURATION_HINT })}
        <TextField
          label="Servicenorm (eigen, kortere norm)"
          hint={`Optioneel. ${DURATION_HINT}`}
          path="servicenorm"
          value={content.servicenorm}
          errors={errors}
          readOnly={readOnly}
          optional
          onChange={(v) => set('servicenorm', v)}
        />
        <CheckboxField
          label="Opschorten mogelijk"
          path="opschortingEnAanhoudingMogelijk"
          checked={content.opschortingEnAanhoudingMogelijk}
          errors={errors}
          readOnly={readOnly}
          onChange={(v) => set('opschortingEnAanhoudingMogelijk', v)}
        />
        <CheckboxField
          label="Verlengen mogelijk"
          path="verlengingMogelijk"
          checked={content.verlengingMogelijk}
          errors={errors}
          readOnly={readOnly}
          onChange={(v) =>
            onChange({
              ...content,
              verlengingMogelijk: v,
              verlengingstermijn: v ? (content.verlengingstermijn ?? 'P6W') : null,
            })
          }
        />
        {content.verlengingMogelijk && (
          <TextField
            label="Verlengingstermijn"
            hint={DURATION_HINT}
            path="verlengingstermijn"
            value={content.verlengingstermijn}
            errors={errors}
            readOnly={readOnly}
            optional
            onChange={(v) => set('verlengingstermijn', v)}
          />
        )}
        <TextField
          label="Begin geldigheid"
          type="date"
          hint="Optioneel; zonder datum geldt de versie vanaf de dag van publiceren."
          path="beginGeldigheid"
          value={content.beginGeldigheid}
          errors={errors}
          readOnly={readOnly}
          optional
          onChange={(v) => set('beginGeldigheid', v)}
        />
        <TextField
          label="Einde geldigheid"
          type="date"
          hint="Optioneel."
          path="eindeGeldigheid"
          value={content.eindeGeldigheid}
          errors={errors}
          readOnly={readOnly}
          optional
          onChange={(v) => set('eindeGeldigheid', v)}
        />
      </fieldset>
      <StatustypenList
        items={content.statustypen}
        errors={errors}
        readOnly={readOnly}
        onChange={(v) => set('statustypen', v)}
      />
      <ResultaattypenList
        items={content.resultaattypen}
        errors={errors}
        readOnly={readOnly}
        onChange={(v) => set('resultaattypen', v)}
      />
      <RoltypenList
        items={content.roltypen}
        errors={errors}
        readOnly={readOnly}
        onChange={(v) => set('roltypen', v)}
      />
    </div>
  );
}
