import { Alert } from './Alert';

/** What became of a form's request (see useSubmission): the success message or the failure. */
export function SubmissionOutcome(props: {
  done: string | null;
  failure: string | null;
  failureTitle: string;
}) {
  return (
    <>
      {props.done && <Alert type="ok">{props.done}</Alert>}
      {props.failure && (
        <Alert type="error" title={props.failureTitle}>
          {props.failure}
        </Alert>
      )}
    </>
  );
}
