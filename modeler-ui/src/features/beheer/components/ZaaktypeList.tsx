import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { copyVersion, listZaaktypen } from '../api/catalogus';
import { describeError } from '../api/http';
import type { ZaaktypeSummary } from '../api/types';
import { NewZaaktypeForm } from './NewZaaktypeForm';
import { VersionBadge, versionState } from './VersionBadge';

const versionLink = (identificatie: string, versie: number) =>
  `zaaktypen/${encodeURIComponent(identificatie)}/versies/${versie}/proces`;

/** Beheer's start page: every zaaktype with its versions. */
export function ZaaktypeList() {
  const navigate = useNavigate();
  const [zaaktypen, setZaaktypen] = useState<ZaaktypeSummary[]>();
  const [failure, setFailure] = useState<string>();
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => {
    listZaaktypen()
      .then(setZaaktypen)
      .catch((error: unknown) =>
        setFailure(`De zaaktypen konden niet worden geladen: ${describeError(error)}`),
      );
  }, []);
  useEffect(load, [load]);

  const copy = async (identificatie: string, versie: number) => {
    setFailure(undefined);
    try {
      const concept = await copyVersion(identificatie, versie);
      await navigate(versionLink(concept.identificatie, concept.versie));
    } catch (error) {
      setFailure(`Kopiëren is niet gelukt: ${describeError(error)}`);
    }
  };

  return (
    <section className="zs-beheer-list" aria-labelledby="zs-zaaktypen-heading">
      <div className="zs-heading-row">
        <h2 id="zs-zaaktypen-heading">Zaaktypen</h2>
        {!creating && (
          <button type="button" className="zs-button--primary" onClick={() => setCreating(true)}>
            Nieuw zaaktype
          </button>
        )}
      </div>
      {creating && <NewZaaktypeForm onCancel={() => setCreating(false)} />}
      {failure && (
        <p role="alert" className="zs-alert zs-alert--error">
          {failure}
        </p>
      )}
      {zaaktypen === undefined && !failure && <p role="status">Zaaktypen laden…</p>}
      {zaaktypen?.length === 0 && (
        <p>Er zijn nog geen zaaktypen. Maak er een met &quot;Nieuw zaaktype&quot;.</p>
      )}
      {zaaktypen && zaaktypen.length > 0 && (
        <table className="zs-table">
          <caption className="zs-visually-hidden">Zaaktypen en hun versies</caption>
          <thead>
            <tr>
              <th scope="col">Zaaktype</th>
              <th scope="col">Versie</th>
              <th scope="col">Omschrijving</th>
              <th scope="col">Status</th>
              <th scope="col">Versiedatum</th>
              <th scope="col">Geldig</th>
              <th scope="col">Acties</th>
            </tr>
          </thead>
          <tbody>
            {zaaktypen.flatMap((zaaktype) =>
              [...zaaktype.versies]
                .sort((a, b) => b.versie - a.versie)
                .map((version, index) => (
                  <tr key={`${zaaktype.identificatie}-${version.versie}`}>
                    {index === 0 ? (
                      <th scope="rowgroup" rowSpan={zaaktype.versies.length}>
                        {zaaktype.identificatie}
                        {zaaktype.versies.length > 1 && (
                          <>
                            <br />
                            <Link
                              to={`zaaktypen/${encodeURIComponent(zaaktype.identificatie)}/vergelijken`}
                            >
                              Versies vergelijken
                              <span className="zs-visually-hidden">
                                {' '}
                                ({zaaktype.identificatie})
                              </span>
                            </Link>
                          </>
                        )}
                      </th>
                    ) : null}
                    <td>{version.versie}</td>
                    <td>
                      <Link to={versionLink(zaaktype.identificatie, version.versie)}>
                        {version.omschrijving}
                      </Link>
                    </td>
                    <td>
                      <VersionBadge state={versionState(version)} />
                    </td>
                    <td>{version.versiedatum}</td>
                    <td>
                      {version.beginGeldigheid ?? '–'} t/m {version.eindeGeldigheid ?? '…'}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="zs-link-button"
                        onClick={() => void copy(zaaktype.identificatie, version.versie)}
                      >
                        Kopiëren naar nieuw concept
                        <span className="zs-visually-hidden">
                          {' '}
                          ({zaaktype.identificatie} versie {version.versie})
                        </span>
                      </button>
                    </td>
                  </tr>
                )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
