/**
 * The results page's view model: everything the page shows about one run, already decided on the
 * host (verdicts, counts, the decision tree with the path taken, fixes, criteria). The page only
 * renders it. Shared by the host and the page, validated with zod on both ends (see
 * `src/shared/webviewProtocol.ts`). Browser-safe: no Node imports.
 */
import * as z from 'zod';

const VIEW_VERDICTS = ['pending', 'running', 'pass', 'fail', 'warn', 'inconclusive', 'error', 'skipped', 'done'] as const;
export const ViewVerdict = z.enum(VIEW_VERDICTS);
export type ViewVerdict = z.infer<typeof ViewVerdict>;
export const VERDICT_ORDER: readonly ViewVerdict[] = ['fail', 'error', 'warn', 'inconclusive', 'pass', 'done', 'skipped', 'running', 'pending'];

const text = z.string().max(2_000_000);
const shortText = z.string().max(20_000);
const id = z.string().min(1).max(200);
const scalar = z.union([z.string().max(20_000), z.number(), z.boolean(), z.null()]);

export const OutputView = z.object({
  text: z.string().max(100_000),
  /** Lines and UTF-8 bytes of the whole output as captured. */
  lines: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** The page shows only the first part. */
  truncated: z.boolean(),
  /** The history keeps only the head and tail of this output (it was over the storage cap). */
  capped: z.boolean(),
});
export type OutputView = z.infer<typeof OutputView>;

export const CheckView = z.object({
  id,
  label: shortText,
  verdict: ViewVerdict,
  reason: shortText,
  durationMs: z.number().nullable(),
  command: shortText,
  vantage: shortText.nullable(),
  cached: z.boolean(),
  output: OutputView,
});
export type CheckView = z.infer<typeof CheckView>;

export const StepView = z.object({
  id,
  title: shortText,
  verdict: ViewVerdict,
  reason: shortText,
  durationMs: z.number().nullable(),
  /** False for a result carried over from an earlier run. */
  ran: z.boolean(),
  checks: z.array(CheckView),
});
export type StepView = z.infer<typeof StepView>;

export const GroupView = z.object({ id, title: shortText, steps: z.array(StepView) });
export type GroupView = z.infer<typeof GroupView>;

export const EvidenceView = z.object({
  label: shortText,
  fact: shortText,
  value: scalar,
  step: z.string().max(200),
  check: z.string().max(200).nullable(),
  line: shortText.nullable(),
  /** Likelihood ratio of the evidence item; null for a fact the tree read. */
  weight: z.number().nullable(),
});
export type EvidenceView = z.infer<typeof EvidenceView>;

export const RankedView = z.object({
  id,
  title: shortText,
  probability: z.number(),
  prior: z.number(),
  isRootCause: z.boolean(),
  for: z.array(z.object({ label: shortText, weight: z.number() })),
  against: z.array(z.object({ label: shortText, weight: z.number() })),
});
export type RankedView = z.infer<typeof RankedView>;

export const DiagnosisView = z.object({
  status: z.enum(['certain', 'healthy', 'undetermined']),
  rootCause: z.object({
    id,
    title: shortText,
    probability: z.number(),
    /** "cause 1, scenario F, fix F" — where the plan talks about it. */
    plan: shortText.nullable(),
    scenario: z.object({ id, letter: z.string().max(20), title: shortText }).nullable(),
  }),
  /** One sentence: "Root cause: …" / "Undetermined: … leads at 62 %". */
  headline: shortText,
  ranked: z.array(RankedView),
  evidence: z.array(EvidenceView),
  nextStep: z.object({ step: id, title: shortText, text: shortText, reason: shortText }).nullable(),
  notes: z.array(shortText),
});
export type DiagnosisView = z.infer<typeof DiagnosisView>;

export const TreeBranchView = z.object({
  label: shortText,
  taken: z.boolean(),
  to: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('node'), id }),
    z.object({ kind: z.literal('cause'), id, title: shortText }),
  ]),
  note: shortText.nullable(),
});
export type TreeBranchView = z.infer<typeof TreeBranchView>;

