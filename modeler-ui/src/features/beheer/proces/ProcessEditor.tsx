import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { createModeler, linkStandardTemplates, type Modeler } from './createModeler';
import { zaakstroomTemplates, type TemplateCatalogue } from './elementTemplates';
import { LintPanel } from './LintPanel';
import type { LintIssue } from './lint/issue';
import { lintModel } from './lint/lintModel';
import type { ModdleElement } from './lint/moddle';
import { showLintOnCanvas } from './lintOverlays';
import { registerTemplatesMenu } from './templatesMenu';
import { downloadBlob, downloadText } from '../../../lib/download';
import { svgToPng } from './svgToPng';

export interface ProcessEditorProps {
  /** The model to start from; later changes of this prop are not re-imported. */
  xml: string;
  catalogue: TemplateCatalogue;
  formIds: string[];
  /** False while another tab is shown: the modeler stays alive, so undo history survives. */
  active: boolean;
  fileName: string;
  onChange: (xml: string) => void;
}

type Service<T> = (modeler: Modeler) => T;
const service =
  <T,>(name: string): Service<T> =>
  (modeler) =>
    modeler.get<T>(name);
const commandStack = service<{
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
}>('commandStack');

/** Larger than any real process model; a bigger file is a mistake (or an attack on the tab). */
const MAX_MODEL_BYTES = 5 * 1_048_576;

/** Import warnings are typed as strings but are Error objects at run time. */
const warningText = (warning: unknown) =>
  warning instanceof Error ? warning.message : String(warning);

