import type { ElementType } from '../model/types.js';

export type ElementState = 'ACTIVATING' | 'ACTIVATED' | 'COMPLETING' | 'COMPLETED' | 'TERMINATING' | 'TERMINATED';

export const FINAL_STATES: ReadonlySet<ElementState> = new Set(['COMPLETED', 'TERMINATED']);

/** Per-instance bookkeeping kept in the `runtime` JSON column. */
export interface ElementRuntime {
  /** Containers: sequence flows taken towards joining gateways and not yet consumed. */
  takenFlows?: Record<string, number>;
  /** The lifecycle step to retry when the incident on this element is resolved. */
  retryStep?: 'activate' | 'complete';
  /** Boundary / event-subprocess start: the variables the triggering event carried. */
  eventVariables?: Record<string, unknown>;
  /** A boundary event that interrupted this activity is waiting to be activated. */
  interruptedBy?: { elementId: string; variables?: Record<string, unknown> };
  /** PROCESS: start instructions, the elements to activate instead of the none start event. */
  startAt?: string[];
  /** Gateways: the flows chosen on activation, taken on completion. */
  chosenFlows?: string[];
  /** This instance owns open timers or message/signal subscriptions (closed when it stops waiting). */
  subscribed?: boolean;
  /** The job created for this element (job-based tasks). */
  jobKey?: string;
  [extension: string]: unknown;
}

export interface ElementInstance {
  readonly key: string;
  readonly elementId: string;
  readonly elementName: string | undefined;
  readonly elementType: ElementType;
  readonly flowScopeKey: string | undefined;
  state: ElementState;
  runtime: ElementRuntime;
  readonly startDate: number;
  endDate: number | undefined;
  incidentKey: string | undefined;
}
