/**
 * feelin evaluates a filter whose condition is a bare function call, such as
 * `orders[starts with(id, "A")]`, once for the whole list instead of once per item (it cannot
 * know whether the call yields an index or a condition). For built-ins that always yield a
 * boolean, appending ` = true` makes the condition a comparison, which feelin applies per item
 * with the same outcome Camunda has.
 */
import { nameOf, type FeelTree } from './parsing.js';
import type { Edit } from './textEdits.js';

const BOOLEAN_FUNCTIONS = new Set([
  'is defined',
  'is empty',
  'is blank',
  'contains',
  'starts with',
  'ends with',
  'matches',
  'list contains',
  'even',
  'odd',
  'not',
  'all',
  'any',
  'is',
]);

export function filterConditionEdits(tree: FeelTree, source: string): Edit[] {
  const edits: Edit[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.name !== 'FilterExpression') return;
      // Children: the list, `[`, the condition, `]`.
      const condition = ref.node.firstChild?.nextSibling?.nextSibling;
      const callee = condition?.name === 'FunctionInvocation' ? condition.firstChild : null;
      if (!condition || callee?.name !== 'VariableName') return;
      if (!BOOLEAN_FUNCTIONS.has(nameOf(callee, source))) return;
      edits.push({ from: condition.to, to: condition.to, text: ' = true', quiet: false });
    },
  });
  return edits;
}
