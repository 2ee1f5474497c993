import type { VersionStatus } from '../api/types';

export type VersionState = 'concept' | 'gepubliceerd' | 'verlopen' | 'toekomstig';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Concept, published, expired (einde geldigheid passed) or published for a later date. */
export function versionState(version: {
  status: VersionStatus;
  beginGeldigheid: string | null;
  eindeGeldigheid: string | null;
}): VersionState {
  if (version.status === 'concept') return 'concept';
  if (version.eindeGeldigheid !== null && version.eindeGeldigheid < today()) return 'verlopen';
  if (version.beginGeldigheid !== null && version.beginGeldigheid > today()) return 'toekomstig';
  return 'gepubliceerd';
}

const LABELS: Record<VersionState, string> = {
  concept: 'Concept',
  gepubliceerd: 'Gepubliceerd',
  verlopen: 'Verlopen',
  toekomstig: 'Gepubliceerd, nog niet geldig',
};

/** The state in words; the colour only repeats it. */
export function VersionBadge({ state }: { state: VersionState }) {
  return <span className={`zs-badge zs-badge--${state}`}>{LABELS[state]}</span>;
}
