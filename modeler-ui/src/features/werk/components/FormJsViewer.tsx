import { useEffect, useRef } from 'react';
import { Form } from '@bpmn-io/form-js';
import '@bpmn-io/form-js/dist/assets/form-js.css';
import { dutchValidationModule } from '../utils/dutchValidation';
import type { FormSchema } from '../utils/taakForm';

export interface FormHandle {
  /** Validates; answers the data and the errors per field key. */
  submit(): { data: Record<string, unknown>; errors: Record<string, unknown> };
  /** The data as typed so far, without validation (for a draft). */
  currentData(): Record<string, unknown>;
}

interface FormJsViewerProps {
  schema: FormSchema;
  data: Record<string, unknown>;
  readOnly?: boolean;
  onReady: (handle: FormHandle | null) => void;
  onError: (message: string) => void;
}

/** The task form rendered by form-js; the parent drives it through the handle. */
export default function FormJsViewer({
  schema,
  data,
  readOnly,
  onReady,
  onError,
}: FormJsViewerProps) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const form = new Form({
      container: container.current,
      properties: { readOnly: Boolean(readOnly) },
      additionalModules: [dutchValidationModule],
    });
    let current: Record<string, unknown> = { ...data };
    let cancelled = false;
    form.on('changed', (event: { data?: Record<string, unknown> }) => {
      if (event.data) current = event.data;
    });
    form
      .importSchema(schema, data)
      .then(() => {
        if (cancelled) return;
        onReady({
          submit: () => form.submit(),
          currentData: () => current,
        });
      })
      .catch((error: unknown) => {
        if (!cancelled)
          onError(
            error instanceof Error ? error.message : 'Het formulier kon niet worden geladen.',
          );
      });
    return () => {
      cancelled = true;
      onReady(null);
      form.destroy();
    };
    // Re-render the form only when the schema or read-only state changes, not on every keystroke.
  }, [schema, readOnly]);

  return <div ref={container} className="form-js" />;
}
