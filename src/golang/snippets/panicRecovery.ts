import { structField } from '../packageInfo';
import { typeBaseName, usable } from '../syntax';
import type { SnippetContext, SnippetOutcome } from './context';
import { alignedPairs, atBodyTop, afterStatement, type Place, existingLogger, fresh, goString, indent, loggingImportPath, questionFields, questionNames, questionUses, resultsOf, usesOf, zerologChain } from './goCode';
import { TRACE_LINES } from '../../shared/instrumentationLines';

/**
 * Step 2.1 in `JobRunner.executeQuestion`: panic recovery that turns a panic into a *failed*
 * ExecutionResult (through a named result — the plan's version returned a zero result the caller
 * counted as a success), an entry trace, and a nil-executor guard that catches typed nils too.
 */
export function panicRecovery(c: SnippetContext): SnippetOutcome {
  const func = c.anchor.func;
  const q = questionNames(func);
  const { results, unnamed } = resultsOf(func);
  const idx = results.findIndex((r) => typeBaseName(r.type) === 'ExecutionResult');
  if (idx < 0) return { skip: 'executeQuestion does not return an ExecutionResult' };
  const resultType = results[idx].typeText;
  const fields = c.pkg.structs.get('ExecutionResult');
  if (!fields) return { skip: 'type ExecutionResult is not declared in this package, so a failed result cannot be built' };
  if (structField(c.pkg, 'ExecutionResult', 'Status')?.typeText !== 'string') {
    return { skip: 'ExecutionResult has no Status string field, so a failed result cannot be expressed' };
  }

  let resultName: string;
  let nameResults: { func: typeof func; names: string[] } | undefined;
  if (unnamed) {
    resultName = fresh(c, 'beaconResult');
    nameResults = { func, names: results.map((_, i) => (i === idx ? resultName : '_')) };
  } else if (usable(results[idx].name)) {
    resultName = results[idx].name;
  } else {
    return { skip: 'the ExecutionResult result is named "_"; give it a name so a recovered panic can set it' };
  }

  const lines: string[] = [];
  let place: Place | { skip: string };
  let log: string;
  const logger = existingLogger(func);
  if (logger) {
    log = logger.name;
    place = afterStatement(c, logger.stmt);
  } else {
    const path = loggingImportPath(c);
    if (!path) return { skip: 'no logging package (logging.FromContext) is imported in this package' };
    if (!q.ctx) return { skip: 'executeQuestion has no named context.Context parameter' };
    log = fresh(c, 'beaconLog');
    lines.push(`${log} := ${c.imports.use(path)}.FromContext(${q.ctx})`);
    place = atBodyTop(c, func);
  }
  if ('skip' in place) return place;

  // the start time (and package time) only when the result has fields that take them
  const usesTime = fields.some((f) => ((f.name === 'StartedAt' || f.name === 'CompletedAt') && f.typeText.endsWith('.Time')) || (f.name === 'Duration' && f.typeText.endsWith('.Duration')));
  const time = usesTime ? c.imports.use('time') : 'time';
  const fmt = c.imports.use('fmt');
  const runtime = c.imports.use('runtime');
  const start = fresh(c, 'beaconStart');

  const errorValue = (format: string, arg: string): string | undefined => {
    const t = structField(c.pkg, 'ExecutionResult', 'Error')?.typeText;
    if (t === 'error') return `${fmt}.Errorf(${goString(format)}, ${arg})`;
    if (t === 'string') return `${fmt}.Sprintf(${goString(format)}, ${arg})`;
    return undefined;
  };
  const failed = (errFormat: string, errArg: string): string[] => {
    const values: Record<string, string | undefined> = {
      JobID: q.jobID,
      Region: q.region,
      ModelID: q.modelID,
      QuestionID: q.questionID,
      Status: '"failed"',
      Error: errorValue(errFormat, errArg),
      StartedAt: `${start}.UTC()`,
      CompletedAt: `${time}.Now().UTC()`,
      Duration: `${time}.Since(${start})`,
    };
    const wantType: Record<string, (t: string) => boolean> = {
      JobID: (t) => t === 'string',
      Region: (t) => t === 'string',
      ModelID: (t) => t === 'string',
      QuestionID: (t) => t === 'string',
      Status: (t) => t === 'string',
      Error: () => true,
      StartedAt: (t) => t.endsWith('.Time'),
      CompletedAt: (t) => t.endsWith('.Time'),
      Duration: (t) => t.endsWith('.Duration'),
    };
    const pairs: [string, string][] = [];
    for (const f of fields) {
      const v = values[f.name];
      if (v && wantType[f.name]?.(f.typeText)) pairs.push([f.name, v]);
    }
    return [`${resultType}{`, ...indent(alignedPairs(pairs)), '}'];
  };

  if (usesTime) lines.push(`${start} := ${time}.Now()`);
  lines.push('defer func() {');
  lines.push('\tif r := recover(); r != nil {');
  lines.push('\t\tstack := make([]byte, 64<<10)');
  lines.push(`\t\tstack = stack[:${runtime}.Stack(stack, false)]`);
  lines.push(
    ...indent(
      zerologChain(log, 'Error', ['Interface("panic", r)', ...questionFields(q, ['jobID', 'region']), 'Str("stack", string(stack))'], TRACE_LINES.panicRecovered),
      2,
    ),
  );
  const panicResult = failed('panic in executeQuestion: %v', 'r');
  lines.push(...indent([`${resultName} = ${panicResult[0]}`, ...panicResult.slice(1)], 2));
  lines.push('\t}');
  lines.push('}()');

  const traceFields = questionFields(q);
  if (q.executor) {
    const reflect = c.imports.use('reflect');
    const isNil = fresh(c, 'beaconExecutorNil');
    lines.push(`${isNil} := ${q.executor} == nil`);
    lines.push(`if !${isNil} {`);
    lines.push(`\tswitch v := ${reflect}.ValueOf(${q.executor}); v.Kind() {`);
    lines.push(`\tcase ${reflect}.Chan, ${reflect}.Func, ${reflect}.Interface, ${reflect}.Map, ${reflect}.Ptr, ${reflect}.Slice:`);
    lines.push(`\t\t${isNil} = v.IsNil()`);
    lines.push('\t}');
    lines.push('}');
    traceFields.push(`Str("executor_type", ${fmt}.Sprintf("%T", ${q.executor}))`, `Bool("executor_nil", ${isNil})`);
    lines.push(...zerologChain(log, 'Info', traceFields, TRACE_LINES.executeQuestionEntry));
    lines.push(`if ${isNil} {`);
    lines.push(
      ...indent(zerologChain(log, 'Error', [...questionFields(q, ['jobID', 'region']), `Str("executor_type", ${fmt}.Sprintf("%T", ${q.executor}))`], '🚨 CRITICAL: executor is NIL!')),
    );
    const nilResult = failed('executor is nil (%T) - hybrid client not initialized', q.executor);
    if (results.length === 1) {
      lines.push(...indent([`return ${nilResult[0]}`, ...nilResult.slice(1)]));
    } else {
      lines.push(...indent([`${resultName} = ${nilResult[0]}`, ...nilResult.slice(1), 'return']));
    }
    lines.push('}');
  } else {
    lines.push(...zerologChain(log, 'Info', traceFields, TRACE_LINES.executeQuestionEntry));
  }

  const uses = [...questionUses(q), ...usesOf([[logger?.name, 'the logger'], [nameResults ? undefined : resultName, 'the named result']])];
  return { blocks: [{ ...place, lines, uses }], nameResults };
}