/** The Proces tab: bpmn-js with the Zeebe properties panel, the standard task templates and live checks. */
export default function ProcessEditor(props: ProcessEditorProps) {
  const { xml, catalogue, formIds, active, fileName, onChange } = props;
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<Modeler | undefined>(undefined);
  const contextRef = useRef({ catalogue, formIds, onChange });
  contextRef.current = { catalogue, formIds, onChange };
  const initialXml = useRef(xml);
  const [issues, setIssues] = useState<LintIssue[] | undefined>(undefined);
  const [importError, setImportError] = useState<string>();
  // For people (aria-busy) and tests alike: whether an import is running or how the last one went.
  const [importState, setImportState] = useState<'importing' | 'ok' | 'failed'>('importing');
  // How many imports have finished, so a test can wait for the one it started.
  const [importsDone, setImportsDone] = useState(0);
  const finishImport = useCallback((state: 'ok' | 'failed') => {
    setImportState(state);
    setImportsDone((done) => done + 1);
  }, []);
  const [history, setHistory] = useState({ canUndo: false, canRedo: false });
  const marked = useRef<string[]>([]);

  const lint = useCallback(async () => {
    const modeler = modelerRef.current;
    if (!modeler) return;
    const { catalogue: current, formIds: ids } = contextRef.current;
    const definitions = modeler.getDefinitions() as ModdleElement | undefined;
    // Nothing to check until the first import has finished.
    if (!definitions) return;
    const found = await lintModel(definitions, { ...current, formIds: ids });
    if (modelerRef.current !== modeler) return;
    setIssues(found);
    marked.current = showLintOnCanvas(
      {
        overlays: modeler.get('overlays'),
        canvas: modeler.get('canvas'),
        elementRegistry: modeler.get('elementRegistry'),
      },
      found,
      marked.current,
    );
  }, []);

  // The last good model (imported cleanly or edited since): a broken file never replaces it.
  const lastGoodXml = useRef(xml);

  /**
   * Imports a model; on failure shows why and puts the last good model back. A file a user
   * imports must also hold only elements the engine runs (`refuseUnsupported`).
   */
  const importXml = useCallback(
    async (source: string, { refuseUnsupported = false } = {}): Promise<boolean> => {
      const modeler = modelerRef.current;
      if (!modeler) return false;
      setImportState('importing');
      try {
        const { warnings } = await modeler.importXML(source);
        if (refuseUnsupported) await refuseUnsupportedElements(modeler, contextRef.current);
        lastGoodXml.current = source;
        linkStandardTemplates(modeler, zaakstroomTemplates(contextRef.current.catalogue));
        modeler.get<{ zoom(level: string): void }>('canvas').zoom('fit-viewport');
        setImportError(
          warnings.length > 0
            ? `Ingelezen met ${warnings.length} waarschuwing(en): ${warnings.map(warningText).join('; ')}`
            : undefined,
        );
        await lint();
        finishImport('ok');
        return true;
      } catch (error) {
        setImportError(
          error instanceof UnsupportedModelError
            ? error.message
            : `Dit bestand is geen bruikbaar BPMN-model; het vorige model blijft staan. (${error instanceof Error ? error.message : String(error)})`,
        );
        if (source !== lastGoodXml.current)
          await modeler.importXML(lastGoodXml.current).catch(() => undefined);
        finishImport('failed');
        return false;
      }
    },
    [lint, finishImport],
  );

  useEffect(() => {
    if (!canvasRef.current || !panelRef.current) return;
    const modeler = createModeler(
      canvasRef.current,
      panelRef.current,
      zaakstroomTemplates(contextRef.current.catalogue),
    );
    modelerRef.current = modeler;
    registerTemplatesMenu({
      popupMenu: modeler.get('popupMenu'),
      elementTemplates: modeler.get('elementTemplates'),
      eventBus: modeler.get('eventBus'),
      canvas: modeler.get('canvas'),
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    modeler.on('commandStack.changed', () => {
      const stack = commandStack(modeler);
      setHistory({ canUndo: stack.canUndo(), canRedo: stack.canRedo() });
      clearTimeout(timer);
      timer = setTimeout(() => {
        void modeler.saveXML({ format: true }).then(({ xml: changed }) => {
          if (changed === undefined) return;
          lastGoodXml.current = changed;
          contextRef.current.onChange(changed);
        });
        void lint();
      }, 300);
    });
    void importXml(initialXml.current);
    return () => {
      clearTimeout(timer);
      modelerRef.current = undefined;
      modeler.destroy();
    };
  }, [importXml, lint]);

  // New statustypen or resultaattypen: new dropdown choices, and the checks run again.
  useEffect(() => {
    const modeler = modelerRef.current;
    if (!modeler) return;
    modeler
      .get<{ set(templates: unknown[]): void }>('elementTemplates')
      .set(zaakstroomTemplates(catalogue));
    void lint();
  }, [catalogue, formIds, lint]);

  useEffect(() => {
    if (active) modelerRef.current?.get<{ resized(): void }>('canvas').resized();
  }, [active]);

  const showElement = (elementId: string) => {
    const modeler = modelerRef.current;
    const element = modeler?.get<{ get(id: string): unknown }>('elementRegistry').get(elementId);
    if (!modeler || !element) return;
    modeler.get<{ select(element: unknown): void }>('selection').select(element);
    modeler.get<{ scrollToElement(element: unknown): void }>('canvas').scrollToElement(element);
    canvasRef.current?.querySelector('svg')?.focus();
  };

  const exportBpmn = async () => {
    const result = await modelerRef.current?.saveXML({ format: true });
    if (result?.xml) downloadText(`${fileName}.bpmn`, result.xml, 'application/xml');
  };

  const exportSvg = async () => {
    const result = await modelerRef.current?.saveSVG();
    if (result?.svg) downloadText(`${fileName}.svg`, result.svg, 'image/svg+xml');
  };

  const exportPng = async () => {
    const result = await modelerRef.current?.saveSVG();
    if (result?.svg) downloadBlob(await svgToPng(result.svg), `${fileName}.png`);
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_MODEL_BYTES) {
      finishImport('failed');
      setImportError(
        `${file.name} is ${(file.size / 1_048_576).toFixed(1)} MB; een procesmodel is hoogstens ${MAX_MODEL_BYTES / 1_048_576} MB. Het vorige model blijft staan.`,
      );
      return;
    }
    if (!(await importXml(await file.text(), { refuseUnsupported: true }))) return;
    const result = await modelerRef.current?.saveXML({ format: true });
    if (result?.xml) onChange(result.xml);
  };

  return (
    <div
      className="zs-proces"
      data-import-state={importState}
      data-imports-done={importsDone}
      aria-busy={importState === 'importing'}
    >
      <div role="toolbar" aria-label="Procesmodel" className="zs-toolbar">
        <button
          type="button"
          disabled={!history.canUndo}
          onClick={() => modelerRef.current && commandStack(modelerRef.current).undo()}
          title="Ctrl+Z"
        >
          Ongedaan maken
        </button>
        <button
          type="button"
          disabled={!history.canRedo}
          onClick={() => modelerRef.current && commandStack(modelerRef.current).redo()}
          title="Ctrl+Y of Ctrl+Shift+Z"
        >
          Opnieuw
        </button>
        <label className="zs-button">
          Importeren (.bpmn)
          <input
            type="file"
            accept=".bpmn,.xml,application/xml"
            className="zs-visually-hidden"
            onChange={(e) => void importFile(e)}
          />
        </label>
        <button type="button" onClick={() => void exportBpmn()}>
          Exporteren (.bpmn)
        </button>
        <button type="button" onClick={() => void exportSvg()}>
          Exporteren (SVG)
        </button>
        <button type="button" onClick={() => void exportPng()}>
          Exporteren (PNG)
        </button>
        <span className="zs-toolbar__hint">
          Standaardtaken (Zet status, Stuur e-mail, …) via de moersleutel bij een taak. Sneltoetsen:
          klik in het diagram, dan Ctrl+Z, Ctrl+Y, Ctrl+A, Delete, E (bewerken).
        </span>
      </div>
      {importError && (
        <p role="alert" className="zs-alert zs-alert--error">
          {importError}
        </p>
      )}
      <div className="zs-proces__main">
        <div ref={canvasRef} className="zs-proces__canvas" aria-label="BPMN-diagram" />
        <aside
          ref={panelRef}
          className="zs-proces__properties"
          aria-label="Eigenschappen van het gekozen element"
        />
      </div>
      <LintPanel issues={issues} onShowElement={showElement} />
    </div>
  );
}

/** An imported model with elements the engine does not run; its message names them. */
class UnsupportedModelError extends Error {}

/** Throws UnsupportedModelError when Camunda 8.8's element-type check finds elements it cannot run. */
async function refuseUnsupportedElements(
  modeler: Modeler,
  { catalogue, formIds }: { catalogue: TemplateCatalogue; formIds: string[] },
): Promise<void> {
  const definitions = modeler.getDefinitions() as ModdleElement;
  const unsupported = (await lintModel(definitions, { ...catalogue, formIds })).filter(
    (issue) => issue.rule === 'camunda-compat/element-type',
  );
  if (unsupported.length === 0) return;
  const found = unsupported
    .map((issue) => `${issue.message}${issue.elementName ? ` ("${issue.elementName}")` : ''}`)
    .join('; ');
  throw new UnsupportedModelError(
    `Dit model bevat elementen die de engine niet uitvoert: ${found}. Het vorige model blijft staan; vervang deze elementen en importeer het bestand opnieuw.`,
  );
}
