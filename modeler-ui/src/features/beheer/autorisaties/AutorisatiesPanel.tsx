import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  grantAutorisatie,
  listAutorisaties,
  revokeAutorisatie,
  type Autorisatie,
  type Vertrouwelijkheidaanduiding,
} from '../api/autorisaties';
import { describeError } from '../api/http';
import { VERTROUWELIJKHEIDAANDUIDINGEN } from '../api/types';
import type { Group } from '../editor/useGroups';

interface AutorisatiesPanelProps {
  identificatie: string;
  groups: Group[];
  /** The version's own aanduiding: the least a team needs to start and see its zaken. */
  vertrouwelijkheidaanduiding: string;
}

const aanduidingOf = (value: string): Vertrouwelijkheidaanduiding =>
  VERTROUWELIJKHEIDAANDUIDINGEN.find((v) => v === value) ?? 'zaakvertrouwelijk';

/**
 * Which teams may start, see and work on zaken of this zaaktype (for all its versions, effective
 * at once). Without one, no behandelaar can start a zaak of a newly published zaaktype.
 */
export function AutorisatiesPanel(props: AutorisatiesPanelProps) {
  const { identificatie, groups } = props;
  const [autorisaties, setAutorisaties] = useState<Autorisatie[]>();
  const [groep, setGroep] = useState('');
  const [max, setMax] = useState(aanduidingOf(props.vertrouwelijkheidaanduiding));
  const [failure, setFailure] = useState<string>();

  const load = useCallback(() => {
    listAutorisaties(identificatie)
      .then(setAutorisaties)
      .catch((error: unknown) =>
        setFailure(`De autorisaties konden niet worden geladen: ${describeError(error)}`),
      );
  }, [identificatie]);
  useEffect(load, [load]);

  const change = async (action: () => Promise<unknown>, what: string) => {
    setFailure(undefined);
    try {
      await action();
      setGroep('');
      load();
    } catch (error) {
      setFailure(`${what} is niet gelukt: ${describeError(error)}`);
    }
  };
  const grant = (event: FormEvent) => {
    event.preventDefault();
    if (!groep) return setFailure('Kies het team dat toegang krijgt.');
    void change(() => grantAutorisatie(groep, identificatie, max), 'Toegang geven');
  };
  const naam = (code: string) => groups.find((g) => g.code === code)?.naam ?? code;

  return (
    <section className="zs-card" aria-labelledby="zs-autorisaties-heading">
      <h3 id="zs-autorisaties-heading">Toegang van teams</h3>
      <p className="zs-help">
        Alleen teams met toegang kunnen zaken van dit zaaktype starten, zien en behandelen; geef in
        elk geval het team van de taken toegang. Geldt direct, voor alle versies.
      </p>
      {failure && (
        <p role="alert" className="zs-alert zs-alert--error">
          {failure}
        </p>
      )}
      {autorisaties?.length === 0 && <p>Nog geen team heeft toegang.</p>}
      {autorisaties && autorisaties.length > 0 && (
        <ul aria-label="Teams met toegang">
          {autorisaties.map((a) => (
            <li key={a.groep}>
              {naam(a.groep)}, tot en met {a.maxVertrouwelijkheidaanduiding}{' '}
              <button
                type="button"
                className="zs-link-button"
                onClick={() =>
                  void change(() => revokeAutorisatie(a.groep, identificatie), 'Intrekken')
                }
              >
                Toegang intrekken ({naam(a.groep)})
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="zs-actions" onSubmit={grant} noValidate>
        <label htmlFor="zs-autorisatie-groep">Team</label>
        <select id="zs-autorisatie-groep" value={groep} onChange={(e) => setGroep(e.target.value)}>
          <option value="">Kies…</option>
          {groups.map((g) => (
            <option key={g.code} value={g.code}>
              {g.naam}
            </option>
          ))}
        </select>
        <label htmlFor="zs-autorisatie-max">Tot en met</label>
        <select
          id="zs-autorisatie-max"
          value={max}
          onChange={(e) => setMax(e.target.value as Vertrouwelijkheidaanduiding)}
        >
          {VERTROUWELIJKHEIDAANDUIDINGEN.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
        <button type="submit">Toegang geven</button>
      </form>
    </section>
  );
}
