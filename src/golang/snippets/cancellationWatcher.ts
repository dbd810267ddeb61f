import type { Node } from 'web-tree-sitter';
import { field, namedChildren } from '../syntax';
import type { SnippetContext, SnippetOutcome } from './context';
import { afterStatement, beforeStatement, existingLogger, fresh, indent, loggingImportPath, questionFields, questionNames, usesOf, zerologChain } from './goCode';
import { TRACE_LINES } from '../../shared/instrumentationLines';

/** The context passed to the call (its first argument) when that is a plain name. */
function contextArgument(call: Node): string | undefined {
  const args = field(call, 'arguments');
  const first = args ? namedChildren(args).filter((n) => n.type !== 'comment')[0] : undefined;
  return first?.type === 'identifier' ? first.text : undefined;
}

/**
 * Step 5.1 around the `executor.Execute(…)` call: logs "Context cancelled during execution" exactly
 * once when the context is cancelled before the call returns — from a watcher goroutine while the
 * call runs, or at the return when the call came back faster than the watcher was scheduled — and
 * never for a cancellation after the return. The watcher stops when the call returns (and, should
 * the call panic, when the function returns): no leak, no false alarm. After the call the function
 * waits for the watcher to exit, so a line it began logging is in the log before the caller reads it. Go 1.19: no context.AfterFunc.
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
  const context = c.imports.use('context');
  const atomic = c.imports.use('sync/atomic');
  const sync = c.imports.use('sync');
  const state = fresh(c, 'beaconWatchState');
  const started = fresh(c, 'beaconWatchStart');
  const logCancel = fresh(c, 'beaconLogCancel');
  const watch = fresh(c, 'beaconWatch');
  const stop = fresh(c, 'beaconStopWatch');
  const exited = fresh(c, 'beaconWatchExited');
  lines.push(
    `var ${state} int32 // 0: call running, 1: call returned, 2: cancellation logged`,
    `${started} := ${time}.Now()`,
    `${logCancel} := func() {`,
    `\tif ${atomic}.CompareAndSwapInt32(&${state}, 0, 2) {`,
    ...indent(
      zerologChain(log, 'Warn', [...questionFields(q, ['jobID', 'region']), `Dur("after", ${time}.Since(${started}))`, `Err(${ctx}.Err())`], TRACE_LINES.contextCancelled),
      2,
    ),
    '\t}',
    '}',
    `${watch}, ${stop} := ${context}.WithCancel(${context}.Background())`,
    `defer ${stop}()`,
    `var ${exited} ${sync}.WaitGroup`,
    `${exited}.Add(1)`,
    'go func() {',
    `\tdefer ${exited}.Done()`,
    '\tselect {',
    `\tcase <-${ctx}.Done():`,
    `\t\t${logCancel}()`,
    `\tcase <-${watch}.Done():`,
    '\t}',
    '}()',
  );
  const afterLines = [
    `if ${ctx}.Err() != nil {`,
    `\t${logCancel}() // cancelled before the call returned`,
    '}',
    `${atomic}.CompareAndSwapInt32(&${state}, 0, 1)`,
    `${stop}()`,
    `${exited}.Wait() // a line the watcher began is written before the function goes on`,
  ];
  const uses = usesOf([
    [ctx, 'the context'],
    [logger?.name, 'the logger'],
    [q.jobID, 'the job id'],
    [q.region, 'the region'],
  ]);
  return {
    blocks: [
      { ...before, lines, uses },
      { ...after, lines: afterLines, uses: usesOf([[ctx, 'the context']]) },
    ],
  };
}
