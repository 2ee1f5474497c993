import type { LintIssue } from './lint/issue';

interface Overlays {
  add(
    elementId: string,
    type: string,
    overlay: { position: { top: number; right: number }; html: HTMLElement },
  ): string;
  remove(filter: { type: string }): void;
}

interface Canvas {
  addMarker(elementId: string, marker: string): void;
  removeMarker(elementId: string, marker: string): void;
}

interface ElementRegistry {
  get(id: string): { parent?: unknown } | undefined;
}

const OVERLAY_TYPE = 'zaakstroom-lint';
const MARKERS = ['zs-lint-error', 'zs-lint-warn'];

/** Marks elements with findings: a red or amber outline plus a badge with the count and text. */
export function showLintOnCanvas(
  services: { overlays: Overlays; canvas: Canvas; elementRegistry: ElementRegistry },
  issues: LintIssue[],
  previouslyMarked: string[],
): string[] {
  const { overlays, canvas, elementRegistry } = services;
  overlays.remove({ type: OVERLAY_TYPE });
  // After a new import the elements marked before may be gone (same id, other model).
  for (const id of previouslyMarked.filter((id) => elementRegistry.get(id)))
    for (const marker of MARKERS) canvas.removeMarker(id, marker);

  const byElement = new Map<string, LintIssue[]>();
  for (const issue of issues) {
    const element = issue.elementId ? elementRegistry.get(issue.elementId) : undefined;
    // The process itself is the canvas root: its findings show in the panel only.
    if (!issue.elementId || !element?.parent) continue;
    byElement.set(issue.elementId, [...(byElement.get(issue.elementId) ?? []), issue]);
  }
  for (const [id, elementIssues] of byElement) {
    const hasError = elementIssues.some((i) => i.severity === 'error');
    canvas.addMarker(id, hasError ? 'zs-lint-error' : 'zs-lint-warn');
    const badge = document.createElement('div');
    badge.className = `zs-lint-badge ${hasError ? 'zs-lint-badge--error' : 'zs-lint-badge--warn'}`;
    // Text, not colour alone: the badge says what kind and how many, and its title lists them.
    badge.textContent = `${hasError ? '!' : '?'} ${elementIssues.length}`;
    badge.title = elementIssues
      .map((i) => `${i.severity === 'error' ? 'Fout' : 'Waarschuwing'}: ${i.message}`)
      .join('\n');
    overlays.add(id, OVERLAY_TYPE, { position: { top: -12, right: 12 }, html: badge });
  }
  return [...byElement.keys()];
}
