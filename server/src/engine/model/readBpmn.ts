import { ExpressionCompiler } from './expressionCompiler.js';
import { DEFAULT_MAX_BYTES, guardDocument } from './parsing/documentGuard.js';
import { readWithModdle } from './parsing/moddleReader.js';
import { describeParseMessage, reportModdleWarnings } from './parsing/moddleWarnings.js';
import { UnresolvedReferences } from './parsing/unresolvedReferences.js';
import { Problems } from './problems.js';
import { transformDefinitions } from './transform/definitionsTransformer.js';
import { freezeModel } from './freezeModel.js';
import type { ModelProblem, ModelResult } from './types.js';

export interface ReadBpmnOptions {
  /** Documents larger than this are rejected before parsing (default 10 MiB). */
  readonly maxBytes?: number;
}

/**
 * BPMN 2.0 XML → the executable processes of the document, validated as Zeebe does at deployment,
 * with every expression compiled. Never throws for a bad document: all problems are returned,
 * each naming the element at fault; warnings (e.g. unknown extensions) come along either way.
 */
export async function readBpmn(
  xml: string | Buffer,
  options: ReadBpmnOptions = {},
): Promise<ModelResult> {
  const guarded = guardDocument(xml, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!guarded.ok) return { ok: false, problems: [guarded.problem] };

  const read = await readWithModdle(guarded.xml);
  const problems = new Problems();
  if (!read.ok) {
    const { summary, where, detail } = describeParseMessage(read.message);
    problems.error(undefined, `The document is not valid BPMN XML${where}: ${detail ?? summary}`);
  }
  reportModdleWarnings(read.warnings, problems);
  if (!read.ok) return failed(problems);

  const document = {
    problems,
    expressions: new ExpressionCompiler(problems),
    references: new UnresolvedReferences(read.warnings),
  };
  const processes = transformDefinitions(read.definitions, document);
  if (problems.hasErrors()) return failed(problems);
  return { ok: true, processes: processes.map(freezeModel), warnings: problems.warnings() };
}

/** Errors first (the reason for the rejection), then the warnings that came with them. */
function failed(problems: Problems): ModelResult {
  const order = (problem: ModelProblem) => (problem.severity === 'error' ? 0 : 1);
  return { ok: false, problems: problems.list().sort((a, b) => order(a) - order(b)) };
}
