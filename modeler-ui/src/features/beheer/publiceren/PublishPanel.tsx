import { useEffect, useState } from 'react';
import { deployModel, publishVersion } from '../api/catalogus';
import { ApiError, describeError } from '../api/http';
import type { ZaaktypeVersion } from '../api/types';
import { IssueList } from '../components/IssueList';
import { contentOf } from '../model/versionContent';
import type { LintIssue } from '../proces/lint/issue';
import { inrichtingscheck } from './inrichtingscheck';

interface PublishPanelProps {
  /** The version as saved on the server: publishing never publishes unsaved edits. */
  saved: ZaaktypeVersion;
  dirty: boolean;
  onPublished: (version: ZaaktypeVersion) => void;
}

/** The Publiceren tab: the inrichtingscheck lists every problem, then the API publishes. */
export function PublishPanel({ saved, dirty, onPublished }: PublishPanelProps) {
  const [issues, setIssues] = useState<LintIssue[]>();
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [beginGeldigheid, setBeginGeldigheid] = useState('');

  useEffect(() => {
    let current = true;
    setIssues(undefined);
    void inrichtingscheck(contentOf(saved)).then((found) => current && setIssues(found));
    return () => {
      current = false;
    };
  }, [saved]);

  if (saved.status === 'published') {
    return (
      <p role="status">
        Versie {saved.versie} is gepubliceerd
        {saved.publishedAt ? ` op ${saved.publishedAt.slice(0, 10)}` : ''}.
      </p>
    );
  }

  const errors = issues?.filter((i) => i.severity === 'error') ?? [];
  const publish = async () => {
    setBusy(true);
    setFailure(undefined);
    setServerProblems([]);
    try {
      await deployModel(saved.identificatie, saved.versie);
      onPublished(
        await publishVersion(saved.identificatie, saved.versie, beginGeldigheid || undefined),
      );
    } catch (error) {
      setFailure(`Publiceren is niet gelukt: ${describeError(error)}`);
      if (error instanceof ApiError) setServerProblems(error.sentences());
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="zs-publish" aria-labelledby="zs-publish-heading">
      <h3 id="zs-publish-heading">Inrichtingscheck</h3>
      {dirty && (
        <p className="zs-alert zs-alert--warn" role="alert">
          Er zijn niet-opgeslagen wijzigingen. De check en het publiceren gaan over de opgeslagen
          versie; sla eerst op.
        </p>
      )}
      <p role="status">
        {issues === undefined
          ? 'Bezig met controleren…'
          : errors.length === 0
            ? `Geen blokkerende problemen${issues.length > 0 ? `, ${issues.length} waarschuwing(en)` : ''}.`
            : `${errors.length} ${errors.length === 1 ? 'probleem moet' : 'problemen moeten'} worden opgelost voordat u kunt publiceren.`}
      </p>
      {issues && issues.length > 0 && <IssueList issues={issues} />}
      <div className="zs-publish__actions">
        <label htmlFor="zs-publish-begin">Geldig vanaf (optioneel)</label>
        <input
          id="zs-publish-begin"
          type="date"
          value={beginGeldigheid}
          onChange={(e) => setBeginGeldigheid(e.target.value)}
        />
        <button
          type="button"
          className="zs-button--primary"
          disabled={busy || dirty || issues === undefined || errors.length > 0}
          onClick={() => void publish()}
        >
          {busy ? 'Publiceren…' : `Versie ${saved.versie} publiceren`}
        </button>
      </div>
      {failure && (
        <div role="alert" className="zs-alert zs-alert--error">
          <p>{failure}</p>
          {serverProblems.length > 0 && (
            <ul>
              {serverProblems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
