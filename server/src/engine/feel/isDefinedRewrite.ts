/**
 * `is defined(x.y)` must tell a null `x.y` from a missing one, but feelin evaluates both to null
 * before any function sees them. So at compile time each `is defined(<path>)` is rewritten into
 * a call that also receives the path's root name, its keys and what binds the root locally;
 * the runtime check (camundaFunctions.ts) then looks the path up in the data itself.
 */
import { IS_DEFINED_PATH } from './camundaFunctions.js';
import { childrenOf, nameOf, type FeelNode, type FeelTree } from './parsing.js';
import type { Edit } from './textEdits.js';

/** Edits turning each `is defined(<path>)` into a call of IS_DEFINED_PATH. */
export function isDefinedEdits(tree: FeelTree, source: string): Edit[] {
  const edits: Edit[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.name !== 'FunctionInvocation') return undefined;
      const edit = editFor(ref.node, source);
      if (!edit) return undefined;
      edits.push(edit);
      return false; // a plain path holds no further calls
    },
  });
  return edits;
}

function editFor(invocation: FeelNode, source: string): Edit | undefined {
  const [callee, , parameters] = childrenOf(invocation);
  if (callee?.name !== 'VariableName' || nameOf(callee, source) !== 'is defined') return undefined;
  if (parameters?.name !== 'PositionalParameters') return undefined;
  const [argument, ...more] = childrenOf(parameters);
  const path = argument && more.length === 0 ? plainPath(argument) : undefined;
  if (!path) return undefined;
  const [root, ...keys] = path;
  if (!root) return undefined;
  const rootName = nameOf(root, source);
  const scope = scopeOf(invocation, rootName, source);
  const text =
    `${IS_DEFINED_PATH}(${source.slice(root.from, root.to)}, ${feelString(rootName)}, ` +
    `[${keys.map((key) => feelString(nameOf(key, source))).join(', ')}], ${scope.bound}, ${scope.inFilter ? 'item' : 'null'})`;
  // The root lookup warns when the root is missing: that is the point, not a problem.
  return { from: invocation.from, to: invocation.to, text, quiet: true };
}

/** `a`, `a.b`, `a.b.c` as their VariableName nodes; anything else (calls, filters, literals) is not a path. */
function plainPath(node: FeelNode): FeelNode[] | undefined {
  if (node.name === 'VariableName') return [node];
  if (node.name !== 'PathExpression') return undefined;
  const [target, key, ...rest] = childrenOf(node);
  if (!target || key?.name !== 'VariableName' || rest.length > 0) return undefined;
  const head = plainPath(target);
  return head ? [...head, key] : undefined;
}

/** Whether an enclosing construct binds `name`, and whether the call sits inside a filter. */
function scopeOf(
  node: FeelNode,
  name: string,
  source: string,
): { bound: boolean; inFilter: boolean } {
  let bound = false;
  let inFilter = false;
  let child = node;
  let parent = node.parent;
  while (parent) {
    // The filter condition follows the filtered list; only there is `item` bound.
    if (parent.name === 'FilterExpression' && child.from > parent.from) inFilter = true;
    if (localNames(parent, child, source).includes(name)) bound = true;
    child = parent;
    parent = parent.parent;
  }
  return { bound, inFilter };
}

/** Names `construct` binds for its descendant `child`. */
function localNames(construct: FeelNode, child: FeelNode, source: string): string[] {
  switch (construct.name) {
    case 'ForExpression':
    case 'QuantifiedExpression':
      return construct
        .getChildren('InExpressions')
        .flatMap((list) =>
          list
            .getChildren('InExpression')
            .flatMap((binding) => binding.getChildren('Name').map((name) => nameOf(name, source))),
        );
    case 'FunctionDefinition':
      return construct
        .getChildren('FormalParameters')
        .flatMap((list) => list.getChildren('FormalParameter'))
        .flatMap((parameter) =>
          parameter.getChildren('ParameterName').map((name) => nameOf(name, source)),
        );
    case 'Context':
      // Entries see the entries before them.
      return construct
        .getChildren('ContextEntry')
        .filter((entry) => entry.to <= child.from)
        .flatMap((entry) => entry.getChildren('Key').map((key) => keyName(key, source)));
    default:
      return [];
  }
}

function keyName(key: FeelNode, source: string): string {
  const text = source.slice(key.from, key.to);
  return text.startsWith('"') ? text.slice(1, -1) : nameOf(key.firstChild ?? key, source);
}

function feelString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
