import type { Node } from 'web-tree-sitter';
import { declaredNames, field, namedChildren, usable } from '../syntax';
import type { SnippetContext, SnippetOutcome } from './context';
import { afterStatement, beforeStatement, declaredBefore, existingLogger, fresh, indent, loggingImportPath, questionFields, questionNames, questionUses, simpleFollowers, usesOf, zerologChain } from './goCode';
import { TRACE_LINES } from '../../shared/instrumentationLines';

/** The names on the left of `providerID, status, outputJSON, receiptJSON, err := executor.Execute(…)`. */
export function callResultNames(stmt: Node): { provider?: string; status?: string; output?: string; receipt?: string; err?: string } {
  if (stmt.type !== 'short_var_declaration' && stmt.type !== 'assignment_statement') return {};
  const left = field(stmt, 'left');
  const names = left ? namedChildren(left).map((n) => (n.type === 'identifier' ? n.text : null)) : [];
  const pick = (i: number) => {
    const n = names[i];
    return usable(n) ? n : undefined;
  };
  if (names.length === 5) return { provider: pick(0), status: pick(1), output: pick(2), receipt: pick(3), err: pick(4) };
  const last = pick(names.length - 1);
  return last && last.toLowerCase().includes('err') ? { err: last } : {};
}

/** The spec expression passed to Execute, without `&`: `&singleQuestionSpec` → `singleQuestionSpec`. */
function specArgument(call: Node): string | undefined {
  const args = field(call, 'arguments');
  const arg = args ? namedChildren(args).filter((n) => n.type !== 'comment')[1] : undefined;
  if (!arg) return undefined;
  if (arg.type === 'unary_expression' && arg.text.startsWith('&')) {
    const operand = field(arg, 'operand');
    return operand?.type === 'identifier' ? operand.text : undefined;
  }
  return arg.type === 'identifier' ? arg.text : undefined;
}

/**
 * Step 2.2 around the `executor.Execute(…)` call: an entry trace, a return trace (status, sizes,
 * error, duration) and the SUSPICIOUS warning under 100 ms. It reuses `executionStart` /
 * `executionDuration` when the function already has them and declares nothing twice.
 */
export function executorCallTrace(c: SnippetContext): SnippetOutcome {
  const { func, node: stmt, call } = c.anchor;
  if (!call) return { skip: 'no executor.Execute call found' };
  const q = questionNames(func);
  const before = beforeStatement(c, stmt);
  if ('skip' in before) return before;

  const decls: string[] = [];
  const logger = existingLogger(func, stmt.startIndex);
  let log: string;
  if (logger) log = logger.name;
  else {
    const path = loggingImportPath(c);
    if (!path) return { skip: 'no logging package (logging.FromContext) is imported in this package' };
    if (!q.ctx) return { skip: 'executeQuestion has no named context.Context parameter' };
    log = fresh(c, 'beaconLog');
    decls.push(`${log} := ${c.imports.use(path)}.FromContext(${q.ctx})`);
  }

  const time = c.imports.use('time');
  const fmt = q.executor ? c.imports.use('fmt') : '';
  const spec = specArgument(call) ?? q.spec;

  // executionStart: reuse it when declared before the call, else declare it (or a fresh name).
  let start = 'executionStart';
  const startExists = declaredBefore(func, stmt, start);
  if (!startExists) start = c.taken.has(start) ? fresh(c, 'beaconExecutionStart') : fresh(c, start);

  // executionDuration: reuse it when the statements right after the call declare it.
  let afterStmt = stmt;
  let duration: string | undefined;
  for (const f of simpleFollowers(stmt)) {
    if (declaredNames(f).includes('executionDuration')) {
      afterStmt = f;
      duration = 'executionDuration';
      break;
    }
  }
  const after = afterStatement(c, afterStmt);
  if ('skip' in after) return after;
  const afterDecls: string[] = [];
  if (!duration) {
    duration = c.taken.has('executionDuration') ? fresh(c, 'beaconExecutionDuration') : fresh(c, 'executionDuration');
    afterDecls.push(`${duration} := ${time}.Since(${start})`);
  }

  const entry = [...questionFields(q)];
  if (q.executor) entry.push(`Str("executor_type", ${fmt}.Sprintf("%T", ${q.executor}))`);
  if (spec) entry.push(`Int("num_questions", len(${spec}.Questions))`);
  if (startExists) entry.push(`Time("execution_start", ${start})`);
  const beforeLines = [...decls, ...zerologChain(log, 'Info', entry, TRACE_LINES.callingExecute)];
  if (!startExists) beforeLines.push(`${start} := ${time}.Now()`);

  const r = callResultNames(stmt);
  const ret = [...questionFields(q)];
  if (r.provider) ret.push(`Str("provider_id", ${r.provider})`);
  if (r.status) ret.push(`Str("status", ${r.status})`);
  ret.push(`Dur("duration_ms", ${duration})`, `Int64("duration_nanosec", ${duration}.Nanoseconds())`);
  if (r.output) ret.push(`Int("output_len", len(${r.output}))`);
  if (r.receipt) ret.push(`Int("receipt_len", len(${r.receipt}))`);
  if (r.err) ret.push(`Bool("has_error", ${r.err} != nil)`, `Err(${r.err})`);
  const warn = [...questionFields(q, ['jobID', 'region']), `Dur("duration", ${duration})`];
  if (r.status) warn.push(`Str("status", ${r.status})`);
  const afterLines = [
    ...afterDecls,
    ...zerologChain(log, 'Info', ret, TRACE_LINES.executeReturned),
    `if ${duration} < 100*${time}.Millisecond {`,
    ...indent(zerologChain(log, 'Warn', warn, '🚨 SUSPICIOUS: Execution completed in <100ms - likely immediate failure')),
    '}',
  ];
  const common = usesOf([[logger?.name, 'the logger'], [spec, 'the job spec']]);
  const beforeUses = [...questionUses(q), ...common, ...usesOf([[startExists ? start : undefined, 'the execution start time']])];
  const afterUses = [
    ...questionUses(q),
    ...common,
    ...usesOf([
      [start, 'the execution start time'],
      [afterDecls.length ? undefined : duration, 'the execution duration'],
      [r.provider, 'the provider id'],
      [r.status, 'the status'],
      [r.output, 'the output'],
      [r.receipt, 'the receipt'],
      [r.err, 'the error'],
    ]),
  ];
  return {
    blocks: [
      { ...before, lines: beforeLines, uses: beforeUses.filter((u) => u.name !== start || startExists) },
      { ...after, lines: afterLines, uses: afterUses.filter((u) => u.name !== start || startExists) },
    ],
  };
}
