import { compileExpression } from '../feel/index.js';
import type { CompiledExpression } from '../feel/types.js';
import type { Problems } from './problems.js';

/** Where an expression sits, for messages: `zeebe:taskDefinition` / `type`. */
export interface ExpressionSite {
  readonly owner: string;
  readonly attribute: string;
}

export interface ExpressionRules {
  /** Zeebe wants FEEL here (`=`-prefixed): a static value makes no sense, e.g. a condition. */
  readonly nonStatic?: boolean;
}

/**
 * Compiles the expressions of a document once, at deployment. A failure becomes a problem that
 * names the element and the attribute; the caller gets undefined and carries on, so that all
 * problems of the document are found in one pass.
 */
export class ExpressionCompiler {
  constructor(private readonly problems: Problems) {}

  compile(
    elementId: string | undefined,
    site: ExpressionSite,
    raw: string,
    rules: ExpressionRules = {},
  ): CompiledExpression | undefined {
    const compiled = compileExpression(raw);
    if (!compiled.ok) {
      this.problems.error(
        elementId,
        `Invalid expression '${raw}' in ${describe(site)}: ${compiled.message}`,
      );
      return undefined;
    }
    if (rules.nonStatic && compiled.expression.isStatic) {
      this.problems.error(
        elementId,
        `Expected expression in ${describe(site)} but found static value '${raw}'. An expression must start with '=' (e.g. '=${raw}').`,
      );
      return undefined;
    }
    return compiled.expression;
  }

  /** Like compile, but a missing or blank value is itself a problem (Zeebe's wording). */
  required(
    elementId: string | undefined,
    site: ExpressionSite,
    raw: string | undefined,
    rules: ExpressionRules = {},
  ): CompiledExpression | undefined {
    if (raw === undefined || raw.trim() === '') {
      this.problems.error(elementId, missingAttribute(site));
      return undefined;
    }
    return this.compile(elementId, site, raw, rules);
  }

  /** Like compile, but an absent or blank value simply means "not set". */
  optional(
    elementId: string | undefined,
    site: ExpressionSite,
    raw: string | undefined,
    rules: ExpressionRules = {},
  ): CompiledExpression | undefined {
    return raw === undefined || raw.trim() === ''
      ? undefined
      : this.compile(elementId, site, raw, rules);
  }
}

export function missingAttribute(site: ExpressionSite): string {
  return `Attribute '${site.attribute}' must be present and not empty (${site.owner})`;
}

function describe(site: ExpressionSite): string {
  return `'${site.attribute}' of ${site.owner}`;
}
