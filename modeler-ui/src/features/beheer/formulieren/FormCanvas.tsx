import { FormEditor } from '@bpmn-io/form-js';
import { useEffect, useRef, useState } from 'react';
import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js/dist/assets/properties-panel.css';

interface FormCanvasProps {
  schema: unknown;
  onChange: (schema: unknown) => void;
}

/** One form-js editor; re-created when another form is chosen (the parent keys it by form id). */
export function FormCanvas({ schema, onChange }: FormCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const initial = useRef(schema);
  const changed = useRef(onChange);
  changed.current = onChange;
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!container.current) return;
    const editor = new FormEditor({ container: container.current });
    editor
      .importSchema(initial.current)
      .then(() => setError(undefined))
      .catch((e: unknown) =>
        setError(
          `Het formulier kon niet worden geopend: ${e instanceof Error ? e.message : String(e)}`,
        ),
      );
    editor.on('changed', () => changed.current(editor.saveSchema()));
    return () => editor.destroy();
  }, []);

  return (
    <>
      {error && (
        <p role="alert" className="zs-alert zs-alert--error">
          {error}
        </p>
      )}
      <div ref={container} className="zs-form-canvas" />
    </>
  );
}
