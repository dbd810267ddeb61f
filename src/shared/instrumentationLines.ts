/**
 * The lines the plan's instrumentation prints, defined once: the Go snippets write them
 * (golang/snippets), the simulator recognises deployed snippets by them (sim/instrumentationScan)
 * and its runner prints them (sim/runnerApp). A snippet whose text changes changes here, so the
 * simulator cannot silently stop recognising it.
 */
export const TRACE_LINES = {
  /** 0.3: the route the debug endpoint registers. */
  debugExecutorRoute: '/debug/executor',
  /** 2.1 */
  executeQuestionEntry: '🔍 TRACE: executeQuestion ENTRY',
  panicRecovered: '🚨 PANIC RECOVERED in executeQuestion',
  /** 2.2 */
  callingExecute: '🔍 TRACE: Calling executor.Execute()',
  executeReturned: '🔍 TRACE: executor.Execute() RETURNED',
  /** 2.3 */
  hybridExecuteEntry: '🔍 TRACE: HybridExecutor.Execute ENTRY',
  /** 2.4: the prefix of every line of the RunInference trace. */
  hybridClientPrefix: '[HYBRID_CLIENT]',
  /** 5.1 */
  contextCancelled: '🚨 Context cancelled during execution',
  /** Fix G: the prefix of the wiring lines printed with fmt (main has no zerolog logger)… */
  fixGPrefix: '[FIX_G]',
  /** …and the message of the wiring line logged with zerolog. */
  fixGWiring: '🔍 FIX_G: hybrid client wiring',
} as const;

/** Which snippet a deployed Go source holds, by the text it contains (any one of the texts). */
export const SNIPPET_MARKERS: readonly (readonly [step: string, texts: readonly string[]])[] = [
  ['0.3', [JSON.stringify(TRACE_LINES.debugExecutorRoute)]],
  ['2.1', [TRACE_LINES.executeQuestionEntry, TRACE_LINES.panicRecovered]],
  ['2.2', [TRACE_LINES.callingExecute, TRACE_LINES.executeReturned]],
  ['2.3', [TRACE_LINES.hybridExecuteEntry]],
  ['2.4', [TRACE_LINES.hybridClientPrefix]],
  ['5.1', [TRACE_LINES.contextCancelled]],
  ['fix-g', [TRACE_LINES.fixGPrefix, TRACE_LINES.fixGWiring]],
];
