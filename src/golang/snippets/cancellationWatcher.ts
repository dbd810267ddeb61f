import type { Node } from 'web-tree-sitter';
import { field, namedChildren } from '../syntax';
import type { SnippetContext, SnippetOutcome } from './context';
import { afterStatement, beforeStatement, existingLogger, fresh, indent, loggingImportPath, questionFields, questionNames, zerologChain } from './goCode';

/** The context passed to the call (its first argument) when that is a plain name. */
function contextArgument(call: Node): string | undefined {
  const args = field(call, 'arguments');
  const first = args ? namedChildren(args).filter((n) => n.type !== 'comment')[0] : undefined;
  return first?.type === 'identifier' ? first.text : undefined;
}

/**
 * Step 5.1 around the `executor.Execute(…)` call: a goroutine that logs only a cancellation that
 * happens while the call runs. It is stopped as soon as the call returns (and, should the call
 * panic, when the function returns), so it neither leaks nor logs a false "cancelled" afterwards.
 * Go 1.19: no context.AfterFunc.
 */
export function cancellationWatcher(c: SnippetContext): SnippetOutcome {
  const { func, node: stmt, call } = c.anchor;
  if (!call) return { skip: 'no executor.Execute call found' };
  const q = questionNames(func);
  const ctx = contextArgument(call) ?? q.ctx;
  if (!ctx) return { skip: 'the context passed to executor.Execute is not a plain variable' };
  const before = beforeStatement(c, stmt);
  if ('skip' in before) return before;
  const after = afterStatement(c, stmt);
  if ('skip' in after) return after;

  const lines: string[] = [];
  const logger = existingLogger(func, stmt.startIndex);
  let log: string;
  if (logger) log = logger.name;
  else {
    const path = loggingImportPath(c);
    if (!path) return { skip: 'no logging package (logging.FromContext) is imported in this package' };
    log = fresh(c, 'beaconLog');
    lines.push(`${log} := ${c.imports.use(path)}.FromContext(${ctx})`);
  }
  const time = c.imports.use('time');
  const done = fresh(c, 'beaconCallDone');
  const stop = fresh(c, 'beaconStopWatch');
  const started = fresh(c, 'beaconWatchStart');
  lines.push(
    `${done} := make(chan struct{})`,
    `${stop} := func() {`,
    '\tselect {',
    `\tcase <-${done}:`,
    '\tdefault:',
    `\t\tclose(${done})`,
    '\t}',
    '}',
    `defer ${stop}()`,
    `${started} := ${time}.Now()`,
    'go func() {',
    '\tselect {',
    `\tcase <-${ctx}.Done():`,
    '\t\tselect {',
    `\t\tcase <-${done}:`,
    '\t\t\treturn // the call had already returned: not a cancellation during execution',
    '\t\tdefault:',
    '\t\t}',
    ...indent(
      zerologChain(log, 'Warn', [...questionFields(q, ['jobID', 'region']), `Dur("after", ${time}.Since(${started}))`, `Err(${ctx}.Err())`], '🚨 Context cancelled during execution'),
      2,
    ),
    `\tcase <-${done}:`,
    '\t}',
    '}()',
  );
  return {
    blocks: [
      { at: before.at, base: before.base, lines },
      { at: after.at, base: after.base, lines: [`${stop}()`] },
    ],
  };
}
