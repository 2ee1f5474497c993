import { visibilityOf, type ExpressionContext } from './formExpressions.js';
import { fieldProblems, type FormComponent } from './formFieldRules.js';

/** A field the submitted data fails on: its data path (e.g. `adres.straat`), label and problem. */
export interface FormFieldProblem {
  path: string;
  label?: string;
  message: string;
}

interface Scope {
  /** The data path of this scope: a group's `path`, a list item's index. */
  prefix: string[];
  context: ExpressionContext;
  maybeHidden: boolean;
}

/**
 * Checks form data as a completed task submits it against the task's form-js schema: every keyed
 * field that is shown (conditional `hide` evaluated as form-js does) and not disabled, through
 * groups and dynamic lists. Conditions see the task's variables overlaid with the submitted data,
 * minus the form's own fields that were not submitted (form-js drops hidden fields' data).
 */
export function validateFormData(
  schema: { components?: unknown },
  submitted: Record<string, unknown>,
  variables: Record<string, unknown> = {},
): FormFieldProblem[] {
  const components = componentsOf(schema);
  const context: ExpressionContext = { ...variables };
  for (const name of topLevelNames(components)) delete context[name];
  Object.assign(context, submitted);
  const problems: FormFieldProblem[] = [];
  visit(components, { prefix: [], context, maybeHidden: false }, submitted, problems);
  return problems;
}

function visit(
  components: FormComponent[],
  scope: Scope,
  root: Record<string, unknown>,
  problems: FormFieldProblem[],
): void {
  for (const component of components) {
    if (component.disabled === true) continue;
    const visibility = visibilityOf(component.conditional, scope.context);
    if (visibility === 'hidden') continue;
    const inner: Scope = { ...scope, maybeHidden: scope.maybeHidden || visibility === 'unknown' };
    const children = componentsOf(component);
    if (component.type === 'dynamiclist' || component.isRepeating === true) {
      visitList(component, children, inner, root, problems);
    } else if (children.length > 0) {
      visit(
        children,
        { ...inner, prefix: [...inner.prefix, ...segments(component.path)] },
        root,
        problems,
      );
    } else if (typeof component.key === 'string' && component.key !== '') {
      const path = [...inner.prefix, ...segments(component.key)];
      for (const message of fieldProblems(component, valueAt(root, path), inner)) {
        problems.push({ path: path.join('.'), ...labelOf(component), message });
      }
    }
  }
}

/** Each item of a dynamic list is checked with form-js's `this`, `parent` and `i` in its context. */
function visitList(
  list: FormComponent,
  children: FormComponent[],
  scope: Scope,
  root: Record<string, unknown>,
  problems: FormFieldProblem[],
): void {
  const listPath = [...scope.prefix, ...segments(list.path)];
  const items = valueAt(root, listPath);
  if (!Array.isArray(items)) return;
  const parent = scope.prefix.length === 0 ? root : valueAt(root, scope.prefix);
  (items as unknown[]).forEach((item, index) => {
    const context = { ...scope.context, this: item, parent, i: [index + 1] };
    const prefix = [...listPath, String(index)];
    visit(children, { ...scope, prefix, context }, root, problems);
  });
}

function componentsOf(container: { components?: unknown }): FormComponent[] {
  const { components } = container;
  return Array.isArray(components)
    ? components.filter((c): c is FormComponent => typeof c === 'object' && c !== null)
    : [];
}

/** form-js reads dots in a key or path as nesting. */
function segments(path: unknown): string[] {
  return typeof path === 'string' && path !== '' ? path.split('.') : [];
}

function valueAt(data: unknown, path: string[]): unknown {
  let current = data;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** The first data segment of every field and group path: what the form itself fills in. */
function topLevelNames(components: FormComponent[]): Set<string> {
  const names = new Set<string>();
  for (const component of components) {
    const [first] = segments(component.path ?? component.key);
    if (first) names.add(first);
    else for (const name of topLevelNames(componentsOf(component))) names.add(name);
  }
  return names;
}

function labelOf(component: FormComponent): { label?: string } {
  const label = component.label ?? (component as { dateLabel?: unknown }).dateLabel;
  return typeof label === 'string' && label !== '' ? { label } : {};
}
