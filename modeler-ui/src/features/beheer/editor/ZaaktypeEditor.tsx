import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { AutorisatiesPanel } from '../autorisaties/AutorisatiesPanel';
import { VersionBadge, versionState } from '../components/VersionBadge';
import { MetadataEditor } from '../gegevens/MetadataEditor';
import { referencedFormIds } from '../model/bpmnForms';
import { bpmnXmlOf, userTaskForms, withBpmnXml, withUserTaskForms } from '../model/versionContent';
import { PublishPanel } from '../publiceren/PublishPanel';
import { ProefrunPanel } from '../proefrun/ProefrunPanel';
import { EditorTabs, TABS, type TabPath } from './EditorTabs';
import { useGroups } from './useGroups';
import { useVersionDraft } from './useVersionDraft';

// The modeler and the form editor are large; they load when their tab is first opened.
const ProcessEditor = lazy(() => import('../proces/ProcessEditor'));
const FormsEditor = lazy(() => import('../formulieren/FormsEditor'));

const isTab = (value: string | undefined): value is TabPath => TABS.some((t) => t.path === value);

/** One zaaktype version: Proces, Formulieren, Gegevens and Publiceren, saved together. */
export function ZaaktypeEditor() {
  const params = useParams();
  const identificatie = params.identificatie ?? '';
  const versie = Number(params.versie);
  const tab = params['*'];
  const state = useVersionDraft(identificatie, versie);
  const { saved, draft, dirty, save, update } = state;
  const [processOpened, setProcessOpened] = useState(false);
  const readOnly = saved?.status !== 'concept';

  useEffect(() => {
    if (tab === 'proces') setProcessOpened(true);
  }, [tab]);

  // Ctrl+S / Cmd+S saves, wherever the focus is.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  // Leaving the page with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const groups = useGroups();
  const forms = useMemo(() => (draft ? userTaskForms(draft) : {}), [draft]);
  const formIds = useMemo(() => Object.keys(forms), [forms]);
  const catalogue = useMemo(
    () => ({
      statustypen: (draft?.statustypen ?? []).map((s) => s.omschrijving).filter(Boolean),
      resultaattypen: (draft?.resultaattypen ?? []).map((r) => r.omschrijving).filter(Boolean),
      roltypen: (draft?.roltypen ?? []).map((r) => r.omschrijving).filter(Boolean),
      informatieobjecttypen: (draft?.informatieobjecttypen ?? [])
        .map((i) => (i as { omschrijving?: string }).omschrijving ?? '')
        .filter(Boolean),
    }),
    [draft?.statustypen, draft?.resultaattypen, draft?.roltypen, draft?.informatieobjecttypen],
  );
  const xml = draft ? bpmnXmlOf(draft) : undefined;
  const referenced = useMemo(() => (xml ? referencedFormIds(xml) : []), [xml]);

  if (!isTab(tab)) return <Navigate to="proces" replace />;
  if (state.loadError)
    return (
      <p role="alert" className="zs-alert zs-alert--error">
        {state.loadError}
      </p>
    );
  if (!saved || !draft || xml === undefined) return <p role="status">Zaaktype laden…</p>;

  const fieldErrorCount = Object.keys(state.fieldErrors).length;
  return (
    <section className="zs-editor" aria-labelledby="zs-editor-heading">
      <p>
        <Link to="../../../..">← Alle zaaktypen</Link>
      </p>
      <div className="zs-heading-row">
        <h2 id="zs-editor-heading">
          {draft.omschrijving}{' '}
          <span className="zs-muted">
            ({identificatie}, versie {versie})
          </span>{' '}
          <VersionBadge state={versionState(saved)} />
        </h2>
        {!readOnly && (
          <div className="zs-actions">
            <span role="status" className="zs-muted">
              {state.saving
                ? 'Opslaan…'
                : dirty
                  ? 'Niet-opgeslagen wijzigingen'
                  : 'Alles opgeslagen'}
            </span>
            <button
              type="button"
              className="zs-button--primary"
              disabled={state.saving || !dirty}
              onClick={() => void save()}
              title="Ctrl+S"
            >
              Opslaan
            </button>
          </div>
        )}
      </div>
      {readOnly && (
        <p className="zs-alert zs-alert--info">
          Deze versie is gepubliceerd en kan niet meer worden gewijzigd. Kopieer haar op de lijst
          van zaaktypen naar een nieuw concept om iets te veranderen.
        </p>
      )}
      {state.saveError && (
        <div role="alert" className="zs-alert zs-alert--error">
          <p>{state.saveError}</p>
          {fieldErrorCount > 0 && (
            <ul>
              {Object.entries(state.fieldErrors).map(([path, message]) => (
                <li key={path}>
                  <Link to="../gegevens" relative="path">
                    {path}
                  </Link>
                  : {message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <EditorTabs errorsIn={fieldErrorCount > 0 ? ['gegevens'] : []} />
      <Suspense fallback={<p role="status">Editor laden…</p>}>
        {processOpened && (
          <div hidden={tab !== 'proces'} className="zs-tab-panel">
            <ProcessEditor
              xml={xml}
              catalogue={catalogue}
              formIds={formIds}
              active={tab === 'proces'}
              fileName={identificatie}
              onChange={(changed) => !readOnly && update((d) => withBpmnXml(d, changed))}
            />
          </div>
        )}
        {tab === 'formulieren' && (
          <div className="zs-tab-panel">
            <FormsEditor
              forms={forms}
              referencedIds={referenced}
              readOnly={readOnly}
              onChange={(changed) => update((d) => withUserTaskForms(d, changed))}
            />
          </div>
        )}
      </Suspense>
      {tab === 'gegevens' && (
        <div className="zs-tab-panel">
          <MetadataEditor
            identificatie={identificatie}
            content={draft}
            errors={state.fieldErrors}
            readOnly={readOnly}
            onChange={(changed) => update(() => changed)}
          />
        </div>
      )}
      {tab === 'publiceren' && (
        <div className="zs-tab-panel">
          <PublishPanel saved={saved} dirty={dirty} onPublished={state.replaceSaved} />
          <ProefrunPanel saved={saved} dirty={dirty} />
          <AutorisatiesPanel
            identificatie={identificatie}
            groups={groups}
            vertrouwelijkheidaanduiding={saved.vertrouwelijkheidaanduiding}
          />
        </div>
      )}
    </section>
  );
}