export const TreeNodeView = z.object({
  id,
  question: shortText,
  needs: z.array(id),
  onPath: z.boolean(),
  /** Where the walk ended (leaf reached here, steps needed here, or stuck here). */
  isEnd: z.boolean(),
  branches: z.array(TreeBranchView),
});
export type TreeNodeView = z.infer<typeof TreeNodeView>;

export const TreeView = z.object({
  nodes: z.array(TreeNodeView),
  outcome: z.object({ kind: z.enum(['leaf', 'needs', 'stuck']), node: z.string().max(200), text: shortText }),
  planText: text,
  impossible: z.array(z.object({ branch: shortText, why: shortText })),
  notes: z.array(shortText),
});
export type TreeView = z.infer<typeof TreeView>;

export const FixView = z.object({
  id,
  letter: z.string().max(20).nullable(),
  title: shortText,
  kind: z.enum(['command', 'code', 'guidance']),
  text: text,
  /** The command as shown (POSIX-quoted), command fixes only. */
  command: shortText.nullable(),
  effect: shortText.nullable(),
  /** The fix of the certain root cause (the others belong to causes that are still possible). */
  recommended: z.boolean(),
  cause: z.object({ id, title: shortText, probability: z.number() }).nullable(),
});
export type FixView = z.infer<typeof FixView>;

export const AppliedFixView = z.object({
  id,
  title: shortText,
  command: shortText,
  environment: shortText,
  appliedAt: z.string().max(100),
  exitCode: z.number(),
  output: OutputView,
  undoCommand: shortText.nullable(),
});
export type AppliedFixView = z.infer<typeof AppliedFixView>;

export const CriterionView = z.object({ id, text: shortText, status: z.enum(['met', 'notMet', 'unknown']) });
export type CriterionView = z.infer<typeof CriterionView>;

export const InstrumentationView = z.object({
  present: z.boolean().nullable(),
  summary: shortText,
  files: z.array(z.object({ file: shortText, steps: z.array(z.string().max(50)), lines: z.array(z.number()) })),
});
export type InstrumentationView = z.infer<typeof InstrumentationView>;

export const RunView = z.object({
  /** The history record's id; `live` while a run is in progress and not yet saved. */
  runId: id,
  live: z.boolean(),
  runbookTitle: shortText,
  label: shortText,
  environment: z.object({
    name: shortText,
    production: z.boolean(),
    flyApp: shortText,
    runnerUrl: shortText,
    routerUrl: shortText,
  }),
  startedAt: z.string().max(100).nullable(),
  finishedAt: z.string().max(100).nullable(),
  durationMs: z.number().nullable(),
  cancelled: z.boolean(),
  counts: z.partialRecord(ViewVerdict, z.number().int().nonnegative()),
  groups: z.array(GroupView),
  diagnosis: DiagnosisView.nullable(),
  tree: TreeView.nullable(),
  fixes: z.array(FixView),
  fixesApplied: z.array(AppliedFixView),
  criteria: z.array(CriterionView),
  instrumentation: InstrumentationView,
});
export type RunView = z.infer<typeof RunView>;

/** One line of the history list. */
export const HistoryEntry = z.object({
  id,
  startedAt: z.string().max(100),
  finishedAt: z.string().max(100),
  environment: shortText,
  production: z.boolean(),
  label: shortText,
  counts: z.partialRecord(ViewVerdict, z.number().int().nonnegative()),
  rootCause: z.object({ id, title: shortText, probability: z.number() }).nullable(),
  status: z.enum(['certain', 'healthy', 'undetermined']).nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** Two runs side by side: what changed from `before` to `after`. */
export const RunComparisonView = z.object({
  before: HistoryEntry,
  after: HistoryEntry,
  verdicts: z.array(z.object({ step: id, title: shortText, before: ViewVerdict.nullable(), after: ViewVerdict.nullable() })),
  facts: z.array(z.object({ fact: shortText, before: scalar.optional(), after: scalar.optional() })),
  rootCause: z.object({
    before: z.object({ id, title: shortText, probability: z.number() }).nullable(),
    after: z.object({ id, title: shortText, probability: z.number() }).nullable(),
    changed: z.boolean(),
  }),
  /** Steps whose verdict did not change, for the "unchanged" count. */
  unchanged: z.number().int().nonnegative(),
});
export type RunComparisonView = z.infer<typeof RunComparisonView>;
