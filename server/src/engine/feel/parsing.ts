/** Compile-time parsing of FEEL with feelin's (lezer) grammar. */
import { parseExpression } from '@bpmn-io/feelin';
import { CAMUNDA_FUNCTION_NAMES } from './camundaFunctions.js';

export type FeelTree = ReturnType<typeof parseExpression>;
export type FeelNode = FeelTree['topNode'];

/** Camunda's FEEL dialect (feelin's grammar switch for Camunda-specific syntax). */
export const DIALECT = 'camunda';

/**
 * The grammar is context sensitive: a multi-word name such as `get or else` only parses as one
 * name when the context knows it. Our built-ins are announced here; the variables are not
 * known at deployment, which matches Zeebe (names with spaces need backticks there).
 */
const PARSE_CONTEXT: Record<string, unknown> = Object.fromEntries(
  CAMUNDA_FUNCTION_NAMES.map((name) => [name, () => null]),
);

export function parseFeel(source: string): FeelTree {
  return parseExpression(source, PARSE_CONTEXT, DIALECT);
}

/** What is wrong with the text, or undefined when it parsed cleanly. */
export function describeSyntaxError(tree: FeelTree, source: string): string | undefined {
  const error = firstErrorNode(tree);
  if (!error) return undefined;
  if (error.to > error.from)
    return `unexpected '${source.slice(error.from, error.to)}' at position ${error.from + 1}`;
  // An empty error node marks something missing; name what stands there instead.
  const rest = source.slice(error.from);
  const next = /^\S+/.exec(rest.trimStart())?.[0];
  if (next === undefined) return 'unexpected end of expression';
  return `unexpected '${next}' at position ${error.from + rest.length - rest.trimStart().length + 1}`;
}

function firstErrorNode(tree: FeelTree): { from: number; to: number } | undefined {
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError) return { from: cursor.from, to: cursor.to };
  } while (cursor.next());
  return undefined;
}

/** The name a VariableName / Name node stands for: words joined by one space, backticks dropped. */
export function nameOf(node: FeelNode, source: string): string {
  const words: string[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    const text = source.slice(child.from, child.to);
    words.push(child.name === 'BacktickIdentifier' ? text.slice(1, -1) : text);
  }
  return words.length > 0 ? words.join(' ') : source.slice(node.from, node.to);
}

/** The direct children of a node. */
export function childrenOf(node: FeelNode): FeelNode[] {
  const children: FeelNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
}
