import type { SignaleringEventType } from './eventTypes.js';

/** One thing one employee should hear about. */
export interface Signalering {
  id: string;
  eventType: SignaleringEventType;
  subjectType: 'zaak' | 'taak';
  subjectId: string;
  zaakId: string | null;
  tekst: string;
  createdAt: Date;
  readAt: Date | null;
}

/** What a producer hands the store; the store ignores one that already exists. */
export interface NewSignalering {
  username: string;
  eventType: SignaleringEventType;
  subjectType: 'zaak' | 'taak';
  subjectId: string;
  zaakId: string | null;
  /** What makes two events on one subject different: the audit entry id, or the deadline date. */
  period: string;
  tekst: string;
}

export interface SignaleringSetting {
  eventType: SignaleringEventType;
  label: string;
  dashboard: boolean;
  email: boolean;
}

/** The caller as this module needs it: the auth module's Principal fits. */
export interface SignaleringUser {
  username: string;
  groups: readonly { code: string }[];
}

/** The platform's notion of now; the embedded engine's movable clock in tests (`/v2/clock`). */
export interface Clock {
  now(): number;
  /** Called when the clock is moved, so due work runs at once. */
  onChange?(listener: () => void): void;
}
