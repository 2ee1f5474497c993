import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { apiFetch } from '../../../lib/api';
import { useResource } from '../../../lib/useResource';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { getZaaktypen } from '../../werk/api/catalogus';
import {
  getDashboard,
  getHeatmap,
  getIncidenten,
  getTermijnen,
  type OverzichtFilters,
} from '../api/overzicht';
import {
  doorlooptijdOption,
  horizontalBarOption,
  intakeOption,
  weekLabel,
  binLabel,
} from '../utils/chartOptions';
import { Chart } from './Chart';
import { IncidentenTable } from './IncidentenTable';
import { KpiTiles } from './KpiTiles';
import { OverzichtFilter } from './OverzichtFilter';
import { ProcessHeatmap } from './ProcessHeatmap';
import { TermijnenTable } from './TermijnenTable';
import '../overzicht.css';

const FIELDS = ['van', 'tot', 'zaaktype', 'groep', 'behandelaar', 'risicoDagen'] as const;

/** Overzicht for managers and coordinators; every filter lives in the URL so a view can be shared. */
export function OverzichtPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(
    () =>
      Object.fromEntries(
        FIELDS.map((field) => [field, params.get(field) ?? '']),
      ) as unknown as OverzichtFilters,
    [params],
  );
  const key = params.toString();
  const dashboard = useResource(`dashboard?${key}`, (signal) => getDashboard(filters, signal));
  const termijnen = useResource(`termijnen?${key}`, (signal) => getTermijnen(filters, signal));
  const incidenten = useResource('incidenten', (signal) => getIncidenten(signal));
  const zaaktypen = useResource('zaaktypen', (signal) => getZaaktypen(signal));
  const teams = useResource('groups', (signal) =>
    apiFetch<{ groups: { code: string; naam: string }[] }>('/api/auth/groups', { signal }),
  );
  const heatmapZaaktype = filters.zaaktype || zaaktypen.data?.[0]?.identificatie || '';
  const heatmap = useResource(`heatmap?${heatmapZaaktype}`, (signal) =>
    heatmapZaaktype ? getHeatmap(heatmapZaaktype, signal) : Promise.resolve(undefined),
  );

  const apply = (next: OverzichtFilters) =>
    setParams(
      new URLSearchParams(
        Object.entries(next).filter(([, value]) => value !== '') as [string, string][],
      ),
    );

  const data = dashboard.data;
  return (
    <section className="page zs-overzicht" aria-busy={dashboard.loading}>
      <h1 className="utrecht-heading-1">Overzicht</h1>
      <OverzichtFilter
        key={key}
        value={filters}
        zaaktypen={zaaktypen.data ?? []}
        teams={teams.data?.groups ?? []}
        onApply={apply}
      />
      {dashboard.error !== undefined && (
        <ErrorAlert error={dashboard.error} title="Het overzicht kon niet worden geladen" />
      )}
      {!data && dashboard.loading && <Loading label="Cijfers laden…" />}
      {data && (
        <>
          <p className="utrecht-paragraph">
            Periode {data.filter.van} tot en met {data.filter.tot}; peildatum {data.filter.vandaag}.
          </p>
          <KpiTiles kpis={data.kpis} risicoDagen={data.filter.risicoDagen} />
          <div className="zs-charts">
            <section aria-labelledby="chart-instroom">
              <h2 id="chart-instroom" className="utrecht-heading-2">
                Instroom en uitstroom per week
              </h2>
              <Chart
                summary={`In de periode gestart: ${data.kpis.gestart}, afgesloten: ${data.kpis.afgesloten}.`}
                option={intakeOption(data.reeksen)}
                table={{
                  caption: 'Zaken per week',
                  header: ['Week van', 'Gestart', 'Afgesloten'],
                  rows: data.reeksen.instroomUitstroom.map((w) => [
                    weekLabel(w.week),
                    w.gestart,
                    w.afgesloten,
                  ]),
                }}
              />
            </section>
            <section aria-labelledby="chart-doorlooptijd">
              <h2 id="chart-doorlooptijd" className="utrecht-heading-2">
                Doorlooptijd van afgesloten zaken
              </h2>
              <Chart
                summary={`Gemiddelde doorlooptijd ${data.kpis.doorlooptijd.gemiddeldDagen ?? '–'} dagen, wettelijke termijn gemiddeld ${data.kpis.doorlooptijd.normDagen ?? '–'} dagen.`}
                option={doorlooptijdOption(data.reeksen, data.kpis.doorlooptijd.normDagen)}
                table={{
                  caption: 'Afgesloten zaken per doorlooptijd',
                  header: ['Doorlooptijd', 'Zaken'],
                  rows: data.reeksen.doorlooptijdVerdeling.map((b) => [
                    binLabel(b.vanafWeken),
                    b.aantal,
                  ]),
                }}
              />
            </section>
            <BarChartSection
              id="chart-teams"
              title="Onderhanden werk per team"
              header={['Team', 'Open taken']}
              rows={data.reeksen.werkPerTeam.map((t) => ({
                label: t.groep || 'Geen team',
                aantal: t.aantal,
              }))}
            />
            <BarChartSection
              id="chart-behandelaars"
              title="Onderhanden werk per behandelaar"
              header={['Behandelaar', 'Open taken']}
              rows={data.reeksen.werkPerBehandelaar.map((b) => ({
                label: b.behandelaar ?? 'Niet toegewezen',
                aantal: b.aantal,
              }))}
            />
            <BarChartSection
              id="chart-status"
              title="Open zaken per status"
              header={['Status', 'Zaken']}
              rows={data.reeksen.perStatus.map((st) => ({
                label: st.status ?? 'Nog geen status',
                aantal: st.aantal,
              }))}
            />
          </div>
        </>
      )}
      <section aria-labelledby="termijnen-titel">
        <h2 id="termijnen-titel" className="utrecht-heading-2">
          Termijnen
        </h2>
        {termijnen.error !== undefined && <ErrorAlert error={termijnen.error} />}
        {termijnen.data && (
          <TermijnenTable zaken={termijnen.data.zaken} totaal={termijnen.data.totaal} />
        )}
      </section>
      <section aria-labelledby="incidenten-titel">
        <h2 id="incidenten-titel" className="utrecht-heading-2">
          Incidenten
        </h2>
        {incidenten.error !== undefined && <ErrorAlert error={incidenten.error} />}
        {incidenten.data && (
          <IncidentenTable
            incidenten={incidenten.data.incidenten}
            onRetried={() => {
              incidenten.reload();
              dashboard.reload();
              heatmap.reload();
            }}
          />
        )}
      </section>
      <section aria-labelledby="heatmap-titel">
        <h2 id="heatmap-titel" className="utrecht-heading-2">
          Proces: waar staan de zaken{heatmapZaaktype ? ` (${heatmapZaaktype})` : ''}
        </h2>
        <p className="utrecht-paragraph">
          Kies een zaaktype in de filters om een ander proces te zien.
        </p>
        {heatmap.error !== undefined && <ErrorAlert error={heatmap.error} />}
        {heatmap.data && <ProcessHeatmap heatmap={heatmap.data} />}
      </section>
    </section>
  );
}

/** A horizontal bar chart under its heading: one bar per label, with the same figures as a table. */
function BarChartSection(props: {
  id: string;
  title: string;
  header: [string, string];
  rows: { label: string; aantal: number }[];
}) {
  const { id, title, header, rows } = props;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="utrecht-heading-2">
        {title}
      </h2>
      <Chart
        summary={`${title}: ${rows.map((row) => `${row.label} ${row.aantal}`).join(', ') || 'geen'}.`}
        option={horizontalBarOption(rows)}
        table={{ caption: title, header, rows: rows.map((row) => [row.label, row.aantal]) }}
      />
    </section>
  );
}
