import { useCallback, useEffect, useState } from 'react';
import { getVersion, updateVersion } from '../api/catalogus';
import { ApiError, describeError } from '../api/http';
import type { VersionContent, ZaaktypeVersion } from '../api/types';
import type { FieldErrors } from '../gegevens/fields';
import { embedForms, embeddedForms, processIdOf } from '../model/bpmnForms';
import { withDeployedModel } from '../model/deployedModel';
import { newDiagramXml, processIdFor } from '../model/newDiagram';
import {
  bpmnXmlOf,
  contentOf,
  userTaskForms,
  withBpmnXml,
  withUserTaskForms,
} from '../model/versionContent';

/** The editable content of a loaded version: a model to start from, and the model's embedded forms. */
function draftOf(version: ZaaktypeVersion): VersionContent {
  let content = contentOf(version);
  const xml =
    bpmnXmlOf(content) ??
    newDiagramXml(
      version.bpmnProcessId ?? processIdFor(version.identificatie),
      version.omschrijving,
    );
  content = withBpmnXml(content, xml);
  return withUserTaskForms(content, { ...embeddedForms(xml), ...userTaskForms(content) });
}

/** What a save sends: the forms embedded in the model, and the version bound to the model's process id. */
function toSave(draft: VersionContent, saved: ZaaktypeVersion): VersionContent {
  const xml = bpmnXmlOf(draft);
  if (xml === undefined) return draft;
  const processId = processIdOf(xml) ?? draft.bpmnProcessId;
  const rebound = processId !== saved.bpmnProcessId;
  return withBpmnXml(
    {
      ...draft,
      bpmnProcessId: processId ?? null,
      // A deployed version of another process id no longer applies.
      processVersion: rebound ? null : draft.processVersion,
      processDefinitionKey: rebound ? null : draft.processDefinitionKey,
    },
    embedForms(xml, userTaskForms(draft)),
  );
}

export interface VersionDraft {
  saved?: ZaaktypeVersion;
  draft?: VersionContent;
  dirty: boolean;
  loadError?: string;
  saveError?: string;
  fieldErrors: FieldErrors;
  saving: boolean;
  update: (change: (draft: VersionContent) => VersionContent) => void;
  save: () => Promise<void>;
  replaceSaved: (version: ZaaktypeVersion) => void;
}

export function useVersionDraft(identificatie: string, versie: number): VersionDraft {
  const [saved, setSaved] = useState<ZaaktypeVersion>();
  const [draft, setDraft] = useState<VersionContent>();
  const [dirty, setDirty] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const [saveError, setSaveError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  const replaceSaved = useCallback((version: ZaaktypeVersion) => {
    setSaved(version);
    setDraft(draftOf(version));
    // A concept without a model starts from a new diagram, which still has to be saved.
    setDirty(version.status === 'concept' && bpmnXmlOf(contentOf(version)) === undefined);
  }, []);

  useEffect(() => {
    setSaved(undefined);
    setLoadError(undefined);
    getVersion(identificatie, versie)
      .then(withDeployedModel)
      .then(replaceSaved)
      .catch((error: unknown) =>
        setLoadError(
          `Versie ${versie} van ${identificatie} kon niet worden geladen: ${describeError(error)}`,
        ),
      );
  }, [identificatie, versie, replaceSaved]);

  const update = useCallback((change: (draft: VersionContent) => VersionContent) => {
    setDraft((current) => (current ? change(current) : current));
    setDirty(true);
  }, []);

  const save = useCallback(async () => {
    if (!draft || !saved || saved.status !== 'concept') return;
    setSaving(true);
    setSaveError(undefined);
    try {
      const result = await updateVersion(identificatie, versie, toSave(draft, saved));
      setFieldErrors({});
      setSaved(result);
      setDirty(false);
    } catch (error) {
      const problems = error instanceof ApiError ? error.fieldProblems() : [];
      setFieldErrors(Object.fromEntries(problems.map((p) => [p.path, p.message])));
      setSaveError(`Opslaan is niet gelukt: ${describeError(error)}`);
    } finally {
      setSaving(false);
    }
  }, [draft, saved, identificatie, versie]);

  return {
    saved,
    draft,
    dirty,
    loadError,
    saveError,
    fieldErrors,
    saving,
    update,
    save,
    replaceSaved,
  };
}
