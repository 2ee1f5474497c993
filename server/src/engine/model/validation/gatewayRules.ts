import type { ExecutableElement } from '../types.js';
import type { Problems } from '../problems.js';
import { duplicatedNames, expressionKey } from './catchEventRules.js';
import type { Elements, Flows } from './processValidator.js';

const CONDITIONAL_SOURCES = new Set(['EXCLUSIVE_GATEWAY', 'INCLUSIVE_GATEWAY']);
const GATEWAY_TARGET_EVENTS = new Set(['MESSAGE', 'TIMER', 'SIGNAL']);

/** Conditions and default flows of exclusive/inclusive gateways, and the shape of event-based gateways. */
export function validateGateways(elements: Elements, flows: Flows, problems: Problems): void {
  for (const element of elements.values()) {
    const outgoing = element.outgoing
      .map((id) => flows.get(id))
      .filter((flow) => flow !== undefined);
    if (!CONDITIONAL_SOURCES.has(element.type) && outgoing.some((flow) => flow.condition)) {
      problems.error(
        element.id,
        'Conditional sequence flows are only supported at exclusive or inclusive gateway',
      );
    }
    if (element.type === 'EXCLUSIVE_GATEWAY' || element.type === 'INCLUSIVE_GATEWAY') {
      if (
        element.defaultFlowId !== undefined &&
        !element.outgoing.includes(element.defaultFlowId)
      ) {
        problems.error(
          element.id,
          `Default flow must start at gateway (flow '${element.defaultFlowId}' does not)`,
        );
      }
      if (outgoing.length > 1) {
        const message =
          element.type === 'EXCLUSIVE_GATEWAY'
            ? 'Must have a condition or be default flow'
            : 'Must have a condition';
        for (const flow of outgoing)
          if (!flow.condition && flow.id !== element.defaultFlowId)
            problems.error(flow.id, message);
      }
    }
    if (element.type === 'EVENT_BASED_GATEWAY')
      validateEventBasedGateway(element, elements, flows, problems);
  }
}

function validateEventBasedGateway(
  gateway: ExecutableElement,
  elements: Elements,
  flows: Flows,
  problems: Problems,
): void {
  if (gateway.outgoing.length < 2)
    problems.error(gateway.id, 'Event-based gateway must have at least 2 outgoing sequence flows.');
  const targets = gateway.outgoing.map((id) => elements.get(flows.get(id)?.targetId ?? ''));
  const valid = targets.every(
    (target) =>
      target?.type === 'INTERMEDIATE_CATCH_EVENT' && GATEWAY_TARGET_EVENTS.has(target.eventType),
  );
  if (!valid) {
    problems.error(
      gateway.id,
      'Event-based gateway must not have an outgoing sequence flow to other elements than message/timer/signal intermediate catch events.',
    );
  }
  const sharedTarget = targets.some((target) =>
    target?.incoming.some((id) => flows.get(id)?.sourceId !== gateway.id),
  );
  if (sharedTarget) {
    problems.error(
      gateway.id,
      'Target elements of an event gateway must not have any additional incoming sequence flows other than that from the event gateway.',
    );
  }
  for (const name of duplicatedNames(
    targets.map((target) => expressionKey(target?.message?.name)),
  )) {
    problems.error(
      gateway.id,
      `Multiple message event definitions with the same name '${name}' are not allowed.`,
    );
  }
  for (const name of duplicatedNames(targets.map((target) => expressionKey(target?.signalName)))) {
    problems.error(
      gateway.id,
      `Multiple signal event definitions with the same name '${name}' are not allowed.`,
    );
  }
}
