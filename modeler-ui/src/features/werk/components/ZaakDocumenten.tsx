import { useState } from 'react';
import { useResource } from '../../../lib/useResource';
import { formatDateTime } from '../../../lib/format';
import { hasRole, useCurrentUser } from '../../../lib/session';
import { Alert } from '../../../components/Alert';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { getZaakDocumenten } from '../api/documenten';
import { formatFileSize } from '../utils/fileSize';
import { DocumentUploadForm } from './DocumentUploadForm';
import { DocumentVerwijderen } from './DocumentVerwijderen';

interface Props {
  zaakId: string;
  /** Documenttypen of the zaaktype (informatieobjecttypen); empty or unknown: free text. */
  documenttypen: string[];
  /** Called after an upload or delete, so that the historie reloads. */
  onChanged: () => void;
}

/** The documents of the zaak: list with download, upload for behandelaars, delete with reason. */
export function ZaakDocumenten({ zaakId, documenttypen, onChanged }: Props) {
  const user = useCurrentUser();
  const documenten = useResource(`documenten:${zaakId}`, (signal) =>
    getZaakDocumenten(zaakId, signal),
  );
  const [message, setMessage] = useState<string | null>(null);
  const canUpload = hasRole(user, 'behandelaar', 'coordinator');

  function changed(text: string) {
    setMessage(text);
    documenten.reload();
    onChanged();
  }

  const list = documenten.data?.documenten ?? [];
  return (
    <section className="card" aria-labelledby="documenten-titel">
      <h2 className="utrecht-heading-2" id="documenten-titel">
        Documenten
      </h2>
      <ErrorAlert error={documenten.error} title="De documenten konden niet worden geladen" />
      {message && <Alert type="ok">{message}</Alert>}
      {documenten.data && list.length === 0 && <p>Nog geen documenten.</p>}
      {list.length > 0 && (
        <div className="table-scroll">
          <table className="utrecht-table">
            <caption className="visually-hidden">Documenten van de zaak</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {['Titel', 'Type', 'Datum', 'Grootte', 'Auteur', 'Acties'].map((kop) => (
                  <th key={kop} className="utrecht-table__header-cell" scope="col">
                    {kop}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {list.map((document) => (
                <tr key={document.id} className="utrecht-table__row">
                  <th className="utrecht-table__cell" scope="row">
                    <a className="utrecht-link" href={document.inhoud}>
                      {document.titel}
                    </a>
                    <div className="cell-note">{document.bestandsnaam}</div>
                  </th>
                  <td className="utrecht-table__cell">{document.informatieobjecttype}</td>
                  <td className="utrecht-table__cell">{formatDateTime(document.creatiedatum)}</td>
                  <td className="utrecht-table__cell">{formatFileSize(document.bestandsomvang)}</td>
                  <td className="utrecht-table__cell">{document.auteur}</td>
                  <td className="utrecht-table__cell">
                    {document.formaat === 'application/pdf' && (
                      <a
                        className="utrecht-link"
                        href={document.inhoud}
                        target="_blank"
                        rel="noopener"
                        aria-label={`Bekijken: ${document.titel} (opent in een nieuw tabblad)`}
                      >
                        Bekijken
                      </a>
                    )}{' '}
                    {document.verwijderbaar && (
                      <DocumentVerwijderen
                        document={document}
                        onDeleted={(titel) => changed(`Document "${titel}" is verwijderd.`)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canUpload && documenten.data && (
        <DocumentUploadForm
          zaakId={zaakId}
          documenttypen={documenttypen}
          maxUploadMb={documenten.data.maxUploadMb}
          onUploaded={(titel) => changed(`Document "${titel}" is toegevoegd.`)}
        />
      )}
    </section>
  );
}
