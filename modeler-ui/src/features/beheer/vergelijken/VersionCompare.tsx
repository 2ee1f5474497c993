import { useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { getVersion, listZaaktypen } from '../api/catalogus';
import { describeError } from '../api/http';
import type { VersionSummary, ZaaktypeVersion } from '../api/types';
import { diffMetadata } from './metadataDiff';
import { diffModels, type ElementSignature } from './modelDiff';
import { DiffCanvas } from './DiffCanvas';
import { modelXmlOf } from '../model/deployedModel';

interface Side {
  version: ZaaktypeVersion;
  xml: string | undefined;
}

/** Two versions of one zaaktype side by side: what changed in the data and in the diagram. */
export function VersionCompare() {
  const identificatie = useParams().identificatie ?? '';
  const [params, setParams] = useSearchParams();
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [sides, setSides] = useState<[Side, Side]>();
  const [elements, setElements] = useState<[ElementSignature[], ElementSignature[]]>([[], []]);
  const [failure, setFailure] = useState<string>();
  const newest = versions.at(-1)?.versie;
  const van = Number(params.get('van')) || (newest ? Math.max(1, newest - 1) : 0);
  const naar = Number(params.get('naar')) || newest || 0;

  useEffect(() => {
    listZaaktypen()
      .then((all) => {
        const found = all.find((z) => z.identificatie === identificatie);
        setVersions([...(found?.versies ?? [])].sort((a, b) => a.versie - b.versie));
      })
      .catch((error: unknown) => setFailure(describeError(error)));
  }, [identificatie]);

  useEffect(() => {
    if (!van || !naar) return;
    let current = true;
    const load = async (versie: number): Promise<Side> => {
      const version = await getVersion(identificatie, versie);
      return { version, xml: await modelXmlOf(version) };
    };
    Promise.all([load(van), load(naar)])
      .then((loaded) => {
        if (current) {
          setElements([[], []]);
          setSides(loaded);
        }
      })
      .catch((error: unknown) =>
        setFailure(`De versies konden niet worden geladen: ${describeError(error)}`),
      );
    return () => {
      current = false;
    };
  }, [identificatie, van, naar]);

  const metadata = useMemo(
    () => (sides ? diffMetadata(sides[0].version, sides[1].version) : []),
    [sides],
  );
  const model = useMemo(() => diffModels(elements[0], elements[1]), [elements]);
  const markers = useMemo(() => {
    const mark = (ids: string[], marker: string) =>
      Object.fromEntries(ids.map((id) => [id, marker]));
    return {
      older: { ...mark(model.removed, 'diff-removed'), ...mark(model.changed, 'diff-changed') },
      newer: { ...mark(model.added, 'diff-added'), ...mark(model.changed, 'diff-changed') },
    };
  }, [model]);
  const nameOf = (id: string) =>
    [...elements[1], ...elements[0]].find((element) => element.id === id)?.name || id;

  const choose = (key: 'van' | 'naar', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    if (!next.has(key === 'van' ? 'naar' : 'van'))
      next.set(key === 'van' ? 'naar' : 'van', String(key === 'van' ? naar : van));
    setParams(next);
  };

  return (
    <section className="zs-compare" aria-labelledby="zs-compare-heading">
      <p>
        <Link to="/beheer">← Alle zaaktypen</Link>
      </p>
      <h2 id="zs-compare-heading">Versies vergelijken: {identificatie}</h2>
      {failure && (
        <p role="alert" className="zs-alert zs-alert--error">
          {failure}
        </p>
      )}
      <div className="zs-compare__choice">
        {(['van', 'naar'] as const).map((key) => (
          <label key={key}>
            {key === 'van' ? 'Oude versie' : 'Nieuwe versie'}{' '}
            <select
              value={key === 'van' ? van : naar}
              onChange={(event) => choose(key, event.target.value)}
            >
              {versions.map((v) => (
                <option key={v.versie} value={v.versie}>
                  Versie {v.versie} ({v.status === 'published' ? 'gepubliceerd' : 'concept'})
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {sides && (
        <>
          <h3>Gegevens</h3>
          {metadata.length === 0 ? (
            <p>De gegevens van beide versies zijn gelijk.</p>
          ) : (
            <table className="zs-table">
              <caption className="zs-visually-hidden">Verschillen in de gegevens</caption>
              <thead>
                <tr>
                  <th scope="col">Onderdeel</th>
                  <th scope="col">Wijziging</th>
                  <th scope="col">Versie {sides[0].version.versie}</th>
                  <th scope="col">Versie {sides[1].version.versie}</th>
                </tr>
              </thead>
              <tbody>
                {metadata.map((change) => (
                  <tr key={`${change.label}-${change.kind}`}>
                    <th scope="row">{change.label}</th>
                    <td>{change.kind}</td>
                    <td className="zs-compare__value">{change.old}</td>
                    <td className="zs-compare__value">{change.new}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>Procesmodel</h3>
          <ul className="zs-compare__legend" aria-label="Verschillen in het procesmodel">
            <li>
              <span className="zs-swatch zs-swatch--added" aria-hidden="true" /> Toegevoegd (
              {model.added.length}): {model.added.map(nameOf).join(', ') || 'niets'}
            </li>
            <li>
              <span className="zs-swatch zs-swatch--removed" aria-hidden="true" /> Verwijderd (
              {model.removed.length}): {model.removed.map(nameOf).join(', ') || 'niets'}
            </li>
            <li>
              <span className="zs-swatch zs-swatch--changed" aria-hidden="true" /> Gewijzigd (
              {model.changed.length}): {model.changed.map(nameOf).join(', ') || 'niets'}
            </li>
          </ul>
          <div className="zs-diff">
            <DiffCanvas
              title={`Versie ${sides[0].version.versie}`}
              xml={sides[0].xml}
              markers={markers.older}
              onElements={(found) => setElements((current) => [found, current[1]])}
            />
            <DiffCanvas
              title={`Versie ${sides[1].version.versie}`}
              xml={sides[1].xml}
              markers={markers.newer}
              onElements={(found) => setElements((current) => [current[0], found])}
            />
          </div>
        </>
      )}
    </section>
  );
}
