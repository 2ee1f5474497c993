import { toCsv } from '../lib/csv';
import { downloadText } from '../lib/download';

export interface CsvTable {
  filename: string;
  header: string[];
  rows: Array<Array<string | number | null>>;
}

/** "Exporteren (CSV)": the table's rows as a file a spreadsheet opens. */
export function CsvExportButton({ filename, header, rows, label }: CsvTable & { label?: string }) {
  return (
    <button
      type="button"
      className="utrecht-button utrecht-button--secondary-action button--small"
      aria-label={label}
      onClick={() => downloadText(filename, toCsv(header, rows))}
    >
      Exporteren (CSV)
    </button>
  );
}
