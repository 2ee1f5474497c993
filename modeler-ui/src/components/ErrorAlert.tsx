import { errorMessage } from '../lib/api';
import { Alert } from './Alert';

/** Shows a failed request in words; renders nothing when there is no error. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert type="error" title={title}>
      {errorMessage(error)}
    </Alert>
  );
}
