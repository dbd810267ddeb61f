/** The plan's instrumentation steps, their anchors and how the UI names them. */

export const STEP_IDS = ['0.3', '2.1', '2.2', '2.3', '2.4', '5.1', 'fix-g'] as const;
export type StepId = (typeof STEP_IDS)[number];

export function isStepId(s: string): s is StepId {
  return (STEP_IDS as readonly string[]).includes(s);
}

/** Where a step's code goes. */
export type AnchorKind = 'executeQuestion' | 'executorCall' | 'hybridExecute' | 'runInference' | 'setHybridClient';

export const ANCHOR_LABEL: Record<AnchorKind, string> = {
  executeQuestion: 'method executeQuestion on JobRunner',
  executorCall: 'the executor.Execute(…) call inside JobRunner.executeQuestion',
  hybridExecute: 'method Execute on HybridExecutor',
  runInference: 'method RunInference on Client',
  setHybridClient: 'the SetHybridClient(…) call in package main’s main()',
};

/** "no method Execute on HybridExecutor", "no executor.Execute(…) call inside …" (never "no the …"). */
export function noAnchorText(kind: AnchorKind): string {
  return `no ${ANCHOR_LABEL[kind].replace(/^the /, '')}`;
}

/** POST /api/v1/jobs/cross-region calls RunInference directly. */
export const CROSS_REGION_NOTE =
  'Only 2.4 also covers the cross-region execution path: POST /api/v1/jobs/cross-region calls ' +
  'hybrid.Client.RunInference directly and never passes through executeQuestion or HybridExecutor.Execute.';

export interface StepInfo {
  id: StepId;
  anchor: AnchorKind;
  /** Short words after "Insert <id>" on a code lens. */
  label: string;
  /** One or two sentences for tooltips and the CLI. */
  description: string;
  coversCrossRegion: boolean;
}

export const STEPS: Record<StepId, StepInfo> = {
  '0.3': {
    id: '0.3',
    anchor: 'setHybridClient',
    label: '/debug/executor endpoint',
    description:
      'Step 0.3: GET /debug/executor reports the executor type and whether a hybrid client is set. ' +
      'Off unless BEACON_DEBUG_EXECUTOR=1; needs "Authorization: Bearer $ADMIN_TOKEN" when ADMIN_TOKEN is set.',
    coversCrossRegion: false,
  },
  '2.1': {
    id: '2.1',
    anchor: 'executeQuestion',
    label: 'panic recovery',
    description:
      'Step 2.1: a recovered panic is logged with its stack and returns a failed ExecutionResult; ' +
      'a nil executor (typed nils too) returns a failed result instead of crashing; entry trace.',
    coversCrossRegion: false,
  },
  '2.2': {
    id: '2.2',
    anchor: 'executorCall',
    label: 'executor call trace',
    description:
      'Step 2.2: traces the executor.Execute call — entry, return (status, sizes, error, duration) — and warns ' +
      '"SUSPICIOUS" when it returns in under 100 ms.',
    coversCrossRegion: false,
  },
  '2.3': {
    id: '2.3',
    anchor: 'hybridExecute',
    label: 'HybridExecutor entry trace',
    description: 'Step 2.3: entry trace in HybridExecutor.Execute and a failed result when its hybrid client is nil.',
    coversCrossRegion: false,
  },
  '2.4': {
    id: '2.4',
    anchor: 'runInference',
    label: 'RunInference trace',
    description:
      'Step 2.4: [HYBRID_CLIENT] trace lines on entry and exit of RunInference (elapsed, success or error), ' +
      'without a second request and without touching the path fallback.',
    coversCrossRegion: true,
  },
  '5.1': {
    id: '5.1',
    anchor: 'executorCall',
    label: 'context-cancellation watcher',
    description:
      'Step 5.1: logs "Context cancelled during execution" only when the context is cancelled while ' +
      'executor.Execute runs; the watcher stops when the call returns.',
    coversCrossRegion: false,
  },
  'fix-g': {
    id: 'fix-g',
    anchor: 'setHybridClient',
    label: 'hybrid initialisation logging',
    description:
      'Fix G: after the hybrid wiring in main, logs the executor type, whether a hybrid client is set, ' +
      'and which HYBRID_* variables are set.',
    coversCrossRegion: false,
  },
};
